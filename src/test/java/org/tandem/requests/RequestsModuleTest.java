package org.tandem.requests;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.TestWorld;
import org.tandem.lti.LaunchSession;
import org.tandem.lti.MessageType;
import org.tandem.lti.Role;
import org.tandem.lti.TestDatabases;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The requests module with the modules it uses, without those that listen to it: what it
 * tells the others is its events, with the ids they need to find the rest.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class RequestsModuleTest {

	@DynamicPropertySource
	static void h2(DynamicPropertyRegistry properties) {
		TestDatabases.tandem(properties);
		TestDatabases.h2(properties);
	}

	final HelpDesk desk;

	final JdbcClient jdbc;

	TestWorld world;

	RequestsModuleTest(HelpDesk desk, JdbcClient jdbc) {
		this.desk = desk;
		this.jdbc = jdbc;
	}

	@BeforeEach
	void world() {
		world = TestWorld.create(jdbc);
	}

	@Test
	void filingARequestPublishesRequestFiledWithItsPlatformAndCourse(AssertablePublishedEvents events) {
		long id = desk.file(launch(world.teacherId, "3", Role.TEACHER), form("Revoir l'évaluation"), List.of(),
				FilingToken.fresh(), List.of());

		assertThat(events.ofType(RequestFiled.class))
			.containsExactly(new RequestFiled(id, world.platformId, world.courseId));
	}

	@Test
	void engineersReplyPublishesRequestRepliedByAnEngineer(AssertablePublishedEvents events) {
		long id = desk.file(launch(world.teacherId, "3", Role.TEACHER), form("Quiz"), List.of(), FilingToken.fresh(),
				List.of());
		long engineer = world.person("5", "Eve Engineer", "engineer1@example.com");

		desk.reply(launch(engineer, "5", Role.ENGINEER), id, "Let us meet on Monday.", List.of());

		assertThat(events).contains(RequestReplied.class)
			.matching(RequestReplied::requestId, id)
			.matching(RequestReplied::authorId, engineer)
			.matching(RequestReplied::byEngineer, true);
		assertThat(events.ofType(RequestReplied.class)).singleElement()
			.satisfies(replied -> assertThat(jdbc.sql("select body from request_message where id = ?")
				.param(replied.messageId())
				.query(String.class)
				.single()).as("the event names the reply that was saved").isEqualTo("Let us meet on Monday."));
	}

	LaunchSession launch(long personId, String subject, Role role) {
		return new LaunchSession(world.platformId, "Module test Moodle", "1", world.courseId, "14",
				"Biologie cellulaire", "BIO101", personId, subject, null, null, Locale.ENGLISH, Set.of(role),
				MessageType.RESOURCE_LINK, "1");
	}

	static RequestForm form(String title) {
		return new RequestForm(Topic.ASSESSMENT, title, "Align the exam with the objectives", null, null, null, null,
				WorkMode.MESSAGES, List.of(), false);
	}

}
