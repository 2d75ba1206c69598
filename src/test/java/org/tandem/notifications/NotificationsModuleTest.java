package org.tandem.notifications;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.TestWorld;
import org.tandem.artifacts.HelpKind;
import org.tandem.artifacts.ReworkRecorded;
import org.tandem.lti.TestDatabases;
import org.tandem.moodle.MoodleSites;
import org.tandem.moodle.MoodleWebServices;
import org.tandem.moodle.SiteInfo;
import org.tandem.requests.RequestFiled;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.Scenario;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.when;

/**
 * The notifications module on its own with the modules it uses, told the news of the
 * requests and artifacts modules by their events alone: who gets a row in the outbox for
 * each. Moodle is a mock: only the answer to the token's check is needed.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
class NotificationsModuleTest {

	@DynamicPropertySource
	static void h2(DynamicPropertyRegistry properties) {
		TestDatabases.tandem(properties);
		TestDatabases.h2(properties);
		// rows are counted as written, not sent
		properties.add("tandem.mail.poll-interval", () -> "1d");
	}

	@MockitoBean
	MoodleWebServices webServices;

	final JdbcClient jdbc;

	final MoodleSites sites;

	TestWorld world;

	long request;

	NotificationsModuleTest(JdbcClient jdbc, MoodleSites sites) {
		this.jdbc = jdbc;
		this.sites = sites;
	}

	@BeforeEach
	void world() {
		// what the previous test's listeners wrote: they are done
		jdbc.sql("delete from notification").update();
		world = TestWorld.create(jdbc);
		request = world.request("Revoir l'évaluation");
		when(webServices.siteInfo(any())).thenReturn(new SiteInfo("Moodle", "https://moodle.example.org", "4.5",
				"tandem", SiteInfo.NEEDED.stream().map(SiteInfo.Function::new).toList()));
	}

	@Test
	void requestFiledIsMailedOnceToEachEngineerWithAnAddress(Scenario scenario) {
		world.engineer("5", null);
		world.person("5", "Eve Engineer", "engineer1@example.com");
		world.engineer(null, "igp@example.com");
		// never launched, so no address; launched without one
		world.engineer("6", null);
		world.engineer("7", null);
		world.person("7", "Sam Silent", null);

		scenario.publish(new RequestFiled(request, world.platformId, world.courseId))
			.andWaitForStateChange(this::outbox, rows -> rows.size() >= 2)
			.andVerify(rows -> assertThat(rows).allSatisfy(row -> assertThat(row).containsEntry("CHANNEL", "MAIL")
				.hasEntrySatisfying("SUBJECT", subject -> assertThat((String) subject).contains("Revoir l'évaluation")))
				.extracting(row -> row.get("EMAIL"))
				.containsExactlyInAnyOrder("engineer1@example.com", "igp@example.com"));
	}

	@Test
	void reworkIsToldToTheTeacherInMoodleWhenThePlatformsWebServicesAreSet(Scenario scenario) {
		sites.connect(world.platformId, world.site, world.site, "token-0123456789abcdef", "test");
		long engineer = world.person("5", "Eve Engineer", "engineer1@example.com");

		scenario.publish(new ReworkRecorded(request, engineer, HelpKind.MEDIATION, "Quiz final", true))
			.andWaitForStateChange(this::outbox, rows -> !rows.isEmpty())
			.andVerify(rows -> assertThat(rows).singleElement().satisfies(row -> {
				assertThat(row).containsEntry("CHANNEL", "MOODLE")
					.containsEntry("RECIPIENT_ID", world.teacherId)
					.containsEntry("MOODLE_USER_ID", 3L);
				assertThat((String) row.get("BODY")).contains("Quiz final", "Revoir l&#39;évaluation");
			}));
	}

	@Test
	void reworkIsToldToNobodyWithoutWebServices(Scenario scenario) {
		long engineer = world.person("5", "Eve Engineer", "engineer1@example.com");

		// the registry keeps the event until the listener has handled it
		scenario.publish(new ReworkRecorded(request, engineer, HelpKind.MEDIATION, "Quiz final", true))
			.andWaitForStateChange(() -> incomplete("RequestNotifications.reworked"), count -> count == 0)
			.andVerify(count -> assertThat(outbox()).isEmpty());
	}

	List<Map<String, Object>> outbox() {
		return jdbc.sql("select channel, recipient_id, email, subject, moodle_user_id, body from notification")
			.query()
			.listOfRows();
	}

	long incomplete(String listener) {
		return jdbc.sql("select count(*) from event_publication where listener_id like ? and completion_date is null")
			.param("%" + listener + "%")
			.query(Long.class)
			.single();
	}

}
