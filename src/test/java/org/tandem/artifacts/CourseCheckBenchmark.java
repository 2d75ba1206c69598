package org.tandem.artifacts;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import org.tandem.TandemApplication;
import org.tandem.lti.TestDatabases;
import org.tandem.moodle.CourseContents;
import org.tandem.moodle.CourseUpdates;
import org.tandem.moodle.MoodleSite;
import org.tandem.moodle.MoodleSites;
import org.tandem.moodle.MoodleWebServices;
import org.tandem.moodle.WebServiceStubs;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.tandem.moodle.WebServiceStubs.call;

/**
 * How long a check of a 500-module course takes Tandem, apart from Moodle: Tandem on
 * embedded PostgreSQL, and a Moodle on WireMock that answers at once with the course of
 * {@link SnapshotComparisonBenchmark} (25 sections of 20 of BIO101's real modules), which
 * changes between checks (renames, moves, a hidden, a deleted and an added module, new
 * files) or stays as it was.
 *
 * <p>
 * {@code mvn -q test-compile exec:java@check-bench} prints, per check: the whole check
 * (fetch + compare + store), the two web-service calls alone (HTTP and JSON, as seen by
 * Tandem), and the rest, which is Tandem's own part. Moodle's own answer time comes on
 * top of the calls with a real Moodle.
 */
public final class CourseCheckBenchmark {

	static final JsonMapper JSON = JsonMapper.builder().build();

	public static void main(String[] args) throws Exception {
		int rounds = Integer.getInteger("bench.rounds", 200);
		WireMockServer moodle = new WireMockServer(
				WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().containerThreads(8));
		moodle.start();
		// Stopped whatever happens: its threads would keep the JVM, and the database,
		// alive.
		try {
			List<CourseUpdates.Instance> reported = new ArrayList<>();
			String before = course(false, reported);
			String after = course(true, reported);
			String updates = JSON.writeValueAsString(new CourseUpdates(reported));
			WebServiceStubs.serveSiteInfo(moodle);
			// Each look finds the other version: every check stores a snapshot and its
			// changes.
			moodle.stubFor(call("core_course_get_contents").inScenario("course")
				.whenScenarioStateIs(Scenario.STARTED)
				.willSetStateTo("after")
				.willReturn(WebServiceStubs.json(before)));
			moodle.stubFor(call("core_course_get_contents").inScenario("course")
				.whenScenarioStateIs("after")
				.willSetStateTo(Scenario.STARTED)
				.willReturn(WebServiceStubs.json(after)));
			moodle.stubFor(call("core_course_get_updates_since").willReturn(WebServiceStubs.json(updates)));
			try (ConfigurableApplicationContext tandem = startTandem()) {
				CourseKey course = course(tandem.getBean(JdbcClient.class), moodle.baseUrl());
				MoodleSites sites = tandem.getBean(MoodleSites.class);
				URI moodleSite = URI.create(moodle.baseUrl());
				sites.connect(course.platformId(), moodleSite, moodleSite, "0a1b2c3d4e5f60718293a4b5c6d7e8f9", "bench");
				MoodleSite site = sites.of(course.platformId()).orElseThrow();
				MoodleWebServices webServices = tandem.getBean(MoodleWebServices.class);
				CourseChecks checks = tandem.getBean(CourseChecks.class);

				int changes = 0;
				for (int i = 0; i < rounds / 4; i++) {
					checks.check(course);
				}
				long[] changed = new long[rounds];
				for (int i = 0; i < rounds; i++) {
					long start = System.nanoTime();
					changes = checks.check(course).newChanges();
					changed[i] = System.nanoTime() - start;
				}
				long[] calls = time(rounds, () -> {
					List<CourseContents.Section> sections = webServices.courseContents(site, course.contextId());
					CourseUpdates since = webServices.updatesSince(site, course.contextId(), 0);
					return sections.size() + since.instances().size();
				});
				moodle.stubFor(call("core_course_get_contents").atPriority(1).willReturn(WebServiceStubs.json(before)));
				long[] unchanged = time(rounds, () -> checks.check(course).newChanges());
				List<CourseContents.Section> a = parse(before);
				List<CourseContents.Section> b = parse(after);
				CourseUpdates named = JSON.readValue(updates, CourseUpdates.class);
				long[] compare = time(rounds * 5,
						() -> SnapshotComparison.compare(CourseSnapshot.of(a), CourseSnapshot.of(b), named).size());

				System.out.printf(Locale.ROOT, "%nCourse check of %d modules in %d sections, %d rounds, PostgreSQL%n",
						SnapshotComparisonBenchmark.SECTIONS * SnapshotComparisonBenchmark.MODULES_PER_SECTION,
						SnapshotComparisonBenchmark.SECTIONS, rounds);
				System.out.printf(Locale.ROOT,
						"  course contents answer: %d KB; each changed check stores %d changes%n",
						before.length() / 1024, changes);
				line("check, course changed (fetch + compare + store)", changed);
				line("check, course unchanged (fetch + compare)", unchanged);
				line("the two web-service calls alone (HTTP + JSON)", calls);
				line("snapshot both versions + compare, in memory", compare);
				System.out.printf(Locale.ROOT, "  Tandem's own part of a changed check (median): %.2f ms%n",
						(median(changed) - median(calls)) / 1e6);
			}
		}
		finally {
			moodle.stop();
		}
	}

