package org.tandem.lti;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.tandem.TandemApplication;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Complete LTI launches per second against a Tandem over real HTTP on loopback (target on
 * the 2-core reference machine: 500 launches/s at 32 concurrent, p99 under 50 ms).
 * <p>
 * Starts Tandem in this JVM (profile {@code test}, an H2 database under {@code target/},
 * no platform files, quiet logs) on a free port, a WireMock Moodle serving its key set
 * (as {@link TestPlatform} does) and registers that platform. Then each worker plays
 * Moodle and the browser: posts Moodle's login form to {@code /lti/login}, reads state
 * and nonce from the redirect, signs a Moodle-shaped RS256 id_token (claims of the
 * captured {@code teacher} launch, {@code sub} cycling over {@code --people} persons) and
 * posts it to {@code /lti/launch} with the platform's {@code Origin}. A launch counts
 * only when it answers 200 with the {@code id="continue"} link carrying the session.
 * Latency is login + launch; the client's signing is timed and reported apart, since the
 * client shares the machine's cores with Tandem (the nonce comes from the login, so
 * tokens cannot be signed ahead).
 *
 * <pre>
 * mvn -o -q test-compile exec:java@launch-load
 * mvn -o -q test-compile exec:java@launch-load -Dexec.args="--launches=20000 --concurrency=64 --db=file"
 * </pre>
 *
 * Options, as {@code --name=value} arguments or {@code -Dbench.name=value} system
 * properties: {@code launches} (10000), {@code concurrency} (32), {@code warmup} (2000
 * launches, same concurrency), {@code people} (1000 distinct subjects), {@code db}
 * ({@code mem}: H2 in memory; {@code file}: H2 file under {@code target/bench-db/}),
 * {@code jdbc-url}, {@code jdbc-user}, {@code jdbc-password} (another database, e.g. a
 * PostgreSQL), {@code log} (Tandem's own log level, WARN; INFO logs one line per launch,
 * as production does), {@code follow} (false; true also opens {@code /home} with the
 * session, outside the latency). Options whose name has a dot are passed to Tandem as
 * Spring properties, for experiments, e.g.
 * {@code --management.observations.enable.spring.security=false}.
 * <p>
 * Exits with an exception (non-zero) if any launch failed. Not a test: the class name
 * does not match surefire's or failsafe's includes.
 */
public final class LaunchLoadBenchmark {

	private static final Pattern CONTINUE = Pattern
		.compile("id=\"continue\"[^>]*href=\"(/home\\?session=[A-Za-z0-9_-]{43})\"");

	private static final String WHO = "teacher";

	private static final ThreadMXBean CPU = ManagementFactory.getThreadMXBean();

	private final Map<String, String> options;

	private final int launches;

	private final int concurrency;

	private final int warmup;

	private final int people;

	private final boolean follow;

	private String tandem;

	private String jdbcUrl;

	private TestPlatform platform;

	private RSASSASigner signer;

	private JWSHeader header;

	private Map<String, Object> claimsTemplate;

