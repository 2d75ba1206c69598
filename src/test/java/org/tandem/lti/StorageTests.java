package org.tandem.lti;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.lti.keys.ToolKeyProperties;
import org.tandem.lti.keys.ToolKeys;
import org.tandem.lti.launch.LaunchClaims;
import org.tandem.lti.launch.LaunchRecorder;
import org.tandem.lti.launch.Launches;
import org.tandem.lti.launch.LoginStates;
import org.tandem.lti.session.LaunchAuthentication;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.context.SecurityContextImpl;
import org.springframework.session.Session;
import org.springframework.session.SessionRepository;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Tandem keeps, on each database it runs on: the Flyway migrations, platform
 * registrations, single-use login states, people and courses, signing keys and their
 * rotation, and launch sessions. Subclasses name the database.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles("test")
abstract class StorageTests {

	static final WireMockServer MOODLE = startMoodle();

	static final TestPlatform PLATFORM = new TestPlatform(MOODLE, "http://localhost:8080");

	@Autowired
	PlatformRegistry registry;

	@Autowired
	Launches launches;

	@Autowired
	LoginStates states;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@SuppressWarnings("rawtypes")
	SessionRepository sessions;

	@Autowired
	ToolKeyProperties keyProperties;

	Platform platform;

	@BeforeEach
	void registerPlatform() {
		PLATFORM.serveKeys();
		platform = registry.register(PLATFORM.registration(), "storage-moodle.yml");
	}

	@AfterAll
	static void stopMoodle() {
		MOODLE.resetAll();
	}

	@Test
	void registrationIsKeptAndUpdatedInPlace() {
		PlatformRegistration changed = new PlatformRegistration("Renamed Moodle", PLATFORM.issuer(),
				TestPlatform.CLIENT_ID, PLATFORM.registration().authUrl(), PLATFORM.registration().tokenUrl(),
				PLATFORM.registration().jwksUrl(), null, List.of("1", "2", "3"), List.of(), true, null);

		Platform updated = registry.register(changed, "storage-moodle.yml");

		assertThat(updated.id()).isEqualTo(platform.id());
		assertThat(updated.name()).isEqualTo("Renamed Moodle");
		assertThat(updated.deploymentIds()).containsExactlyInAnyOrder("1", "2", "3");
		assertThat(registry.isEngineer(updated, TestPlatform.ENGINEER_SUB, null)).isFalse();
		assertThat(registry.frameAncestors()).contains(PLATFORM.origin());
	}

	@Test
	@SuppressWarnings("unchecked")
	void wholeLaunchIsStoredAndItsSessionFoundAgain() {
		var login = new Launches.LoginInitiation(PLATFORM.issuer(), "3", "http://localhost:8080/lti/launch", null,
				TestPlatform.CLIENT_ID, "1");
		Map<String, String> sent = LaunchClient.query(launches.login(login));
		Map<String, Object> claims = PLATFORM.claims("teacher", sent.get("nonce"));
		claims.put("sub", "storage-" + System.nanoTime());

		LaunchSession launch = launches.launch(PLATFORM.sign(claims), sent.get("state"), PLATFORM.origin());

		assertThat(
				jdbc.sql("select name from person where id = ?").param(launch.personId()).query(String.class).single())
			.isEqualTo("Tina Teacher");
		assertThat(
				jdbc.sql("select title from course where id = ?").param(launch.courseId()).query(String.class).single())
			.isEqualTo("LTI Lab Course");
		Session session = sessions.createSession();
		session.setAttribute("SPRING_SECURITY_CONTEXT", new SecurityContextImpl(new LaunchAuthentication(launch)));
		sessions.save(session);
		SecurityContextImpl stored = ((Session) sessions.findById(session.getId()))
			.getAttribute("SPRING_SECURITY_CONTEXT");
		assertThat(stored.getAuthentication().getPrincipal()).isEqualTo(launch);
		assertThat(session.getId()).matches("[A-Za-z0-9_-]{43}");
	}

