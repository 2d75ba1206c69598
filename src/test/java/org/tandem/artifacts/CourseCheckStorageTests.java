package org.tandem.artifacts;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.moodle.MoodleSites;
import org.tandem.moodle.MoodleWebServices;
import org.tandem.moodle.WebServiceStubs;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.core.task.TaskExecutor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.PlatformTransactionManager;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tandem.moodle.WebServiceStubs.call;
import static org.tandem.moodle.WebServiceStubs.capture;

/**
 * Checks of a course as stored, on each database Tandem runs on, against a Moodle that
 * answers as BIO101's captures: a snapshot only when the course changed, each change once
 * even when two checks run at once, and the scheduled check of the courses with open
 * requests.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles("test")
abstract class CourseCheckStorageTests {

	static final WireMockServer MOODLE = new WireMockServer(
			WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

	static {
		MOODLE.start();
	}

	@Autowired
	CourseChecks checks;

	@Autowired
	ScheduledCourseChecks scheduled;

	@Autowired
	CourseHistory history;

	@Autowired
	MoodleSites sites;

	@Autowired
	MoodleWebServices webServices;

	@Autowired
	SnapshotStore store;

	@Autowired
	PlatformTransactionManager transactions;

	@Autowired
	@Qualifier("applicationTaskExecutor")
	TaskExecutor executor;

	@Autowired
	JdbcClient jdbc;

	long platform;

	CourseKey bio101;

	CourseKey chim101;

	@BeforeEach
	void world() {
		MOODLE.resetAll();
		String tag = Long.toString(System.nanoTime());
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("""
				insert into platform (issuer, client_id, name, auth_url, token_url, jwks_url, site_url, source, enabled,
				  updated_at) values (?, 'c', 'P', 'http://a', 'http://t', 'http://k', ?, 'test', true, ?)""")
			.params("http://moodle-" + tag, MOODLE.baseUrl(), now)
			.update();
		platform = jdbc.sql("select id from platform where issuer = ?")
			.param("http://moodle-" + tag)
			.query(Long.class)
			.single();
		bio101 = course("14");
		chim101 = course("15");
		WebServiceStubs.serveSiteInfo(MOODLE);
		URI site = URI.create(MOODLE.baseUrl());
		sites.connect(platform, site, site, "5c1e0d2b7a6f4e3d9c8b7a6f5e4d3c2b", "test");
		MOODLE.stubFor(call("core_course_get_contents", "courseid=14").inScenario("bio101")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(capture("bio101/02-get-contents-before.json")));
		MOODLE.stubFor(call("core_course_get_contents", "courseid=14").inScenario("bio101")
			.whenScenarioStateIs("edited")
			.willReturn(capture("bio101/03-get-contents-after.json")));
		MOODLE.stubFor(call("core_course_get_updates_since", "courseid=14").inScenario("bio101")
			.whenScenarioStateIs("edited")
			.willReturn(capture("bio101/04-get-updates-since.json")));
		MOODLE.stubFor(call("core_course_get_updates_since", "courseid=14").inScenario("bio101")
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(capture("bio101/08-get-updates-since-unchanged-course.json")));
	}

	@AfterEach
	void noWebServices() {
		sites.disconnect(platform);
	}

	@Test
	void aSnapshotIsStoredOnlyWhenTheCourseChangedAndEachChangeWithItsTwoSnapshots() {
		CourseCheck first = checks.check(bio101);
		CourseCheck same = checks.check(bio101);

		assertThat(first.checked()).isTrue();
		assertThat(first.snapshot().snapshot().artifacts()).hasSize(5 + 15);
		assertThat(same.snapshot().id()).isEqualTo(first.snapshot().id());
		assertThat(same.newChanges()).isZero();
		assertThat(snapshots(bio101)).isEqualTo(1);

		MOODLE.setScenarioState("bio101", "edited");
		CourseCheck edited = checks.check(bio101);

		assertThat(edited.newChanges()).isGreaterThanOrEqualTo(9);
		assertThat(snapshots(bio101)).isEqualTo(2);
		List<CourseChange> changes = history.changesSince(bio101.id(), Instant.EPOCH);
		assertThat(changes).allSatisfy(c -> {
			assertThat(c.beforeSnapshotId()).isEqualTo(first.snapshot().id());
			assertThat(c.afterSnapshotId()).isEqualTo(edited.snapshot().id());
		});
		assertThat(changes).extracting(c -> c.type() + " " + c.artifactId())
			.contains("RENAMED 103", "MODIFIED 112", "MODIFIED 105", "HIDDEN 104", "MOVED 110", "REMOVED 111",
					"ADDED 127", "RENAMED 48");
		assertThat(changes).filteredOn(c -> c.artifactId() == 105)
			.singleElement()
			.satisfies(c -> assertThat(c.areas()).contains("configuration", "contentfiles"));
	}

	@Test
	void twoChecksAtOnceStoreEachChangeOnce() throws Exception {
		long first = checks.check(bio101).snapshot().checkedAt().getEpochSecond();
		// As Moodle does, name the edits only to a look since the first check; and let a
		// check that starts once the edits are stored ask from a later second (Moodle
		// counts seconds).
		MOODLE.stubFor(call("core_course_get_updates_since", "courseid=14").atPriority(2)
			.willReturn(capture("bio101/08-get-updates-since-unchanged-course.json")));
		MOODLE.stubFor(call("core_course_get_updates_since", "courseid=14", "since=" + first).atPriority(1)
			.willReturn(capture("bio101/04-get-updates-since.json")));
		Thread.sleep(Math.max(0, (first + 1) * 1000 - System.currentTimeMillis()));
		MOODLE.setScenarioState("bio101", "edited");
		ExecutorService pool = Executors.newFixedThreadPool(4);
		try {
			List<Future<CourseCheck>> running = new ArrayList<>();
			for (int i = 0; i < 4; i++) {
				running.add(pool.submit(() -> checks.check(bio101)));
			}
			int stored = 0;
			for (Future<CourseCheck> check : running) {
				stored += check.get().newChanges();
			}
			long rows = jdbc.sql("select count(*) from course_change where course_id = ?")
				.param(bio101.id())
				.query(Long.class)
				.single();
			assertThat(rows).isEqualTo(stored).isGreaterThanOrEqualTo(9);
			assertThat(snapshots(bio101)).isEqualTo(2);
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void theScheduledCheckLooksAtCoursesWithOpenRequestsOnlyAndGoesOnWhenOneFails() {
		request(bio101, "IN_PROGRESS");
		request(chim101, "CLOSED");
		CourseKey broken = course("16");
		request(broken, "NEW");
		MOODLE.stubFor(call("core_course_get_contents", "courseid=16")
			.willReturn(capture("bio101/errors/get-contents-course-not-accessible.json")));
		checks.check(bio101);
		lastSeen(bio101, Duration.ofHours(1));
		MOODLE.setScenarioState("bio101", "edited");

		scheduled.checkAll();

		MOODLE.verify(0,
				postRequestedFor(urlEqualTo(WebServiceStubs.ENDPOINT)).withRequestBody(containing("courseid=15")));
		MOODLE
			.verify(postRequestedFor(urlEqualTo(WebServiceStubs.ENDPOINT)).withRequestBody(containing("courseid=16")));
		assertThat(snapshots(bio101)).isEqualTo(2);
		assertThat(snapshots(broken)).isZero();
	}

	@Test
	void theScheduledCheckLeavesACourseMoodleShowedLessThanHalfAnIntervalAgo() {
		request(bio101, "IN_PROGRESS");
		checks.check(bio101);
		lastSeen(bio101, Duration.ofMinutes(29));
		MOODLE.setScenarioState("bio101", "edited");

		scheduled.checkAll();

		MOODLE.verify(1, postRequestedFor(urlEqualTo(WebServiceStubs.ENDPOINT))
			.withRequestBody(containing("core_course_get_contents")));
		assertThat(snapshots(bio101)).isEqualTo(1);
		lastSeen(bio101, Duration.ofMinutes(31));

		scheduled.checkAll();

		assertThat(snapshots(bio101)).isEqualTo(2);
	}

	/** Moodle last showed the course this long ago (the interval is the default hour). */
	void lastSeen(CourseKey course, Duration ago) {
		jdbc.sql("update course_snapshot set checked_at = ? where course_id = ?")
			.params(Timestamp.from(Instant.now().minus(ago)), course.id())
			.update();
	}

	/**
	 * A page that needs the course does not wait past the form's wait for a slow Moodle.
	 */
	@Test
	void checkThatOutlastsTheFormsWaitIsUnavailableAndEndsInTheBackground() {
		CourseChecks impatient = new CourseChecks(sites, webServices, store, transactions, executor,
				new ArtifactsProperties(false, Duration.ofHours(1), Duration.ofMillis(200)), Clock.systemUTC());
		// Slower than the wait, within the read time-out of the tests (2 s).
		MOODLE.stubFor(call("core_course_get_contents", "courseid=14").atPriority(1)
			.willReturn(capture("bio101/02-get-contents-before.json").withFixedDelay(1_200)));

		CourseCheck check = impatient.checkWithinFormWait(bio101);

		assertThat(check.outcome()).isEqualTo(CourseCheck.Outcome.FAILED);
		assertThat(check.problemKey()).isEqualTo(org.tandem.moodle.MoodleException.Problem.UNAVAILABLE.key());
		await().untilAsserted(() -> assertThat(snapshots(bio101)).isEqualTo(1));
	}

	/** What only Moodle's updates show must still be asked since the last look, later. */
	@Test
	void moodleDownForItsUpdatesFailsTheCheckAndKeepsWhenItLastLooked() {
		checks.check(bio101);
		Instant first = history.latest(bio101.id()).orElseThrow().checkedAt();
		MOODLE.setScenarioState("bio101", "edited");
		MOODLE.stubFor(call("core_course_get_updates_since").atPriority(1).willReturn(WebServiceStubs.down()));

		CourseCheck check = checks.check(bio101);

		assertThat(check.outcome()).isEqualTo(CourseCheck.Outcome.FAILED);
		assertThat(check.problemKey()).isEqualTo(org.tandem.moodle.MoodleException.Problem.UNAVAILABLE.key());
		assertThat(snapshots(bio101)).isEqualTo(1);
		assertThat(history.latest(bio101.id()).orElseThrow().checkedAt()).isEqualTo(first);
	}

	/** A service without the function still sees every change the contents show. */
	@Test
	void serviceWithoutUpdatesSinceStillFindsWhatTheContentsShow() {
		checks.check(bio101);
		MOODLE.setScenarioState("bio101", "edited");
		MOODLE.stubFor(call("core_course_get_updates_since").atPriority(1)
			.willReturn(capture("bio101/errors/function-not-in-service.json")));

		CourseCheck check = checks.check(bio101);

		assertThat(check.outcome()).isEqualTo(CourseCheck.Outcome.CHECKED);
		assertThat(check.newChanges()).isPositive();
		assertThat(snapshots(bio101)).isEqualTo(2);
	}

	@Test
	void moodleDownStoresNothingAndSaysUnavailable() {
		MOODLE.stubFor(call("core_course_get_contents").atPriority(1).willReturn(WebServiceStubs.down()));

		CourseCheck check = checks.check(bio101);

		assertThat(check.outcome()).isEqualTo(CourseCheck.Outcome.FAILED);
		assertThat(check.problemKey()).isEqualTo(org.tandem.moodle.MoodleException.Problem.UNAVAILABLE.key());
		assertThat(snapshots(bio101)).isZero();
	}

	long snapshots(CourseKey course) {
		return jdbc.sql("select count(*) from course_snapshot where course_id = ?")
			.param(course.id())
			.query(Long.class)
			.single();
	}

	CourseKey course(String contextId) {
		jdbc.sql("insert into course (platform_id, context_id, title, last_launch_at) values (?, ?, ?, ?)")
			.params(platform, contextId, "Course " + contextId, Timestamp.from(Instant.now()))
			.update();
		long id = jdbc.sql("select id from course where platform_id = ? and context_id = ?")
			.params(platform, contextId)
			.query(Long.class)
			.single();
		return new CourseKey(id, platform, contextId);
	}

	void request(CourseKey course, String status) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql("insert into person (platform_id, subject, last_launch_at) values (?, ?, ?)")
			.params(platform, "t" + System.nanoTime(), now)
			.update();
		long teacher = jdbc.sql("select max(id) from person where platform_id = ?")
			.param(platform)
			.query(Long.class)
			.single();
		jdbc.sql("""
				insert into help_request (platform_id, course_id, requester_id, kind, topic, title, need, search_text,
				  work_mode, status, created_at, last_activity_at, awaiting_reply)
				values (?, ?, ?, 'MEDIATION', 'ASSESSMENT', 'T', 'N', 't n', 'MESSAGES', ?, ?, ?, true)""")
			.params(platform, course.id(), teacher, status, now, now)
			.update();
	}

}
