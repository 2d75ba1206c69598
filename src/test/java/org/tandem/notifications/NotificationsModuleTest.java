package org.tandem.notifications;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tandem.TestWorld;
import org.tandem.artifacts.HelpKind;
import org.tandem.artifacts.ReworkRecorded;
import org.tandem.lti.TestDatabases;
import org.tandem.moodle.MoodleSites;
import org.tandem.moodle.MoodleUser;
import org.tandem.moodle.MoodleWebServices;
import org.tandem.moodle.SiteInfo;
import org.tandem.requests.RequestFiled;
import org.tandem.requests.RequestStatus;
import org.tandem.requests.RequestStatusChanged;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationEventPublisher;
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
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

/**
 * The notifications module on its own with the modules it uses, told the news of the
 * requests and artifacts modules by their events alone: who gets a row in the outbox for
 * each. Moodle is a mock: only the answer to the token's check is needed.
 */
@ApplicationModuleTest(mode = BootstrapMode.ALL_DEPENDENCIES)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class NotificationsModuleTest {

	@DynamicPropertySource
	static void h2(DynamicPropertyRegistry properties) {
		TestDatabases.tandem(properties);
		TestDatabases.h2(properties);
		// rows are counted as written, not sent
		properties.add("tandem.mail.poll-interval", () -> "1d");
		// what one person is told within the hour comes as one message
		properties.add("tandem.mail.batch-window", () -> "1h");
	}

	@MockitoBean
	MoodleWebServices webServices;

	final JdbcClient jdbc;

	final MoodleSites sites;

	final NotificationPreferences preferences;

	final ApplicationEventPublisher events;

	TestWorld world;

	long request;

	NotificationsModuleTest(JdbcClient jdbc, MoodleSites sites, NotificationPreferences preferences,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.sites = sites;
		this.preferences = preferences;
		this.events = events;
	}

	@BeforeEach
	void world() {
		// what the previous test's listeners wrote: they are done
		jdbc.sql("delete from notification_item").update();
		jdbc.sql("delete from notification_lock").update();
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
	void engineerNamedByMoodleIdOnlyIsMailedAtTheAddressMoodleGives(Scenario scenario) {
		sites.connect(world.platformId, world.site, world.site, "token-0123456789abcdef", "test");
		when(webServices.user(any(), eq(5L)))
			.thenReturn(Optional.of(new MoodleUser(5, "Eve Engineer", "engineer1@example.com", "fr")));
		world.engineer("5", null);

		scenario.publish(new RequestFiled(request, world.platformId, world.courseId))
			.andWaitForStateChange(this::outbox, rows -> !rows.isEmpty())
			.andVerify(rows -> assertThat(rows).singleElement()
				.satisfies(row -> assertThat(row).containsEntry("CHANNEL", "MAIL")
					.containsEntry("EMAIL", "engineer1@example.com")));
	}

	@Test
	void engineerWhoseAddressMoodleKeepsIsToldInMoodle(Scenario scenario) {
		sites.connect(world.platformId, world.site, world.site, "token-0123456789abcdef", "test");
		when(webServices.user(any(), eq(5L))).thenReturn(Optional.of(new MoodleUser(5, "Eve Engineer", null, "fr")));
		world.engineer("5", null);

		scenario.publish(new RequestFiled(request, world.platformId, world.courseId))
			.andWaitForStateChange(this::outbox, rows -> !rows.isEmpty())
			.andVerify(rows -> assertThat(rows).singleElement().satisfies(row -> {
				assertThat(row).containsEntry("CHANNEL", "MOODLE").containsEntry("MOODLE_USER_ID", 5L);
				// in French: they never launched Tandem
				assertThat((String) row.get("BODY")).contains("demande de l’aide",
						"Ne répondez pas à ce message dans Moodle");
			}));
	}

	@Test
	void engineerNobodyCanReachIsAWarningInTheLog(Scenario scenario, CapturedOutput output) {
		world.engineer("6", null);

		scenario.publish(new RequestFiled(request, world.platformId, world.courseId))
			.andWaitForStateChange(
					() -> output.getOut()
						.contains("Engineer #6 of platform " + world.platformId + " cannot be told of new requests"),
					Boolean::booleanValue)
			.andVerify(warned -> assertThat(outbox()).isEmpty());
	}

	@Test
	void reworkIsToldToTheTeacherInMoodleWhenTheyChoseIt(Scenario scenario) {
		sites.connect(world.platformId, world.site, world.site, "token-0123456789abcdef", "test");
		preferences.choose(world.teacherId, Outbox.Channel.MOODLE);
		long engineer = world.person("5", "Eve Engineer", "engineer1@example.com");

		scenario.publish(new ReworkRecorded(request, engineer, HelpKind.MEDIATION, "Quiz final", true))
			.andWaitForStateChange(this::outbox, rows -> !rows.isEmpty())
			.andVerify(rows -> assertThat(rows).singleElement().satisfies(row -> {
				assertThat(row).containsEntry("CHANNEL", "MOODLE")
					.containsEntry("RECIPIENT_ID", world.teacherId)
					.containsEntry("MOODLE_USER_ID", 3L);
				assertThat((String) row.get("BODY")).contains("Quiz final", "Revoir l&#39;évaluation",
						"Reply in Tandem", "Do not answer this message in Moodle");
			}));
	}

	@Test
	void teacherWhoseAddressTandemKnowsIsToldByMailOnlyEvenWithWebServices(Scenario scenario) {
		sites.connect(world.platformId, world.site, world.site, "token-0123456789abcdef", "test");
		long engineer = world.person("5", "Eve Engineer", "engineer1@example.com");

		scenario.publish(new ReworkRecorded(request, engineer, HelpKind.MEDIATION, "Quiz final", true))
			.andWaitForStateChange(this::outbox, rows -> !rows.isEmpty())
			.andVerify(rows -> assertThat(rows).singleElement().satisfies(row -> {
				assertThat(row).containsEntry("CHANNEL", "MAIL").containsEntry("EMAIL", "teacher@example.com");
				assertThat((String) row.get("BODY")).contains("Quiz final", "reply in Tandem",
						"reads no replies to it");
			}));
	}

	@Test
	void teacherChoosingMoodleWithoutWebServicesIsStillMailed(Scenario scenario) {
		preferences.choose(world.teacherId, Outbox.Channel.MOODLE);
		long engineer = world.person("5", "Eve Engineer", "engineer1@example.com");

		scenario.publish(new ReworkRecorded(request, engineer, HelpKind.MEDIATION, "Quiz final", true))
			.andWaitForStateChange(this::outbox, rows -> !rows.isEmpty())
			.andVerify(rows -> assertThat(rows).singleElement()
				.satisfies(row -> assertThat(row).containsEntry("CHANNEL", "MAIL")
					.containsEntry("EMAIL", "teacher@example.com")));
	}

	@Test
	void burstOfNewsForOneTeacherComesAsOneMessageListingThem(Scenario scenario) {
		long engineer = world.person("5", "Eve Engineer", "engineer1@example.com");

		scenario.stimulate(tx -> tx.execute(status -> {
			events.publishEvent(
					new RequestStatusChanged(request, engineer, RequestStatus.NEW, RequestStatus.TAKEN, null));
			events.publishEvent(new ReworkRecorded(request, engineer, HelpKind.MEDIATION, "Quiz final", true));
			events.publishEvent(new ReworkRecorded(request, engineer, HelpKind.MEDIATISATION, "Page d'accueil", true));
			return "published";
		}))
			.andWaitForStateChange(() -> items(), count -> count == 3)
			.andVerify(count -> assertThat(outbox()).singleElement().satisfies(row -> {
				assertThat(row).containsEntry("CHANNEL", "MAIL")
					.containsEntry("SUBJECT", "[Tandem] 3 updates on your requests");
				assertThat((String) row.get("BODY")).contains("Here is what happened", "Taken", "Quiz final",
						"Page d'accueil");
			}));
	}

	List<Map<String, Object>> outbox() {
		return jdbc.sql("select channel, recipient_id, email, subject, moodle_user_id, body from notification")
			.query()
			.listOfRows();
	}

	long items() {
		return jdbc.sql("select count(*) from notification_item").query(Long.class).single();
	}

	long incomplete(String listener) {
		return jdbc.sql("select count(*) from event_publication where listener_id like ? and completion_date is null")
			.param("%" + listener + "%")
			.query(Long.class)
			.single();
	}

}