	@Test
	void loginStateIsUsedOnlyOnceEvenByConcurrentLaunches() throws Exception {
		LoginStates.IssuedLogin issued = states.issue(platform, "1");
		LoginStates.IssuedLogin found = states.find(issued.state()).orElseThrow();
		List<Callable<Boolean>> attempts = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			attempts.add(() -> states.use(found));
		}

		ExecutorService pool = Executors.newFixedThreadPool(8);
		long winners = 0;
		try {
			for (Future<Boolean> used : pool.invokeAll(attempts)) {
				winners += used.get() ? 1 : 0;
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(winners).isEqualTo(1);
		assertThat(states.find(issued.state()).orElseThrow().used()).isTrue();
		assertThat(found.nonce()).isEqualTo(issued.nonce());
	}

	@Test
	void concurrentFirstLaunchesOfOnePersonMakeOneRecord() throws Exception {
		LaunchRecorder recorder = new LaunchRecorder(jdbc, Clock.systemUTC());
		Map<String, Object> claims = PLATFORM.claims("teacher", "n");
		String subject = "race-" + System.nanoTime();
		LaunchClaims launch = new LaunchClaims(subject, "Tina Teacher", "Tina", "Teacher", "t@example.com", "fr", "1",
				MessageType.RESOURCE_LINK, java.util.Set.of(Role.TEACHER),
				new LaunchClaims.Course("race-course-" + subject, "Course", "C"), "1", "Link", null);
		List<Callable<Long>> launchesOfOnePerson = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			launchesOfOnePerson
				.add(() -> recorder.person(platform, launch) + recorder.course(platform, launch.course()));
		}

		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			List<Long> ids = new ArrayList<>();
			for (Future<Long> id : pool.invokeAll(launchesOfOnePerson)) {
				ids.add(id.get());
			}
			assertThat(ids).containsOnly(ids.get(0));
		}
		finally {
			pool.shutdown();
		}
		assertThat(jdbc.sql("select count(*) from person where subject = ?").param(subject).query(Long.class).single())
			.isEqualTo(1);
		assertThat(claims).isNotEmpty();
	}

	@Test
	void keysRotateWithoutEverLeavingTheKeySetEmpty() {
		// The application makes its first key at start, on its scheduler: let it, then
		// rotate the keys of a clean table by hand.
		org.awaitility.Awaitility.await()
			.atMost(java.time.Duration.ofSeconds(30))
			.until(() -> jdbc.sql("select count(*) from tool_key").query(Long.class).single() > 0);
		jdbc.sql("delete from tool_key").update();
		StorageClock clock = new StorageClock(Instant.parse("2026-01-01T00:00:00Z"));
		ToolKeys keys = new ToolKeys(jdbc, keyProperties, clock);

		keys.rotate();
		String first = keys.signingKey().getKeyID();
		assertThat(keys.signingKey().size()).isGreaterThanOrEqualTo(2048);
		assertThat(keys.publicKeySet().getKeys()).hasSize(1);
		assertThat(keys.publicKeySet().getKeys().get(0).isPrivate()).isFalse();

		clock.advance(keyProperties.rotationPeriod().minus(keyProperties.overlap()));
		keys.rotate();
		assertThat(keys.signingKey().getKeyID()).as("the next key is published before it signs").isEqualTo(first);
		assertThat(keys.publicKeySet().getKeys()).hasSize(2);

		clock.advance(keyProperties.overlap());
		keys.rotate();
		String second = keys.signingKey().getKeyID();
		assertThat(second).isNotEqualTo(first);
		assertThat(keys.publicKeySet().getKeyByKeyId(first)).as("the old key stays published").isNotNull();

		clock.advance(keyProperties.overlap().plus(Duration.ofMinutes(1)));
		keys.rotate();
		assertThat(keys.publicKeySet().getKeyByKeyId(first)).as("then it is retired").isNull();
		assertThat(keys.signingKey().getKeyID()).isEqualTo(second);
	}

	private static WireMockServer startMoodle() {
		WireMockServer server = new WireMockServer(
				WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
		server.start();
		return server;
	}

}
