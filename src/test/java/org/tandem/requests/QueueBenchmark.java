package org.tandem.requests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.IntFunction;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.LoggerFactory;
import org.tandem.TandemApplication;
import org.tandem.artifacts.HelpKind;
import org.tandem.lti.LaunchClient;
import org.tandem.lti.Platform;
import org.tandem.lti.PlatformRegistration;
import org.tandem.lti.PlatformRegistry;
import org.tandem.lti.TestPlatform;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How fast the engineer's queue and a request page render with a large help desk on
 * PostgreSQL (target: with 100,000 requests and 1,000,000 messages across 2,000 courses,
 * the filtered queue (one page of 50) and a request page under 50 ms at p95).
 * <p>
 * Starts an embedded PostgreSQL (zonky, with {@code pg_stat_statements}), Tandem in this
 * JVM on a free port (profile {@code test}, that database, no platform files, quiet logs)
 * and a WireMock Moodle serving its key set (as {@link TestPlatform} does), and registers
 * that platform with 20 engineers. Flyway creates the schema; the data set is then loaded
 * straight in SQL ({@code generate_series}, seeded): 2,000 courses, 400 teachers, 20
 * engineers, 100,000 help requests (ids in creation order over four years; courses on a
 * long tail, the busiest with ~2,200 requests, the median ~35; the last 5% mostly open,
 * the rest mostly closed; ~9.5% unassigned), ~10 messages per request (1,000,000, one
 * engineer message in seven an internal note), 3 to 5 events per request, time entries on
 * assigned requests, a view by its engineer of each assigned request (some before its
 * last news, which the queue marks as new) and 25 answer templates; then
 * {@code VACUUM ANALYZE}.
 * <p>
 * The engineer {@code noneditingteacher} of the Moodle captures ({@code sub} 5, one of
 * the 20) launches for real over LTI from their course (context 2, a median-sized
 * course), and once more from the busiest course. With those sessions, one request at a
 * time on one connection (a single user), each scenario opens its page: the queue
 * ({@code GET /engineer}) with several filters, searches and sorts, and {@code GET
 * /requests/{id}} for random ids. After a first round over every scenario, each scenario
 * has its warm-up, then its measured requests; latency is the full HTTP exchange on
 * loopback (request sent to body read), i.e. the server's rendering plus well under a
 * millisecond of loopback and client. Per scenario it also prints the CPU time per page
 * of this JVM (Tandem and the client) and of PostgreSQL (postmaster and backends, from
 * {@code /proc}), how busy other processes kept the machine (figures taken on a busy
 * machine are not representative), and the statements PostgreSQL ran
 * ({@code pg_stat_statements}) with their mean time, to show where the time goes.
 *
 * <pre>
 * mvn -o -q test-compile exec:java@queue-bench
 * mvn -o -q test-compile exec:java@queue-bench -Dexec.args="--requests=2000 --warmup=300"
 * mvn -o -q test-compile exec:java@queue-bench "-Dbench.only=no filter,request"
 * </pre>
 *
 * Options, as {@code --name=value} arguments or {@code -Dbench.name=value} system
 * properties (exec.args splits on spaces: values with spaces go in -Dbench.*):
 * {@code requests} (1000 measured per scenario), {@code warmup} (200 per scenario),
 * {@code requests-total} (100000), {@code messages-per-request} (10 on average),
 * {@code courses} (2000), {@code statements} (6 listed per scenario; 0 for none),
 * {@code only} (the scenarios whose name contains one of these comma-separated strings;
 * all by default), {@code log} (Tandem's log level, WARN). Options named {@code pg.*} are
 * PostgreSQL server settings, e.g. {@code --pg.shared_buffers=512MB}; other options with
 * a dot are Spring properties for Tandem, for experiments.
 * <p>
 * Takes about 25 minutes on 2 cores (loading ~1 minute). Exits with an exception
 * (non-zero) if a page did not answer 200. Not a test: the class name does not match
 * surefire's or failsafe's includes.
 */
public final class QueueBenchmark {

	/**
	 * engineer1 of the Moodle captures: sub 5, context 2, named an engineer by user id.
	 */
	private static final String ENGINEER = "noneditingteacher";

	private static final String ENGINEER_CONTEXT = "2";

	private static final int ENGINEERS = 20;

	private static final int TEACHERS = 400;

	private final Map<String, String> options;

	private final int measured;

	private final int warmup;

	private final int totalRequests;

	private final int messagesPerRequest;

	private final int courses;

	private final int statements;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private String tandem;

	private String session;

	/** PostgreSQL's postmaster process, to count its and its backends' CPU time. */
	private long postmaster;

	private QueueBenchmark(Map<String, String> options) {
		this.options = options;
		this.measured = Integer.parseInt(option("requests", "1000"));
		this.warmup = Integer.parseInt(option("warmup", "200"));
		this.totalRequests = Integer.parseInt(option("requests-total", "100000"));
		this.messagesPerRequest = Integer.parseInt(option("messages-per-request", "10"));
		this.courses = Integer.parseInt(option("courses", "2000"));
		this.statements = Integer.parseInt(option("statements", "6"));
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("Arguments are --name=value, not " + arg);
			}
			options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		// Before Spring Boot configures logging, logback's default would print embedded
		// PostgreSQL's and WireMock's debug lines.
		((ch.qos.logback.classic.Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
			.setLevel(ch.qos.logback.classic.Level.WARN);
		int failed = new QueueBenchmark(options).run();
		if (failed > 0) {
			throw new IllegalStateException(failed + " pages did not answer 200");
		}
	}

	private String option(String name, String fallback) {
		return options.getOrDefault(name, System.getProperty("bench." + name, fallback));
	}

	private int run() throws Exception {
		long t0 = System.nanoTime();
		EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
			.setServerConfig("shared_preload_libraries", "pg_stat_statements")
			.setPGStartupWait(Duration.ofSeconds(60));
		options.forEach((name, value) -> {
			if (name.startsWith("pg.")) {
				builder.setServerConfig(name.substring(3), value);
			}
		});
		WireMockServer moodle = new WireMockServer(
				WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().containerThreads(8));
		ConfigurableApplicationContext context = null;
		try (EmbeddedPostgres postgres = builder.start()) {
			String jdbcUrl = postgres.getJdbcUrl("postgres", "postgres");
			System.out.printf("Embedded PostgreSQL started in %d ms (%s)%n", (System.nanoTime() - t0) / 1_000_000,
					jdbcUrl);
			moodle.start();
			int port = freePort();
			tandem = "http://localhost:" + port;
			TestPlatform platform = new TestPlatform(moodle, tandem);
			platform.serveKeys();
			long t1 = System.nanoTime();
			context = startTandem(port, jdbcUrl);
			System.out.printf("Tandem started on %s in %d ms%n", tandem, (System.nanoTime() - t1) / 1_000_000);
			Platform registered = context.getBean(PlatformRegistry.class)
				.register(registration(platform), "queue-benchmark.yml");

			try (Connection db = DriverManager.getConnection(jdbcUrl, "postgres", "")) {
				db.setAutoCommit(true);
				execute(db, "create extension if not exists pg_stat_statements");
				try {
					postmaster = stat(number(db, "select pg_backend_pid()"))[1];
				}
				catch (IOException | RuntimeException ex) {
					postmaster = 0;
				}
				long t2 = System.nanoTime();
				load(db, registered.id());
				System.out.printf("Data set loaded, vacuumed and analysed in %.1f s%n", (System.nanoTime() - t2) / 1e9);

				long t3 = System.nanoTime();
				LaunchClient.Page landing = new LaunchClient(tandem, platform).launchAs(ENGINEER);
				session = landing.sessionId();
				if (landing.status() != 200 || session == null || !landing.url().contains("/engineer?")) {
					throw new IllegalStateException(
							"The engineer's launch ended on " + landing.status() + " " + landing.url());
				}
				System.out.printf("Engineer launched over LTI (%d ms, landing on the queue included)%n",
						(System.nanoTime() - t3) / 1_000_000);

				Facts facts = facts(db, registered.id());
				// The same engineer launching from the busiest course: the queue page
				// then marks that course's requests, and offers to show only them.
				String busiestContext = text(db, "select context_id from course where id = " + facts.busiestCourse());
				LaunchClient.Page busy = new LaunchClient(tandem, platform).launchAs(ENGINEER,
						claims -> context(claims).put("id", busiestContext));
				if (busy.status() != 200 || busy.sessionId() == null) {
					throw new IllegalStateException("The launch from the busiest course ended on " + busy.status());
				}
				printMachine(db);
				facts.print();
				return measure(db, scenarios(facts, busy.sessionId()));
			}
		}
		finally {
			if (context != null) {
				context.close();
			}
			moodle.stop();
		}
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> context(Map<String, Object> claims) {
		return (Map<String, Object>) claims.get("https://purl.imsglobal.org/spec/lti/claim/context");
	}

	private ConfigurableApplicationContext startTandem(int port, String jdbcUrl) {
		SpringApplication application = new SpringApplication(TandemApplication.class);
		application.setAdditionalProfiles("test");
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.port", port);
		properties.put("server.address", "127.0.0.1");
		properties.put("tandem.base-url", tandem);
		properties.put("tandem.lti.platforms-dir", "target/no-platform-files");
		properties.put("spring.datasource.url", jdbcUrl);
		properties.put("spring.datasource.username", "postgres");
		properties.put("spring.datasource.password", "");
		properties.put("logging.level.root", "WARN");
		properties.put("logging.level.org.tandem", option("log", "WARN"));
		options.forEach((name, value) -> {
			if (name.contains(".") && !name.startsWith("pg.")) {
				properties.put(name, value);
			}
		});
		List<String> args = new ArrayList<>();
		properties.forEach((name, value) -> args.add("--" + name + "=" + value));
		return application.run(args.toArray(String[]::new));
	}

	/**
	 * The test Moodle, with 20 engineers by user id: the captured engineer1 (sub 5) and
	 * eng-02 to eng-20.
	 */
	private static PlatformRegistration registration(TestPlatform platform) {
		PlatformRegistration base = platform.registration();
		List<PlatformRegistration.Engineer> engineers = new ArrayList<>();
		engineers.add(new PlatformRegistration.Engineer(TestPlatform.ENGINEER_SUB, null));
		for (int i = 2; i <= ENGINEERS; i++) {
			engineers.add(new PlatformRegistration.Engineer(engineerSubject(i), null));
		}
		engineers.add(new PlatformRegistration.Engineer(null, "IGP@example.com"));
		return new PlatformRegistration(base.name(), base.issuer(), base.clientId(), base.authUrl(), base.tokenUrl(),
				base.jwksUrl(), base.siteUrl(), base.deploymentIds(), engineers, true, null);
	}

	private static String engineerSubject(int i) {
		return i == 1 ? TestPlatform.ENGINEER_SUB : String.format(Locale.ROOT, "eng-%02d", i);
	}

	// ------------------------------------------------------------------ data set

	private static final String TEXT = """
			Nous souhaitons revoir l'organisation du cours pour que les étudiants puissent travailler en autonomie \
			entre les séances. Les objectifs ne sont pas toujours explicites et l'évaluation finale ne correspond \
			pas tout à fait à ce qui est travaillé pendant le semestre. Pourriez-vous nous aider à reprendre la \
			progression, à construire des activités de découverte et à paramétrer les tests dans Moodle avec des \
			rétroactions utiles ? Il faudrait aussi vérifier l'accessibilité des documents PDF et des vidéos, et \
			mettre en place l'achèvement d'activité pour suivre la progression des groupes de TD. Le carnet de notes \
			doit refléter la pondération annoncée dans le syllabus : 40 % de contrôle continu et 60 % d'examen. Nous \
			avons environ 180 étudiants en L1, répartis en six groupes, et deux chargés de TD qui interviennent aussi \
			dans le cours. Merci d'avance pour votre aide, nous sommes disponibles les mardis et jeudis après-midi.""";

	private void load(Connection db, long platform) throws SQLException {
		String now = "timestamptz '" + java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS) + "'";
		String text = "'" + TEXT.replace("'", "''") + "'::text";
		// The texts' search columns as Tandem writes them: the same substrings of the
		// text
		// normalised, which keeps its length (accents go, no ligature in it).
		String normalised = SearchText.of(TEXT, Integer.MAX_VALUE);
		if (normalised.length() != TEXT.length()) {
			throw new IllegalStateException("The normalised text changed length: cut it as the text is cut");
		}
		String searchText = "'" + normalised.replace("'", "''") + "'::text";
		String[] topics = Arrays.stream(Topic.values()).map(Enum::name).toArray(String[]::new);
		// Topics 0-4 are MEDIATION, 5-9 MEDIATISATION: the SQL below relies on that
		// order.
		for (int i = 0; i < topics.length; i++) {
			if (Topic.values()[i].kind() != (i < 5 ? HelpKind.MEDIATION : HelpKind.MEDIATISATION)) {
				throw new IllegalStateException("Topic order changed: update the data set");
			}
		}
		String topicArray = "array['" + String.join("','", topics) + "']";
		execute(db, "select setseed(0.42)");
		step(db, "courses", """
				insert into course (platform_id, context_id, title, label, last_launch_at)
				select %d, (n + 1)::text,
				  (array['Biologie cellulaire','Chimie organique','Histoire moderne','Droit des contrats',
				    'Microéconomie','Physique des ondes','Soins infirmiers','Littérature comparée'])[1 + n %% 8]
				    || ' ' || (1 + n %% 3) || ' – groupe ' || n,
				  'C' || lpad(n::text, 4, '0'), %s - random() * interval '90 days'
				from generate_series(1, %d) n""".formatted(platform, now, courses));
		step(db, "teachers", """
				insert into person (platform_id, subject, name, given_name, family_name, email, locale, last_launch_at)
				select %d, 't-' || n, 'Enseignant·e ' || n, 'Enseignant·e', 'N' || n, 'teacher' || n || '@example.edu',
				  'fr', %s - random() * interval '60 days'
				from generate_series(1, %d) n""".formatted(platform, now, TEACHERS));
		StringBuilder engineers = new StringBuilder();
		for (int i = 1; i <= ENGINEERS; i++) {
			engineers.append(i == 1 ? "" : ", ")
				.append(i == 1 ? "('5', 'Eve Engineer', 'Eve', 'Engineer', 'engineer1@example.com', 'en')"
						: "('%s', 'Ingénieur·e %d', 'Ingénieur·e', 'I%d', 'eng%d@example.edu', 'fr')"
							.formatted(engineerSubject(i), i, i, i));
		}
		step(db, "engineers", """
				insert into person (platform_id, subject, name, given_name, family_name, email, locale, last_launch_at)
				select %d, s, n, g, f, e, l, %s from (values %s) v(s, n, g, f, e, l)""".formatted(platform, now,
				engineers));
		execute(db, "create temp table b_course as select (row_number() over (order by id) - 1)::int idx, id"
				+ " from course where platform_id = " + platform);
		execute(db, "create temp table b_teacher as select (row_number() over (order by id) - 1)::int idx, id"
				+ " from person where platform_id = " + platform + " and subject like 't-%'");
		execute(db, "create temp table b_engineer as select (row_number() over (order by id) - 1)::int idx, id"
				+ " from person where platform_id = " + platform + " and (subject = '5' or subject like 'eng-%')");
		execute(db, "create unique index on b_course (idx); create unique index on b_teacher (idx);"
				+ " create unique index on b_engineer (idx); analyze b_course; analyze b_teacher; analyze b_engineer");

		// Requests: ids in creation order over four years; courses on a long tail (the
		// busiest has ~2% of all, the median course ~35); the last 5% (about 73 days)
		// mostly open, the rest mostly closed; assignee null when new, withdrawn, or half
		// the declined.
		step(db, "help requests",
				"""
						insert into help_request (platform_id, course_id, requester_id, resource_link_id, kind, topic, title,
						  need, search_text, audience, objectives, course_parts, wished_date, work_mode, status, assignee_id,
						  decline_reason, created_at, last_activity_at, first_response_at, last_teacher_message_at,
						  awaiting_reply, rating, rating_comment, rated_at)
						select %1$d, c.id, t.id, '1', case when g.ti < 5 then 'MEDIATION' else 'MEDIATISATION' end,
						  (%2$s)[1 + g.ti],
						  left('Demande ' || g.n || ' : ' || substr(%3$s, 1 + (g.n * 7) %% 300, 30 + (g.n %% 60)), 200),
						  substr(%3$s, 1 + (g.n * 13) %% 200, 150 + (g.n * 31) %% 700),
						  left('demande ' || g.n || ' : ' || substr(%9$s, 1 + (g.n * 7) %% 300, 30 + (g.n %% 60)), 200)
						    || ' ' || substr(%9$s, 1 + (g.n * 13) %% 200, 150 + (g.n * 31) %% 700),
						  case when g.r4 < 0.7 then 'L' || (1 + g.n %% 3) || ', ' || (20 + g.n %% 300) || ' étudiants' end,
						  case when g.r4 < 0.5 then substr(%3$s, 100, 200) end,
						  case when g.r4 < 0.4 then 'Sections ' || (1 + g.n %% 6) || ' à ' || (2 + g.n %% 9) end,
						  case when g.r4 < 0.5 then (g.created + interval '30 days')::date end,
						  (array['MEETING','VIDEO_CALL','MESSAGES'])[1 + (g.n %% 3)],
						  s.status,
						  case when s.status in ('NEW', 'WITHDRAWN') or (s.status = 'DECLINED' and g.r2 < 0.5) then null
						    else e.id end,
						  case when s.status = 'DECLINED' then 'Hors du périmètre du service : voir le support Moodle.' end,
						  g.created, s.activity,
						  case when s.status not in ('NEW', 'WITHDRAWN')
						    then least(s.activity, g.created + g.r3 * interval '2 days') end,
						  g.created + g.r4 * (s.activity - g.created),
						  case when s.status = 'NEW' then true
						    when s.status in ('TAKEN', 'IN_PROGRESS', 'WAITING_FOR_TEACHER') then g.r3 < 0.4 else false end,
						  case when s.status in ('RESOLVED', 'CLOSED') and g.r5 < 0.6 then 3 + (g.n %% 3) end,
						  case when s.status in ('RESOLVED', 'CLOSED') and g.r5 < 0.2 then 'Merci, très utile.' end,
						  case when s.status in ('RESOLVED', 'CLOSED') and g.r5 < 0.6 then s.activity end
						from (
						  select n, floor(random() * 10)::int ti, random() r1, random() r2, random() r3, random() r4,
						    random() r5, ((floor(%4$d * power(random(), 2))::int * 7919 + 1000) %% %4$d) cidx,
						    floor(random() * 3)::int tsel, floor(random() * %5$d)::int eidx,
						    %6$s - interval '4 years' * (1 - n::double precision / %7$d) - random() * interval '6 hours' created
						  from generate_series(1, %7$d) n
						) g
						cross join lateral (
						  select st.status, case when st.status in ('NEW', 'TAKEN', 'IN_PROGRESS', 'WAITING_FOR_TEACHER')
						      then g.created + g.r3 * (%6$s - g.created)
						      else least(%6$s, g.created + g.r3 * interval '30 days') end activity
						  from (select case when g.n > %7$d * 0.95 then
						      case when g.r1 < 0.25 then 'NEW' when g.r1 < 0.40 then 'TAKEN' when g.r1 < 0.65 then 'IN_PROGRESS'
						        when g.r1 < 0.80 then 'WAITING_FOR_TEACHER' when g.r1 < 0.95 then 'RESOLVED'
						        when g.r1 < 0.98 then 'DECLINED' else 'WITHDRAWN' end
						    else
						      case when g.r1 < 0.80 then 'CLOSED' when g.r1 < 0.85 then 'RESOLVED' when g.r1 < 0.91 then 'DECLINED'
						        when g.r1 < 0.96 then 'WITHDRAWN' when g.r1 < 0.98 then 'IN_PROGRESS'
						        when g.r1 < 0.99 then 'WAITING_FOR_TEACHER' when g.r1 < 0.995 then 'NEW' else 'TAKEN' end
						    end status) st
						) s
						join b_course c on c.idx = g.cidx
						join b_teacher t on t.idx = (g.cidx * 3 + g.tsel) %% %8$d
						join b_engineer e on e.idx = g.eidx
						order by g.n"""
					.formatted(platform, topicArray, text, courses, ENGINEERS, now, totalRequests, TEACHERS,
							searchText));

		// About messagesPerRequest messages each (1 to 2×avg−1), alternately the
		// teacher's and the engineer's, spread between creation and last activity; one
		// engineer message in seven is an internal note.
		int spread = 2 * messagesPerRequest - 1;
		step(db, "messages", """
				insert into request_message (request_id, author_id, internal, body, search_body, created_at)
				select r.id, case when m.k %% 2 = 1 or r.assignee_id is null then r.requester_id else r.assignee_id end,
				  m.k %% 2 = 0 and r.assignee_id is not null and (r.id + m.k) %% 7 = 0,
				  substr(%1$s, 1 + (m.k * 37) %% 200, (80 + (r.id * 3 + m.k * 31) %% 500)::int),
				  substr(%4$s, 1 + (m.k * 37) %% 200, (80 + (r.id * 3 + m.k * 31) %% 500)::int),
				  r.created_at + (r.last_activity_at - r.created_at) * m.k / (1 + (r.id * 7) %% %2$d)
				from help_request r
				cross join lateral generate_series(1, 1 + ((r.id * 7) %% %2$d)::int) m(k)
				where r.platform_id = %3$d
				order by r.id, m.k""".formatted(text, spread, platform, searchText));

		step(db, "events",
				"""
						insert into request_event (request_id, actor_id, type, from_value, to_value, reason, created_at)
						select id, actor, type, f, t, reason, at from (
						  select r.id, r.requester_id actor, 'CREATED' type, null f, 'NEW' t, null reason, r.created_at at, 1 o
						  from help_request r where r.platform_id = %1$d
						  union all
						  select r.id, r.assignee_id, 'ASSIGNEE', null, r.assignee_id::text, null,
						    coalesce(r.first_response_at, r.created_at), 2
						  from help_request r where r.platform_id = %1$d and r.assignee_id is not null
						  union all
						  select r.id, r.assignee_id, 'STATUS', 'NEW', 'TAKEN', null, coalesce(r.first_response_at, r.created_at), 3
						  from help_request r where r.platform_id = %1$d and r.assignee_id is not null
						  union all
						  select r.id, coalesce(r.assignee_id, case when r.status = 'WITHDRAWN' then r.requester_id
						      else (select id from b_engineer where idx = r.id %% %2$d) end), 'STATUS',
						    case when r.assignee_id is null then 'NEW' else 'TAKEN' end, r.status,
						    case when r.status = 'DECLINED' then r.decline_reason end, r.last_activity_at, 4
						  from help_request r where r.platform_id = %1$d and r.status not in ('NEW', 'TAKEN')
						  union all
						  select r.id, r.requester_id, 'RATED', null, r.rating::text, null, r.rated_at, 5
						  from help_request r where r.platform_id = %1$d and r.rating is not null
						) e order by id, o"""
					.formatted(platform, ENGINEERS));

		// Each engineer opened the requests in their charge, some before the last news:
		// the queue marks those as new for them.
		step(db, "request views", """
				insert into request_view (person_id, request_id, viewed_at)
				select r.assignee_id, r.id,
				  r.last_activity_at - (r.last_activity_at - r.created_at) * ((r.id * 13) %% 10) / 20.0
				from help_request r where r.platform_id = %d and r.assignee_id is not null
				order by r.assignee_id, r.id""".formatted(platform));

		step(db, "time entries",
				"""
						insert into time_entry (request_id, engineer_id, work_date, minutes, activity, kind, note, created_at)
						select r.id, r.assignee_id, (r.created_at + k * interval '1 day')::date, 15 + ((r.id + k * 17) %% 16) * 15,
						  (array['MEETING','DESIGN','PRODUCTION','TRAINING'])[1 + (r.id + k) %% 4], r.kind,
						  case when k = 1 then 'Premier rendez-vous' end, r.created_at + k * interval '1 day'
						from help_request r cross join lateral generate_series(1, 1 + (r.id %% 3)::int) k
						where r.platform_id = %d and r.assignee_id is not null and r.status not in ('NEW', 'DECLINED')
						order by r.id, k"""
					.formatted(platform));

		step(db, "answer templates", """
				insert into answer_template (platform_id, title, body, author_id, updated_at)
				select %d, 'Modèle ' || lpad(n::text, 2, '0') || ' : ' || substr(%s, 1 + n * 11, 40),
				  substr(%s, 1 + n * 7, 400), (select id from b_engineer where idx = n %% %d), %s
				from generate_series(1, 25) n""".formatted(platform, text, text, ENGINEERS, now));

		long t = System.nanoTime();
		execute(db, "vacuum analyze");
		System.out.printf("  %-18s %8.1f s%n", "vacuum analyze", (System.nanoTime() - t) / 1e9);
	}

	private static void step(Connection db, String what, String sql) throws SQLException {
		long t = System.nanoTime();
		try (Statement statement = db.createStatement()) {
			int rows = statement.executeUpdate(sql);
			System.out.printf(Locale.ROOT, "  %-18s %8.1f s  %,10d rows%n", what, (System.nanoTime() - t) / 1e9, rows);
		}
	}

	private static void execute(Connection db, String sql) throws SQLException {
		try (Statement statement = db.createStatement()) {
			statement.execute(sql);
		}
	}

	private static long number(Connection db, String sql) throws SQLException {
		try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getLong(1);
		}
	}

	private static String text(Connection db, String sql) throws SQLException {
		try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return rs.getString(1);
		}
	}

	// ------------------------------------------------------------------ what was loaded

	/** What the scenarios need to know about the data set, and what to print of it. */
	private record Facts(long minId, long maxId, long busiestCourse, long busiestCount, long medianCourse,
			long medianCount, long launchCourse, long launchCount, Map<String, Long> tables, Map<String, Long> statuses,
			long unassigned, long mine, String sizes) {

		void print() {
			System.out.println();
			System.out.println("Data set (PostgreSQL):");
			tables.forEach((table, rows) -> System.out.printf(Locale.ROOT, "  %-18s %,10d rows%n", table, rows));
			System.out.printf(Locale.ROOT, "  requests by status: %s%n", statuses);
			System.out.printf(Locale.ROOT, "  unassigned %,d; assigned to the launching engineer %,d%n", unassigned,
					mine);
			System.out.printf(Locale.ROOT,
					"  busiest course %d: %,d requests; median course %d: %,d; the engineer's launch course %d: %,d%n",
					busiestCourse, busiestCount, medianCourse, medianCount, launchCourse, launchCount);
			System.out.println("  " + sizes);
		}

	}

	private Facts facts(Connection db, long platform) throws SQLException {
		Map<String, Long> tables = new LinkedHashMap<>();
		for (String table : List.of("course", "person", "platform_engineer", "help_request", "request_message",
				"request_event", "request_view", "time_entry", "answer_template")) {
			tables.put(table, number(db, "select count(*) from " + table));
		}
		tables.put("internal notes", number(db, "select count(*) from request_message where internal"));
		Map<String, Long> statuses = new LinkedHashMap<>();
		try (Statement s = db.createStatement();
				ResultSet rs = s
					.executeQuery("select status, count(*) from help_request group by status order by 2 desc")) {
			while (rs.next()) {
				statuses.put(rs.getString(1), rs.getLong(2));
			}
		}
		long[] busiest = pair(db,
				"select course_id, count(*) from help_request group by course_id order by 2 desc, 1 limit 1");
		long withRequests = number(db, "select count(distinct course_id) from help_request");
		long[] median = pair(db, "select course_id, n from (select course_id, count(*) n from help_request"
				+ " group by course_id) c order by n, course_id offset " + withRequests / 2 + " limit 1");
		long launchCourse = number(db, "select id from course where platform_id = " + platform + " and context_id = '"
				+ ENGINEER_CONTEXT + "'");
		long engineer = number(db, "select id from person where platform_id = " + platform + " and subject = '"
				+ TestPlatform.ENGINEER_SUB + "'");
		String sizes = text(db, """
				select 'on disk: help_request ' || pg_size_pretty(pg_total_relation_size('help_request'))
				  || ', request_message ' || pg_size_pretty(pg_total_relation_size('request_message'))
				  || ', database ' || pg_size_pretty(pg_database_size(current_database()))""");
		return new Facts(number(db, "select min(id) from help_request"), number(db, "select max(id) from help_request"),
				busiest[0], busiest[1], median[0], median[1], launchCourse,
				number(db, "select count(*) from help_request where course_id = " + launchCourse), tables, statuses,
				number(db, "select count(*) from help_request where assignee_id is null"),
				number(db, "select count(*) from help_request where assignee_id = " + engineer), sizes);
	}

	private static long[] pair(Connection db, String sql) throws SQLException {
		try (Statement statement = db.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
			rs.next();
			return new long[] { rs.getLong(1), rs.getLong(2) };
		}
	}

	private void printMachine(Connection db) throws SQLException {
		Runtime runtime = Runtime.getRuntime();
		System.out.println();
		System.out.printf("JVM: %s %s (%s), %d cores available, max heap %d MB, GC %s%n",
				System.getProperty("java.vm.name"), System.getProperty("java.vm.version"),
				System.getProperty("java.vendor"), runtime.availableProcessors(), runtime.maxMemory() >> 20,
				ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());
		System.out.printf(Locale.ROOT,
				"OS: %s %s %s; load average %.2f; client, Tandem and PostgreSQL share these cores%n",
				System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		System.out.println("PostgreSQL: " + text(db, "select version()"));
		System.out.println("  " + text(db, """
				select string_agg(name || '=' || setting || coalesce(unit, ''), ', ' order by name) from pg_settings
				where name in ('shared_buffers', 'work_mem', 'effective_cache_size', 'random_page_cost', 'jit',
				  'max_parallel_workers_per_gather', 'synchronous_commit')"""));
	}

	// ------------------------------------------------------------------ measuring

	private record Scenario(String name, String session, IntFunction<String> path) {
	}

	private List<Scenario> scenarios(Facts facts, String fromBusiestCourse) {
		Random random = new Random(42);
		long span = facts.maxId() - facts.minId() + 1;
		List<Scenario> scenarios = new ArrayList<>();
		scenarios.add(new Scenario("queue, no filter", session, i -> "/engineer"));
		scenarios.add(new Scenario("queue, status=NEW", session, i -> "/engineer?status=NEW"));
		scenarios.add(new Scenario("queue, assignee=NOBODY", session, i -> "/engineer?assignee=NOBODY"));
		scenarios.add(new Scenario("queue, assignee=ME, status=IN_PROGRESS", session,
				i -> "/engineer?assignee=ME&status=IN_PROGRESS"));
		scenarios.add(new Scenario("queue, kind+topic", session, i -> "/engineer?kind=MEDIATION&topic=ASSESSMENT"));
		scenarios.add(new Scenario("queue, kind only", session, i -> "/engineer?kind=MEDIATISATION"));
		scenarios.add(new Scenario("queue, topic only", session, i -> "/engineer?topic=MOODLE_SETUP"));
		scenarios
			.add(new Scenario("queue, course (busiest)", session, i -> "/engineer?course=" + facts.busiestCourse()));
		scenarios.add(new Scenario("queue, course (median)", session, i -> "/engineer?course=" + facts.medianCourse()));
		scenarios.add(new Scenario("queue, page=3", session, i -> "/engineer?page=3"));
		scenarios.add(new Scenario("queue, status=CLOSED, page=200", session, i -> "/engineer?status=CLOSED&page=200"));
		scenarios.add(new Scenario("queue, launched in busiest course", fromBusiestCourse, i -> "/engineer"));
		scenarios.add(new Scenario("queue, busiest course only", fromBusiestCourse,
				i -> "/engineer?course=" + facts.busiestCourse()));
		// A word most requests hold, one a few hold (in titles only: the page reads the
		// conversations of all the others), two words, and a search with a filter.
		scenarios.add(new Scenario("queue, search a common word", session, i -> "/engineer?q=EVALUATION"));
		scenarios.add(new Scenario("queue, search a rare word", session, i -> "/engineer?q=" + (4000 + i % 900)));
		scenarios.add(new Scenario("queue, search two words", session, i -> "/engineer?q=tests%20moodle"));
		scenarios.add(new Scenario("queue, status=NEW, search", session, i -> "/engineer?status=NEW&q=progression"));
		scenarios.add(new Scenario("queue, sort=TITLE", session, i -> "/engineer?sort=TITLE"));
		scenarios.add(new Scenario("queue, sort=COURSE", session, i -> "/engineer?sort=COURSE"));
		scenarios.add(new Scenario("queue, sort=ENGINEER", session, i -> "/engineer?sort=ENGINEER"));
		scenarios.add(new Scenario("queue, sort=WAITING", session, i -> "/engineer?sort=WAITING"));
		scenarios.add(new Scenario("queue, sort=WISHED", session, i -> "/engineer?sort=WISHED"));
		scenarios.add(new Scenario("queue, status=IN_PROGRESS, sort=WAITING", session,
				i -> "/engineer?status=IN_PROGRESS&sort=WAITING"));
		scenarios.add(new Scenario("request page, random id", session,
				i -> "/requests/" + (facts.minId() + Math.floorMod(random.nextLong(), span))));
		return scenarios;
	}

	private int measure(Connection db, List<Scenario> all) throws Exception {
		List<String> only = List.of(option("only", "").split(",")).stream().filter(o -> !o.isBlank()).toList();
		List<Scenario> scenarios = all.stream()
			.filter(s -> only.isEmpty() || only.stream().anyMatch(o -> s.name().contains(o)))
			.toList();
		int failed = 0;
		// A first round over every scenario, so that no scenario pays for the JIT alone.
		for (int round = 0; round < 50; round++) {
			for (Scenario scenario : scenarios) {
				failed += get(scenario.session(), scenario.path().apply(round)).status() == 200 ? 0 : 1;
			}
		}
		System.out.println();
		System.out.printf("Measuring: per scenario %d warm-up then %d measured GETs, one after the other on one "
				+ "connection (from %s)%n", warmup, measured, java.time.LocalTime.now().withNano(0));
		List<String> summary = new ArrayList<>();
		for (Scenario scenario : scenarios) {
			for (int i = 0; i < warmup; i++) {
				failed += get(scenario.session(), scenario.path().apply(i)).status() == 200 ? 0 : 1;
			}
			execute(db, "select pg_stat_statements_reset()");
			long[] latencies = new long[measured];
			long bytes = 0;
			long gcBefore = gcMillis();
			long machineBefore = machineBusyNanos();
			long processBefore = processCpuNanos();
			long postgresBefore = postgresCpuNanos();
			long wallBefore = System.nanoTime();
			for (int i = 0; i < measured; i++) {
				Response response = get(scenario.session(), scenario.path().apply(i));
				latencies[i] = response.nanos();
				bytes += response.bytes();
				if (response.status() != 200) {
					failed++;
					if (failed < 5) {
						System.out.println("  " + scenario.name() + ": " + response.status() + " " + response.path());
					}
				}
			}
			long wall = System.nanoTime() - wallBefore;
			long jvmCpu = processCpuNanos() - processBefore;
			long postgresCpu = postgresCpuNanos() - postgresBefore;
			double others = (machineBusyNanos() - machineBefore - jvmCpu - postgresCpu)
					/ (double) (wall * Runtime.getRuntime().availableProcessors());
			Arrays.sort(latencies);
			String line = String.format(Locale.ROOT, "%-38s p50 %6.2f  p95 %6.2f  p99 %6.2f  max %7.2f ms  %s  %3d KB",
					scenario.name(), ms(latencies, 0.50), ms(latencies, 0.95), ms(latencies, 0.99), ms(latencies, 1.0),
					ms(latencies, 0.95) < 50 ? "ok  " : "SLOW", bytes / measured / 1024);
			summary.add(line + String.format(Locale.ROOT, "  CPU/page JVM %5.1f PG %5.1f  others %s",
					jvmCpu / 1e6 / measured, postgresCpu / 1e6 / measured,
					machineBefore < 0 ? "?" : String.format(Locale.ROOT, "%.0f%%", 100 * Math.max(0, others))));
			System.out.println();
			System.out.println(line);
			System.out.printf(Locale.ROOT,
					"  CPU per page: JVM (Tandem + client) %.2f ms, PostgreSQL %.2f ms; GC %d ms in all; other processes: %s%n",
					jvmCpu / 1e6 / measured, postgresCpu / 1e6 / measured, gcMillis() - gcBefore,
					machineBefore < 0 ? "unknown" : String.format(Locale.ROOT, "%.0f%% of the cores%s",
							100 * Math.max(0, others), others > 0.05 ? ", NOT A QUIET MACHINE" : ""));
			printStatements(db);
		}
		System.out.println();
		System.out.println("Summary (latency ms, target p95 < 50 ms; KB: average page size; CPU ms per page of this JVM"
				+ " and of PostgreSQL; others: share of the cores other processes took, above 5% the figures are"
				+ " pessimistic)");
		summary.forEach(line -> System.out.println("  " + line));
		System.out.println(failed == 0 ? "All pages answered 200." : failed + " pages did not answer 200.");
		return failed;
	}

	/** The statements PostgreSQL ran during the scenario, by total time, per page. */
	private void printStatements(Connection db) throws SQLException {
		if (statements <= 0) {
			return;
		}
		String sql = """
				select calls, total_exec_time, mean_exec_time, rows, regexp_replace(query, '\\s+', ' ', 'g')
				from pg_stat_statements
				where query not like '%%pg_stat_statements%%' and dbid = (select oid from pg_database
				  where datname = current_database())
				order by total_exec_time desc""";
		double total = 0;
		List<String> lines = new ArrayList<>();
		try (PreparedStatement statement = db.prepareStatement(sql.formatted());
				ResultSet rs = statement.executeQuery()) {
			while (rs.next()) {
				total += rs.getDouble(2);
				if (lines.size() < statements) {
					String query = rs.getString(5);
					lines.add(String.format(Locale.ROOT, "    %6.2f ms/page  %7.3f ms mean × %5.2f/page  %s",
							rs.getDouble(2) / measured, rs.getDouble(3), rs.getLong(1) / (double) measured,
							query.length() > 120 ? query.substring(0, 120) + "…" : query));
				}
			}
		}
		System.out.printf(Locale.ROOT, "  PostgreSQL execution: %.2f ms per page in all; the costliest statements:%n",
				total / measured);
		lines.forEach(System.out::println);
	}

	private record Response(String path, int status, long nanos, int bytes) {
	}

	private Response get(String session, String path) throws IOException, InterruptedException {
		String url = tandem + path + (path.contains("?") ? "&" : "?") + "session=" + session;
		HttpRequest request = HttpRequest.newBuilder(URI.create(url))
			.header("Sec-Fetch-Site", "same-origin")
			.GET()
			.build();
		long start = System.nanoTime();
		HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
		long nanos = System.nanoTime() - start;
		return new Response(path, response.statusCode(), nanos, response.body().length());
	}

	/**
	 * Busy time of all CPUs (Linux {@code /proc/stat}: user + nice + system + irq +
	 * softirq + steal), -1 elsewhere; with this process's CPU time, tells whether other
	 * processes (PostgreSQL's among them) competed.
	 */
	private static long machineBusyNanos() {
		try {
			String[] fields = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat"))
				.get(0)
				.trim()
				.split("\\s+");
			long busy = 0;
			for (int i : new int[] { 1, 2, 3, 6, 7, 8 }) {
				busy += Long.parseLong(fields[i]);
			}
			return busy * 1_000_000_000L / 100; // USER_HZ is 100 on Linux
		}
		catch (IOException | RuntimeException ex) {
			return -1;
		}
	}

	/**
	 * CPU time of the postmaster and its children (the backends), from {@code /proc}; 0
	 * elsewhere.
	 */
	private long postgresCpuNanos() {
		if (postmaster <= 0) {
			return 0;
		}
		long ticks = 0;
		try (java.util.stream.Stream<java.nio.file.Path> processes = java.nio.file.Files
			.list(java.nio.file.Path.of("/proc"))) {
			for (java.nio.file.Path process : (Iterable<java.nio.file.Path>) processes::iterator) {
				String name = process.getFileName().toString();
				if (!name.chars().allMatch(Character::isDigit)) {
					continue;
				}
				try {
					long[] stat = stat(Long.parseLong(name));
					if (stat[0] == postmaster) {
						// with the ended backends it has reaped, so that the sum never
						// goes back
						ticks += stat[2] + stat[3];
					}
					else if (stat[1] == postmaster) {
						ticks += stat[2];
					}
				}
				catch (IOException | RuntimeException ex) {
					// the process has ended
				}
			}
		}
		catch (IOException ex) {
			return 0;
		}
		return ticks * 1_000_000_000L / 100;
	}

	/**
	 * pid, parent pid, user + system ticks of a process, and those of its ended children
	 * it waited for, from {@code /proc/<pid>/stat}.
	 */
	private static long[] stat(long pid) throws IOException {
		String line = java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat"));
		// Fields after the command (which may hold spaces), from field 3 (state) on.
		String[] fields = line.substring(line.lastIndexOf(')') + 2).split(" ");
		return new long[] { pid, Long.parseLong(fields[1]), Long.parseLong(fields[11]) + Long.parseLong(fields[12]),
				Long.parseLong(fields[13]) + Long.parseLong(fields[14]) };
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
			.getProcessCpuTime();
	}

	private static long gcMillis() {
		return ManagementFactory.getGarbageCollectorMXBeans()
			.stream()
			.mapToLong(gc -> Math.max(0, gc.getCollectionTime()))
			.sum();
	}

	private static double ms(long[] sorted, double quantile) {
		int index = (int) Math.ceil(quantile * sorted.length) - 1;
		return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
