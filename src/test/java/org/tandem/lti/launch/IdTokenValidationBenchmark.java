package org.tandem.lti.launch;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.tandem.lti.LtiProperties;
import org.tandem.lti.MessageType;
import org.tandem.lti.MoodleCaptures;
import org.tandem.lti.Platform;
import org.tandem.lti.TestPlatform;
import org.tandem.lti.keys.PlatformKeySets;

import org.springframework.util.unit.DataSize;

/**
 * How long Tandem takes to validate a Moodle id_token (target: under 0.2 ms median on the
 * 2-core reference machine). The token is the one a real Moodle 4.5 signed, RS256 with a
 * 2048-bit key, captured in {@code src/test/resources/moodle/launch/teacher.id_token.jwt}
 * with Moodle's key set; the validator's clock is fixed one second after the token's
 * {@code iat}, so it stays valid, and the expected nonce is the token's own. The key set
 * is warm: nothing is fetched while measuring.
 * <ul>
 * <li>{@code validate}: {@link IdTokenValidator} with the keys as an
 * {@link ImmutableJWKSet} (parse, header checks, signature, every claim Tandem reads);
 * <li>{@code validateWithPlatformKeySets}: the production path, the same validator with
 * the key source of {@link PlatformKeySets} (Nimbus caching, rate limited, outage
 * tolerant sources), warmed by one fetch from a loopback HTTP server before measuring;
 * <li>{@code signatureOnly}: the floor, Nimbus parsing the token and checking the RS256
 * signature and nothing else; {@code signatureAndClaimsParsing} adds parsing the claims'
 * JSON (about 3 KB from Moodle), which any validation needs.
 * </ul>
 * Run it (SampleTime: JMH prints p0.50, p0.90, p0.99... per benchmark, in µs/op):
 *
 * <pre>
 * mvn -o -q test-compile exec:exec@jmh
 * </pre>
 *
 * The defaults below are short (1 fork, 3 × 1 s warm-up, 5 × 1 s measurement). Other JMH
 * options replace the whole command line, e.g. longer and with a GC profile:
 *
 * <pre>
 * mvn -o -q test-compile exec:exec@jmh -Dexec.args="-cp %classpath org.openjdk.jmh.Main IdTokenValidationBenchmark -f 2 -wi 5 -i 10 -prof gc"
 * </pre>
 *
 * The class name does not end in Test/Tests/TestCase/IT: surefire and failsafe skip it.
 */
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class IdTokenValidationBenchmark {

	static final String WHO = "teacher";

	/** Tandem's defaults, as {@code @DefaultValue} on {@link LtiProperties} says them. */
	static LtiProperties defaultProperties() {
		return new LtiProperties(Path.of("lti-config/platforms"), List.of(), Duration.ofMinutes(5),
				Duration.ofSeconds(10), DataSize.ofKilobytes(32),
				new LtiProperties.Jwks(Duration.ofSeconds(2), Duration.ofSeconds(3), DataSize.ofKilobytes(64),
						Duration.ofMinutes(15), Duration.ofMinutes(1), Duration.ofHours(24), Duration.ofSeconds(30),
						Duration.ofHours(24), Duration.ofSeconds(5)));
	}

	private String idToken;

	private String nonce;

	private Platform platform;

	private Platform servedPlatform;

	private IdTokenValidator validator;

	private JWKSource<SecurityContext> keys;

	private RSASSAVerifier verifier;

	private HttpServer keySetServer;

	@Setup(Level.Trial)
	public void setUp() throws IOException, ParseException, JOSEException {
		idToken = MoodleCaptures.signedToken(WHO);
		Map<String, Object> claims = MoodleCaptures.claims(WHO);
		nonce = (String) claims.get("nonce");
		String issuer = (String) claims.get("iss");
		String clientId = (String) claims.get("aud");
		String deploymentId = (String) claims.get(IdTokenValidator.LTI + "deployment_id");
		Instant issuedAt = Instant.ofEpochSecond(((Number) claims.get("iat")).longValue());
		Clock clock = Clock.fixed(issuedAt.plusSeconds(1), ZoneOffset.UTC);

		String keySetJson = MoodleCaptures.moodleKeySet();
		JWKSet keySet = JWKSet.parse(keySetJson);
		keys = new ImmutableJWKSet<>(keySet);
		verifier = new RSASSAVerifier((RSAKey) keySet.getKeys().get(0));

		keySetServer = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		byte[] body = keySetJson.getBytes(StandardCharsets.UTF_8);
		keySetServer.createContext(TestPlatform.KEYS_PATH, exchange -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.getResponseHeaders().add("Cache-Control", "max-age=86400");
			exchange.sendResponseHeaders(200, body.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(body);
			}
		});
		keySetServer.start();

		URI site = URI.create(issuer);
		platform = platform(site, URI.create(issuer + TestPlatform.KEYS_PATH), clientId, deploymentId);
		servedPlatform = platform(site,
				URI.create("http://127.0.0.1:" + keySetServer.getAddress().getPort() + TestPlatform.KEYS_PATH),
				clientId, deploymentId);
		validator = new IdTokenValidator(defaultProperties(), clock, new PlatformKeySets(defaultProperties()));

		// Fail fast rather than measure refusals, and warm the production key cache.
		check(validate());
		check(validateWithPlatformKeySets());
		if (!signatureOnly()) {
			throw new IllegalStateException("The captured token's signature does not verify");
		}
	}

	private static Platform platform(URI site, URI jwksUrl, String clientId, String deploymentId) {
		return new Platform(1, "Captured Moodle", site.toString(), clientId, URI.create(site + "/mod/lti/auth.php"),
				URI.create(site + "/mod/lti/token.php"), jwksUrl, site, "benchmark", true, Set.of(deploymentId));
	}

	private static void check(LaunchClaims claims) {
		if (!"3".equals(claims.subject()) || claims.messageType() != MessageType.RESOURCE_LINK) {
			throw new IllegalStateException("Unexpected claims " + claims);
		}
	}

	@TearDown(Level.Trial)
	public void tearDown() {
		keySetServer.stop(0);
	}

	@Benchmark
	public LaunchClaims validate() {
		return validator.validate(idToken, platform, nonce, keys);
	}

	@Benchmark
	public LaunchClaims validateWithPlatformKeySets() {
		return validator.validate(idToken, servedPlatform, nonce);
	}

	@Benchmark
	public boolean signatureOnly() throws ParseException, JOSEException {
		return SignedJWT.parse(idToken).verify(verifier);
	}

	@Benchmark
	public JWTClaimsSet signatureAndClaimsParsing() throws ParseException, JOSEException {
		SignedJWT jwt = SignedJWT.parse(idToken);
		if (!jwt.verify(verifier)) {
			throw new IllegalStateException("Bad signature");
		}
		return jwt.getJWTClaimsSet();
	}

}
