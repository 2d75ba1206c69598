package org.tandem.lti;

import java.net.http.HttpResponse;
import java.security.interfaces.RSAPublicKey;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tandem.lti.launch.LaunchProblem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Every launch an attacker or a misconfigured platform can send is refused with a 4xx
 * page that says what is wrong, in the user's language, and leaves no session and no
 * record.
 */
public class RefusedLaunchesTest extends LaunchTestSupport {

	private static final String LTI = TestPlatform.LTI;

	/** Builds what the browser posts from a fresh login and Moodle's teacher claims. */
	interface Forgery {

		Attempt forge(LaunchClient.Login login, Map<String, Object> claims) throws Exception;

	}

	record Attempt(String token, String state, String origin) {
	}

	static Attempt signed(LaunchClient.Login login, Map<String, Object> claims) {
		return new Attempt(PLATFORM.sign(claims), login.state(), PLATFORM.origin());
	}

	static Arguments refused(String name, LaunchProblem problem, Forgery forgery) {
		return argumentSet(name, problem, forgery);
	}

	static Stream<Arguments> launches() {
		return Stream.of(refused("signed by a key not in the key set", LaunchProblem.UNKNOWN_KEY,
				(login, claims) -> new Attempt(PLATFORM.sign(claims, TestPlatform.newKey(), h -> {
				}), login.state(), PLATFORM.origin())),
				refused("signed by another key under the platform's kid", LaunchProblem.BAD_SIGNATURE,
						(login, claims) -> new Attempt(
								PLATFORM.sign(claims, TestPlatform.newKey(), h -> h.keyID(PLATFORM.key().getKeyID())),
								login.state(), PLATFORM.origin())),
				refused("payload tampered after signing", LaunchProblem.BAD_SIGNATURE, (login, claims) -> {
					String[] parts = PLATFORM.sign(claims).split("\\.");
					claims.put("sub", "2");
					String forged = Base64.getUrlEncoder()
						.withoutPadding()
						.encodeToString(JWTClaimsSet.parse(claims).toString().getBytes());
					return new Attempt(parts[0] + "." + forged + "." + parts[2], login.state(), PLATFORM.origin());
				}),
				refused("alg none", LaunchProblem.TOKEN_UNSIGNED,
						(login, claims) -> new Attempt(new PlainJWT(JWTClaimsSet.parse(claims)).serialize(),
								login.state(), PLATFORM.origin())),
				refused("HS256 signed with the platform's public key", LaunchProblem.ALGORITHM_NOT_ALLOWED,
						(login, claims) -> new Attempt(hmacWithPublicKey(claims), login.state(), PLATFORM.origin())),
				refused("no kid in the header", LaunchProblem.KID_MISSING,
						(login, claims) -> new Attempt(PLATFORM.sign(claims, PLATFORM.key(), h -> h.keyID(null)),
								login.state(), PLATFORM.origin())),
				refused("expired", LaunchProblem.EXPIRED, (login, claims) -> {
					long now = Instant.now().getEpochSecond();
					claims.put("iat", now - 120);
					claims.put("exp", now - 60);
					return signed(login, claims);
				}), refused("issued in the future", LaunchProblem.ISSUED_IN_FUTURE, (login, claims) -> {
					long now = Instant.now().getEpochSecond();
					claims.put("iat", now + 120);
					claims.put("exp", now + 180);
					return signed(login, claims);
				}), refused("unknown iss", LaunchProblem.ISSUER_MISMATCH, (login, claims) -> {
					claims.put("iss", "https://moodle.attacker.example");
					return signed(login, claims);
				}), refused("aud without the client id", LaunchProblem.AUDIENCE_MISMATCH, (login, claims) -> {
					claims.put("aud", "another-tool");
					return signed(login, claims);
				}), refused("several audiences without azp", LaunchProblem.AZP_MISMATCH, (login, claims) -> {
					claims.put("aud", List.of(TestPlatform.CLIENT_ID, "another-tool"));
					return signed(login, claims);
				}), refused("several audiences with a wrong azp", LaunchProblem.AZP_MISMATCH, (login, claims) -> {
					claims.put("aud", List.of(TestPlatform.CLIENT_ID, "another-tool"));
					claims.put("azp", "another-tool");
					return signed(login, claims);
				}), refused("nonce missing", LaunchProblem.NONCE_MISMATCH, (login, claims) -> {
					claims.remove("nonce");
					return signed(login, claims);
				}), refused("nonce made up", LaunchProblem.NONCE_MISMATCH, (login, claims) -> {
					claims.put("nonce", "66519dfbc1404031b7365b6202cfc181");
					return signed(login, claims);
				}),
				refused("state missing", LaunchProblem.STATE_MISSING,
						(login, claims) -> new Attempt(PLATFORM.sign(claims), null, PLATFORM.origin())),
				refused("state not issued by Tandem", LaunchProblem.STATE_UNKNOWN,
						(login, claims) -> new Attempt(PLATFORM.sign(claims), "x".repeat(43), PLATFORM.origin())),
				refused("posted from another site", LaunchProblem.FOREIGN_ORIGIN,
						(login, claims) -> new Attempt(PLATFORM.sign(claims), login.state(),
								"https://attacker.example")),
				refused("posted without Origin", LaunchProblem.FOREIGN_ORIGIN,
						(login, claims) -> new Attempt(PLATFORM.sign(claims), login.state(), null)),
				refused("deployment missing", LaunchProblem.DEPLOYMENT_MISSING, (login, claims) -> {
					claims.remove(LTI + "deployment_id");
					return signed(login, claims);
				}), refused("deployment not registered", LaunchProblem.UNKNOWN_DEPLOYMENT, (login, claims) -> {
					claims.put(LTI + "deployment_id", "99");
					return signed(login, claims);
				}), refused("message type missing", LaunchProblem.MESSAGE_TYPE_UNSUPPORTED, (login, claims) -> {
					claims.remove(LTI + "message_type");
					return signed(login, claims);
				}), refused("message type unknown", LaunchProblem.MESSAGE_TYPE_UNSUPPORTED, (login, claims) -> {
					claims.put(LTI + "message_type", "LtiSubmissionReviewRequest");
					return signed(login, claims);
				}), refused("version 1.1", LaunchProblem.VERSION_UNSUPPORTED, (login, claims) -> {
					claims.put(LTI + "version", "1.1");
					return signed(login, claims);
				}), refused("version missing", LaunchProblem.VERSION_UNSUPPORTED, (login, claims) -> {
					claims.remove(LTI + "version");
					return signed(login, claims);
				}), refused("resource_link missing", LaunchProblem.CLAIM_MISSING, (login, claims) -> {
					claims.remove(LTI + "resource_link");
					return signed(login, claims);
				}), refused("roles missing", LaunchProblem.CLAIM_MISSING, (login, claims) -> {
					claims.remove(LTI + "roles");
					return signed(login, claims);
				}), refused("sub missing", LaunchProblem.CLAIM_MISSING, (login, claims) -> {
					claims.remove("sub");
					return signed(login, claims);
				}), refused("context missing", LaunchProblem.CLAIM_MISSING, (login, claims) -> {
					claims.remove(LTI + "context");
					return signed(login, claims);
				}),
				refused("not a JWT", LaunchProblem.TOKEN_MALFORMED,
						(login, claims) -> new Attempt("this-is-not-a-token", login.state(), PLATFORM.origin())),
				refused("no token at all", LaunchProblem.TOKEN_MISSING,
						(login, claims) -> new Attempt(null, login.state(), PLATFORM.origin())),
				refused("oversized token", LaunchProblem.TOKEN_TOO_LARGE, (login, claims) -> {
					claims.put(LTI + "custom", Map.of("padding", "x".repeat(40_000)));
					return signed(login, claims);
				}));
	}