	private Map<String, String> loginTemplate;

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.followRedirects(HttpClient.Redirect.NEVER)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	private LaunchLoadBenchmark(Map<String, String> options) {
		this.options = options;
		this.launches = Integer.parseInt(option("launches", "10000"));
		this.concurrency = Integer.parseInt(option("concurrency", "32"));
		this.warmup = Integer.parseInt(option("warmup", "2000"));
		this.people = Integer.parseInt(option("people", "1000"));
		this.follow = Boolean.parseBoolean(option("follow", "false"));
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			if (!arg.startsWith("--") || !arg.contains("=")) {
				throw new IllegalArgumentException("Arguments are --name=value, not " + arg);
			}
			options.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
		}
		int failed = new LaunchLoadBenchmark(options).run();
		if (failed > 0) {
			throw new IllegalStateException(failed + " launches failed");
		}
	}

	private String option(String name, String fallback) {
		return options.getOrDefault(name, System.getProperty("bench." + name, fallback));
	}

	/** Runs the benchmark and returns how many launches failed. */
	private int run() throws Exception {
		int port = freePort();
		jdbcUrl = jdbcUrl();
		tandem = "http://localhost:" + port;
		WireMockServer moodle = new WireMockServer(
				WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort().containerThreads(8));
		moodle.start();
		ConfigurableApplicationContext context = null;
		try {
			platform = new TestPlatform(moodle, tandem);
			platform.serveKeys();
			Instant started = Instant.now();
			context = startTandem(port);
			System.out.printf("Tandem started on %s in %d ms (%s)%n", tandem,
					Duration.between(started, Instant.now()).toMillis(), databaseDescription());
			context.getBean(PlatformRegistry.class).register(platform.registration(), "benchmark.yml");
			prepareClient();

			printMachine();
			// One launch alone first: it fetches the key set, which 32 cold launches at
			// once could time out on.
			started = Instant.now();
			launch("first-launch");
			System.out.printf("First launch (cold, fetches Moodle's key set): %d ms%n",
					Duration.between(started, Instant.now()).toMillis());
			System.out.printf("Warm-up: %d launches, %d concurrent%n", warmup, concurrency);
			Result warm = runLaunches(warmup, "warmup-");
			System.out.printf("  %d ok, %d errors, %.0f launches/s%n", warm.ok(), warm.errors(), warm.perSecond());
			warm.printErrors();

			System.out.printf("Measuring: %d launches, %d concurrent (from %s)%n", launches, concurrency,
					java.time.LocalTime.now().withNano(0));
			Result result = runLaunches(launches, "");
			result.print();
			return result.errors() + warm.errors();
		}
		finally {
			if (context != null) {
				context.close();
			}
			moodle.stop();
		}
	}

	private ConfigurableApplicationContext startTandem(int port) {
		SpringApplication application = new SpringApplication(TandemApplication.class);
		application.setAdditionalProfiles("test");
		Map<String, Object> properties = new LinkedHashMap<>();
		properties.put("server.port", port);
		properties.put("server.address", "127.0.0.1");
		properties.put("tandem.base-url", tandem);
		properties.put("tandem.lti.platforms-dir", "target/no-platform-files");
		properties.put("spring.datasource.url", jdbcUrl);
		if (option("jdbc-user", null) != null) {
			properties.put("spring.datasource.username", option("jdbc-user", null));
		}
		if (option("jdbc-password", null) != null) {
			properties.put("spring.datasource.password", option("jdbc-password", null));
		}
		properties.put("logging.level.root", "WARN");
		properties.put("logging.level.org.tandem", option("log", "WARN"));
		// Options with a dot are Spring properties for Tandem, for experiments.
		options.forEach((name, value) -> {
			if (name.contains(".")) {
				properties.put(name, value);
			}
		});
		// The profile's file says these too: command-line style arguments win over it.
		List<String> args = new ArrayList<>();
		properties.forEach((name, value) -> args.add("--" + name + "=" + value));
		return application.run(args.toArray(String[]::new));
	}

	private String jdbcUrl() {
		String url = option("jdbc-url", null);
		if (url != null) {
			return url;
		}
		String name = "tandem-bench-" + UUID.randomUUID();
		return switch (option("db", "mem")) {
			case "mem" -> "jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1";
			case "file" -> "jdbc:h2:file:./target/bench-db/" + name + ";AUTO_SERVER=FALSE;DB_CLOSE_ON_EXIT=FALSE";
			default -> throw new IllegalArgumentException("--db is mem or file, or give --jdbc-url");
		};
	}

	private String databaseDescription() {
		return jdbcUrl.startsWith("jdbc:h2:") ? jdbcUrl.substring(0, jdbcUrl.indexOf(';')) : "database " + jdbcUrl;
	}

	private void prepareClient() throws JOSEException {
		signer = new RSASSASigner(platform.key());
		header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
			.keyID(platform.key().getKeyID())
			.build();
		claimsTemplate = MoodleCaptures.claims(WHO);
		claimsTemplate.put("iss", platform.issuer());
		claimsTemplate.put("aud", TestPlatform.CLIENT_ID);
		claimsTemplate.put(TestPlatform.LTI + "target_link_uri", tandem + "/lti/launch");
		loginTemplate = MoodleCaptures.loginForm(WHO);
		loginTemplate.put("iss", platform.issuer());
		loginTemplate.put("target_link_uri", tandem + "/lti/launch");
	}

	private void printMachine() {
		Runtime runtime = Runtime.getRuntime();
		System.out.printf("JVM: %s %s (%s), %d cores available, max heap %d MB, GC %s%n",
				System.getProperty("java.vm.name"), System.getProperty("java.vm.version"),
				System.getProperty("java.vendor"), runtime.availableProcessors(), runtime.maxMemory() >> 20,
				ManagementFactory.getGarbageCollectorMXBeans().stream().map(GarbageCollectorMXBean::getName).toList());
		System.out.printf("OS: %s %s %s; load average %.2f; client and Tandem share this JVM and these cores%n",
				System.getProperty("os.name"), System.getProperty("os.version"), System.getProperty("os.arch"),
				ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
	}

	private Result runLaunches(int count, String subjectPrefix) throws InterruptedException {
		long[] latencies = new long[count];
		long[] loginLatencies = new long[count];
		long[] launchLatencies = new long[count];
		boolean[] ok = new boolean[count];
		AtomicInteger next = new AtomicInteger();
		AtomicLong signingNanos = new AtomicLong();
		AtomicLong workerCpuNanos = new AtomicLong();
		ConcurrentLinkedQueue<String> errors = new ConcurrentLinkedQueue<>();
		CountDownLatch done = new CountDownLatch(concurrency);
		CpuSnapshot before = CpuSnapshot.take();
		long start = System.nanoTime();
		for (int w = 0; w < concurrency; w++) {
			Thread worker = new Thread(() -> {
				ThreadMXBean threads = ManagementFactory.getThreadMXBean();
				long cpuStart = threads.getCurrentThreadCpuTime();
				try {
					for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
						try {
							Timings timings = launch(subjectPrefix + "bench-" + (i % people));
							latencies[i] = timings.total();
							loginLatencies[i] = timings.login();
							launchLatencies[i] = timings.launch();
							signingNanos.addAndGet(timings.signing());
							ok[i] = true;
						}
						catch (Exception | AssertionError ex) {
							if (errors.size() < 20) {
								errors.add(ex.toString());
							}
						}
					}
				}
				finally {
					workerCpuNanos.addAndGet(threads.getCurrentThreadCpuTime() - cpuStart);
					done.countDown();
				}
			}, "bench-worker-" + w);
			worker.start();
		}
		done.await();
		long wall = System.nanoTime() - start;
		CpuSnapshot after = CpuSnapshot.take();
		int okCount = 0;
		for (boolean b : ok) {
			okCount += b ? 1 : 0;
		}
		return new Result(count, okCount, wall, only(latencies, ok), only(loginLatencies, ok),
				only(launchLatencies, ok), signingNanos.get(), workerCpuNanos.get(), before, after,
				List.copyOf(errors));
	}

	private static long[] only(long[] values, boolean[] ok) {
		long[] kept = new long[values.length];
		int n = 0;
		for (int i = 0; i < values.length; i++) {
			if (ok[i]) {
				kept[n++] = values[i];
			}
		}
		long[] sorted = Arrays.copyOf(kept, n);
		Arrays.sort(sorted);
		return sorted;
	}

	/** One complete launch: login, sign, launch. */
	private Timings launch(String subject)
			throws IOException, InterruptedException, JOSEException, java.text.ParseException {
		long t0 = System.nanoTime();
		Map<String, String> loginForm = new LinkedHashMap<>(loginTemplate);
		loginForm.put("login_hint", subject);
		HttpResponse<String> login = http.send(HttpRequest.newBuilder(URI.create(tandem + "/lti/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(LaunchClient.encode(loginForm)))
			.build(), HttpResponse.BodyHandlers.ofString());
		long t1 = System.nanoTime();
		if (login.statusCode() != 302) {
			throw new AssertionError("Login answered " + login.statusCode() + ": " + shorten(login.body()));
		}
		Map<String, String> redirect = LaunchClient
			.query(URI.create(login.headers().firstValue("Location").orElseThrow()));

		long signingCpu = CPU.getCurrentThreadCpuTime();
		Map<String, Object> claims = new LinkedHashMap<>(claimsTemplate);
		long now = Instant.now().getEpochSecond();
		claims.put("sub", subject);
		claims.put("nonce", redirect.get("nonce"));
		claims.put("iat", now);
		claims.put("exp", now + 60);
		SignedJWT jwt = new SignedJWT(header, JWTClaimsSet.parse(claims));
		jwt.sign(signer);
		String idToken = jwt.serialize();
		signingCpu = CPU.getCurrentThreadCpuTime() - signingCpu;
		long t2 = System.nanoTime();

		Map<String, String> form = new LinkedHashMap<>();
		form.put("id_token", idToken);
		form.put("state", redirect.get("state"));
		HttpResponse<String> launch = http.send(HttpRequest.newBuilder(URI.create(tandem + "/lti/launch"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Sec-Fetch-Site", "cross-site")
			.header("Origin", platform.origin())
			.POST(HttpRequest.BodyPublishers.ofString(LaunchClient.encode(form)))
			.build(), HttpResponse.BodyHandlers.ofString());
		long t3 = System.nanoTime();
		Matcher link = CONTINUE.matcher(launch.body());
		if (launch.statusCode() != 200 || !link.find()) {
			throw new AssertionError("Launch answered " + launch.statusCode() + ": " + shorten(launch.body()));
		}
		if (follow) {
			HttpResponse<String> home = http.send(HttpRequest.newBuilder(URI.create(tandem + link.group(1)))
				.header("Sec-Fetch-Site", "same-origin")
				.GET()
				.build(), HttpResponse.BodyHandlers.ofString());
			if (home.statusCode() != 200 && home.statusCode() / 100 != 3) {
				throw new AssertionError("Home answered " + home.statusCode() + ": " + shorten(home.body()));
			}
		}
		return new Timings(t3 - t0 - (t2 - t1), t1 - t0, t3 - t2, signingCpu);
	}

	private static String shorten(String body) {
		String flat = body.replaceAll("\\s+", " ");
		return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Nanoseconds: the latency (login + launch, without the client's signing), its parts,
	 * and the CPU time the client spent signing.
	 */
	private record Timings(long total, long login, long launch, long signing) {
	}

	/**
	 * CPU time of the process, of its threads by kind, GC time, and the machine's busy
	 * CPU time (Linux {@code /proc/stat}, -1 elsewhere) to tell whether other processes
	 * competed.
	 */
	private record CpuSnapshot(long process, Map<String, Long> byKind, long gcMillis, long gcCount, long machineBusy) {

		static CpuSnapshot take() {
			ThreadMXBean threads = ManagementFactory.getThreadMXBean();
			Map<String, Long> byKind = new TreeMap<>();
			for (ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
				if (info == null) {
					continue;
				}
				long cpu = threads.getThreadCpuTime(info.getThreadId());
				if (cpu > 0) {
					byKind.merge(kind(info.getThreadName()), cpu, Long::sum);
				}
			}
			long process = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
				.getProcessCpuTime();
			long gcMillis = 0;
			long gcCount = 0;
			for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
				gcMillis += Math.max(0, gc.getCollectionTime());
				gcCount += Math.max(0, gc.getCollectionCount());
			}
			return new CpuSnapshot(process, byKind, gcMillis, gcCount, machineBusyNanos());
		}

		/**
		 * Busy time of all CPUs: user + nice + system + irq + softirq + steal, in
		 * nanoseconds.
		 */
		static long machineBusyNanos() {
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

		static String kind(String thread) {
			if (thread.startsWith("http-nio-") && thread.contains("exec")) {
				return "Tandem (Tomcat request threads)";
			}
			if (thread.startsWith("http-nio-")) {
				return "Tandem (Tomcat acceptor/poller)";
			}
			if (thread.startsWith("bench-worker-")) {
				return "client workers (incl. signing)";
			}
			if (thread.startsWith("HttpClient-")) {
				return "client (java.net.http I/O)";
			}
			return "other Java threads";
		}

	}

	private record Result(int count, int ok, long wallNanos, long[] latencies, long[] loginLatencies,
			long[] launchLatencies, long signingNanos, long workerCpuNanos, CpuSnapshot before, CpuSnapshot after,
			List<String> errorSamples) {

		int errors() {
			return count - ok;
		}

		double perSecond() {
			return ok / (wallNanos / 1e9);
		}

		void printErrors() {
			errorSamples.stream().limit(5).forEach(e -> System.out.println("  error: " + e));
		}

		void print() {
			int cores = Runtime.getRuntime().availableProcessors();
			double wallMs = wallNanos / 1e6;
			System.out.println();
			System.out.printf(Locale.ROOT, "launches            %d%n", count);
			System.out.printf(Locale.ROOT, "errors              %d%n", errors());
			System.out.printf(Locale.ROOT, "wall time           %.3f s%n", wallMs / 1000);
			System.out.printf(Locale.ROOT, "launches per second %.1f%n", perSecond());
			System.out.printf(Locale.ROOT, "latency (login + launch, ms)  p50 %s  p95 %s  p99 %s  max %s%n",
					ms(latencies, 0.50), ms(latencies, 0.95), ms(latencies, 0.99), ms(latencies, 1.0));
			System.out.printf(Locale.ROOT, "  login step  (ms)            p50 %s  p95 %s  p99 %s  max %s%n",
					ms(loginLatencies, 0.50), ms(loginLatencies, 0.95), ms(loginLatencies, 0.99),
					ms(loginLatencies, 1.0));
			System.out.printf(Locale.ROOT, "  launch step (ms)            p50 %s  p95 %s  p99 %s  max %s%n",
					ms(launchLatencies, 0.50), ms(launchLatencies, 0.95), ms(launchLatencies, 0.99),
					ms(launchLatencies, 1.0));
			double processCpuMs = (after.process() - before.process()) / 1e6;
			double capacityMs = wallMs * cores;
			System.out.printf(Locale.ROOT,
					"client signing (RS256, CPU time, outside the latency): %.0f ms total, %.3f ms per launch, "
							+ "%.1f%% of the %d cores × wall%n",
					signingNanos / 1e6, signingNanos / 1e6 / Math.max(1, ok), 100 * signingNanos / 1e6 / capacityMs,
					cores);
			System.out.printf(Locale.ROOT, "process CPU %.0f ms = %.0f%% of %d cores × wall; per launch %.2f ms%n",
					processCpuMs, 100 * processCpuMs / capacityMs, cores, processCpuMs / Math.max(1, ok));
			if (before.machineBusy() >= 0 && after.machineBusy() >= 0) {
				double othersMs = (after.machineBusy() - before.machineBusy()) / 1e6 - processCpuMs;
				System.out.printf(Locale.ROOT,
						"other processes on the machine: %.0f ms CPU = %.0f%% of cores × wall%s%n",
						Math.max(0, othersMs), Math.max(0, 100 * othersMs / capacityMs),
						othersMs > 0.05 * capacityMs ? "  <- NOT A QUIET MACHINE: figures are not representative" : "");
			}
			Map<String, Long> kinds = new TreeMap<>();
			after.byKind().forEach((kind, cpu) -> kinds.put(kind, cpu - before.byKind().getOrDefault(kind, 0L)));
			// The workers have ended by now: they measured themselves.
			kinds.put(CpuSnapshot.kind("bench-worker-"), workerCpuNanos);
			long javaThreads = kinds.values().stream().mapToLong(Long::longValue).sum();
			kinds.forEach((kind, cpu) -> System.out.printf(Locale.ROOT, "  %-34s %7.0f ms  %5.1f%% of process CPU%n",
					kind, cpu / 1e6, 100 * cpu / 1e6 / processCpuMs));
			System.out.printf(Locale.ROOT, "  %-34s %7.0f ms  %5.1f%% of process CPU%n", "GC, JIT and other VM threads",
					processCpuMs - javaThreads / 1e6, 100 * (processCpuMs - javaThreads / 1e6) / processCpuMs);
			System.out.printf(Locale.ROOT, "GC: %d collections, %d ms%n", after.gcCount() - before.gcCount(),
					after.gcMillis() - before.gcMillis());
			long tandemNanos = kinds.entrySet()
				.stream()
				.filter(e -> e.getKey().startsWith("Tandem"))
				.mapToLong(Map.Entry::getValue)
				.sum();
			double tandemMsPerLaunch = tandemNanos / 1e6 / Math.max(1, ok);
			System.out.printf(Locale.ROOT,
					"Tandem's threads: %.2f ms CPU per launch (without GC/JIT); alone on these %d cores that is "
							+ "at most ~%.0f launches/s (estimate)%n",
					tandemMsPerLaunch, cores, cores * 1000 / tandemMsPerLaunch);
			System.out.printf(Locale.ROOT, "target 500 launches/s with p99 < 50 ms: %s%n",
					perSecond() >= 500 && nanos(latencies, 0.99) < 50_000_000L ? "MET" : "NOT MET");
			printErrors();
		}

		private static long nanos(long[] sorted, double quantile) {
			if (sorted.length == 0) {
				return Long.MAX_VALUE;
			}
			int index = (int) Math.ceil(quantile * sorted.length) - 1;
			return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
		}

		private static String ms(long[] sorted, double quantile) {
			return sorted.length == 0 ? "-" : String.format(Locale.ROOT, "%.2f", nanos(sorted, quantile) / 1e6);
		}

	}

}