	/**
	 * Tandem as in production, on a PostgreSQL of its own; the checks are called
	 * directly.
	 */
	static ConfigurableApplicationContext startTandem() {
		return new SpringApplicationBuilder(TandemApplication.class).profiles("test")
			.properties("server.port=0", "spring.datasource.url=" + TestDatabases.newPostgresDatabase(),
					"spring.datasource.username=postgres", "spring.datasource.password=",
					"tandem.base-url=http://localhost:8080", "tandem.lti.platforms-dir=target/no-platform-files",
					"logging.level.org.tandem=WARN")
			.run();
	}

	/**
	 * The large course of {@link SnapshotComparisonBenchmark}, as Moodle's JSON; edited,
	 * it has a designer's working session in it, and {@code reported} gets what Moodle
	 * says of it.
	 */
	static String course(boolean edited, List<CourseUpdates.Instance> reported) {
		ArrayNode course = SnapshotComparisonBenchmark.largeCourse();
		if (edited) {
			SnapshotComparisonBenchmark.edit(course, reported);
		}
		return JSON.writeValueAsString(course);
	}

	static List<CourseContents.Section> parse(String json) {
		return Arrays.asList(JSON.readValue(json, CourseContents.Section[].class));
	}

	static CourseKey course(JdbcClient jdbc, String site) {
		Timestamp now = Timestamp.from(Instant.now());
		jdbc.sql(
				"""
						insert into platform (issuer, client_id, name, auth_url, token_url, jwks_url, site_url, source, enabled,
						  updated_at) values ('http://bench', 'c', 'Bench', 'http://a', 'http://t', 'http://k', ?, 'bench', true, ?)""")
			.params(site, now)
			.update();
		long platform = jdbc.sql("select id from platform where issuer = 'http://bench'").query(Long.class).single();
		jdbc.sql("insert into course (platform_id, context_id, title, last_launch_at) values (?, '500', 'Big', ?)")
			.params(platform, now)
			.update();
		long id = jdbc.sql("select id from course where platform_id = ?").param(platform).query(Long.class).single();
		return new CourseKey(id, platform, "500");
	}

	static long[] time(int rounds, Supplier<Integer> work) {
		long[] times = new long[rounds];
		long sink = 0;
		for (int i = 0; i < rounds; i++) {
			long start = System.nanoTime();
			sink += work.get();
			times[i] = System.nanoTime() - start;
		}
		if (sink == Long.MIN_VALUE) {
			System.out.println(sink);
		}
		return times;
	}

	static void line(String what, long[] times) {
		long[] sorted = times.clone();
		Arrays.sort(sorted);
		System.out.printf(Locale.ROOT, "  %-50s p50 %7.2f ms  p95 %7.2f ms%n", what, sorted[sorted.length / 2] / 1e6,
				sorted[(int) (sorted.length * 0.95)] / 1e6);
	}

	static double median(long[] times) {
		long[] sorted = times.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

}