	@ParameterizedTest
	@MethodSource("launches")
	void refusesWithAPageAndOpensNoSession(LaunchProblem problem, Forgery forgery) throws Exception {
		LaunchClient.Login login = client.login("teacher");
		Attempt attempt = forgery.forge(login, PLATFORM.claims("teacher", login.nonce()));
		long sessions = count("spring_session");
		long people = count("person");

		HttpResponse<String> response = post(attempt);

		assertRefused(response, problem);
		assertThat(count("spring_session")).isEqualTo(sessions);
		assertThat(count("person")).isEqualTo(people);
	}

	@Test
	void refusesTheReplayOfATokenThatAlreadyLaunched() {
		LaunchClient.Login login = client.login("teacher");
		String token = PLATFORM.sign(PLATFORM.claims("teacher", login.nonce()));
		assertThat(client.postLaunch(token, login.state()).statusCode()).isEqualTo(200);
		long sessions = count("spring_session");

		HttpResponse<String> replay = client.postLaunch(token, login.state());

		assertRefused(replay, LaunchProblem.STATE_USED);
		assertThat(count("spring_session")).isEqualTo(sessions);
	}

	@Test
	void refusesATokenPostedWithTheStateOfAnotherLogin() {
		LaunchClient.Login mine = client.login("teacher");
		LaunchClient.Login other = client.login("teacher");

		HttpResponse<String> response = client.postLaunch(PLATFORM.sign(PLATFORM.claims("teacher", mine.nonce())),
				other.state());

		assertRefused(response, LaunchProblem.NONCE_MISMATCH);
	}

	@Test
	void unknownDeploymentPageTellsTheAdministratorWhichLineToAddInWhichFile() {
		LaunchClient.Login login = client.login("teacher");
		Map<String, Object> claims = PLATFORM.claims("teacher", login.nonce());
		claims.put(LTI + "deployment_id", "99");

		HttpResponse<String> response = client.postLaunch(PLATFORM.sign(claims), login.state());

		assertThat(response.body()).contains("99", "Test Moodle", "test-moodle.yml", "deployment-ids:");
	}

	@Test
	void platformSayingTheUserIsNoLongerLoggedInGetsItsOwnPage() {
		HttpResponse<String> response = client.postLaunch(
				Map.of("error", "login_required", "error_description", "User not logged in", "state", "x"),
				PLATFORM.origin());

		assertRefused(response, LaunchProblem.LOGIN_REQUIRED);
	}

	@Test
	void platformErrorIsShownWithWhatThePlatformSaid() {
		HttpResponse<String> response = client.postLaunch(
				Map.of("error", "invalid_request", "error_description", "<script>alert(1)</script>"),
				PLATFORM.origin());

		assertRefused(response, LaunchProblem.PLATFORM_ERROR);
		assertThat(response.body()).contains("invalid_request", "&lt;script&gt;alert(1)&lt;/script&gt;")
			.doesNotContain("<script>alert(1)</script>");
	}

	static Stream<Arguments> logins() {
		return Stream.of(
				argumentSet("unknown issuer", "iss", "https://moodle.unknown.example", LaunchProblem.UNKNOWN_ISSUER),
				argumentSet("foreign target_link_uri", "target_link_uri", "https://attacker.example/lti/launch",
						LaunchProblem.FOREIGN_TARGET_LINK),
				argumentSet("target_link_uri on Tandem's host but another port", "target_link_uri",
						"http://localhost:1/lti/launch", LaunchProblem.FOREIGN_TARGET_LINK),
				argumentSet("unknown client id", "client_id", "another-client", LaunchProblem.UNKNOWN_CLIENT),
				argumentSet("unregistered deployment", "lti_deployment_id", "99", LaunchProblem.UNKNOWN_DEPLOYMENT),
				argumentSet("login_hint missing", "login_hint", "", LaunchProblem.LOGIN_PARAMETER_MISSING),
				argumentSet("iss missing", "iss", "", LaunchProblem.LOGIN_PARAMETER_MISSING));
	}

	@ParameterizedTest
	@MethodSource("logins")
	void refusesLoginWithAPageAndIssuesNoState(String parameter, String value, LaunchProblem problem) {
		Map<String, String> form = client.loginForm("teacher");
		form.put(parameter, value);
		long states = count("login_state");

		HttpResponse<String> response = client.postLogin(form);

		assertRefused(response, problem);
		assertThat(count("login_state")).isEqualTo(states);
	}

	@Test
	void refusalPageSpeaksTheBrowsersLanguage() {
		Map<String, String> form = client.loginForm("teacher");
		form.put("iss", "https://moodle.unknown.example");

		HttpResponse<String> response = client
			.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(TANDEM + "/lti/login"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Accept-Language", "en-GB,en;q=0.9")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(LaunchClient.encode(form)))
				.build());

		assertThat(response.body()).contains(Messages.html(Messages.english("launch.problem.unknown-issuer.title")));
	}

	private HttpResponse<String> post(Attempt attempt) {
		Map<String, String> form = new LinkedHashMap<>();
		if (attempt.token() != null) {
			form.put("id_token", attempt.token());
		}
		if (attempt.state() != null) {
			form.put("state", attempt.state());
		}
		return client.postLaunch(form, attempt.origin());
	}

	public static void assertRefused(HttpResponse<String> response, LaunchProblem problem) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(problem.status().value()).isBetween(400, 499);
		assertThat(response.body()).contains(Messages.html(Messages.french(problem.key() + ".title")))
			.containsPattern("tandem-correlation\">[0-9a-f]{12}<")
			.doesNotContain("id=\"continue\"")
			.doesNotContain("session=");
		assertThat(response.headers().firstValue("X-Correlation-Id")).isPresent();
	}

	private static String hmacWithPublicKey(Map<String, Object> claims) throws JOSEException, java.text.ParseException {
		RSAPublicKey publicKey = PLATFORM.key().toRSAPublicKey();
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(PLATFORM.key().getKeyID()).build(),
				JWTClaimsSet.parse(claims));
		jwt.sign(new MACSigner(publicKey.getEncoded()));
		return jwt.serialize();
	}

}
