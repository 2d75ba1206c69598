package org.tandem.admin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.tandem.lti.LaunchClient.Page;
import org.tandem.lti.Messages;
import org.tandem.lti.Platform;
import org.tandem.lti.PlatformRegistration;
import org.tandem.lti.TestPlatform;
import org.tandem.moodle.MoodleSite;
import org.tandem.moodle.WebServiceStubs;
import org.tandem.moodle.WebServicesTestSupport;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.tandem.lti.Messages.english;
import static org.tandem.lti.Messages.html;

/**
 * A Moodle site administrator sets, checks and removes the platform's web services on the
 * admin page, over HTTP with real launches, against a Moodle that answers as Moodle 4.5
 * did (the captures under {@code src/test/resources/moodle/webservices/}).
 */
@ExtendWith(OutputCaptureExtension.class)
class WebServicesAdminTest extends WebServicesTestSupport {

	static final String TOKEN = "8c1f4e2a9b7d4c6e0f3a5b8d2e7c9a41";

	@Test
	void goodTokenIsCheckedKeptAndShownOnlyByItsLastCharacters(CapturedOutput output) {
		moodleAnswers(capture("bio101/01-site-info.json"));
		Page admin = client.launchAs("siteadmin");
		assertThat(admin.body()).contains(html(english("admin.web-services.not-set")),
				html(english("admin.web-services.what")), "type=\"password\"", "autocomplete=\"off\"",
				"value=\"" + PLATFORM.issuer() + "\"");

		Page saved = setWebServices(admin, PLATFORM.issuer(), TOKEN);

		MOODLE.verify(1,
				postRequestedFor(urlEqualTo(WebServiceStubs.ENDPOINT))
					.withRequestBody(containing("wsfunction=core_webservice_get_site_info"))
					.withRequestBody(containing("wstoken=" + TOKEN)));
		assertThat(saved.status()).isEqualTo(200);
		assertThat(saved.body())
			.contains(english("admin.web-services.token-end", "9a41"), "LTI Lab Moodle",
					english("admin.web-services.source.admin"), html(english("admin.web-services.complete")))
			.doesNotContain(TOKEN)
			.doesNotContain(TOKEN.substring(0, 8));
		assertThat(kept()).isOne();
		assertThat(jdbc.sql("select * from moodle_service").query().listOfRows().toString()).doesNotContain(TOKEN);
		assertThat(output.getAll()).doesNotContain(TOKEN);
	}

	@Test
	void engineerNamedByMoodleIdOnlyIsShownUnreachableUntilTheWebServicesAreSet() {
		Page admin = client.launchAs("siteadmin");
		Page added = client.submit(admin, "/admin/engineers?", Map.of("lmsUserId", "4242", "email", ""));
		long id = jdbc.sql("select id from platform_engineer where lms_user_id = '4242'").query(Long.class).single();
		assertThat(added.body()).contains("id=\"engineers-unreachable\"")
			.containsPattern("id=\"engineer-" + id + "-reach\"[^>]*>" + html(english("admin.engineers.reach.NONE")));

		moodleAnswers(capture("bio101/01-site-info.json"));
		Page set = setWebServices(added, PLATFORM.issuer(), TOKEN);

		assertThat(set.body())
			.containsPattern("id=\"engineer-" + id + "-reach\"[^>]*>" + html(english("admin.engineers.reach.MOODLE")));
		client.submit(set, "/admin/engineers/" + id + "/delete", Map.of());
	}

	@Test
	void serviceLackingFunctionsIsKeptAndThePageNamesTheMissingOnes() {
		moodleAnswers(lackingFunctions());

		Page saved = setWebServices(client.launchAs("siteadmin"), PLATFORM.issuer(), TOKEN);

		assertThat(kept()).isOne();
		assertThat(saved.body())
			.contains(html(english("admin.web-services.missing")), "<code>core_course_get_updates_since</code>",
					"<code>core_message_send_instant_messages</code>")
			.doesNotContain("<code>core_course_get_contents</code>")
			.doesNotContain(html(english("admin.web-services.complete")));
	}

	@ParameterizedTest
	@ValueSource(strings = { "en", "fr" })
	void refusedTokenIsSaidInTheLaunchLanguageAndNothingIsKept(String language) {
		moodleAnswers(capture("bio101/errors/invalid-token.json"));
		Function<String, String> says = language.equals("fr") ? Messages::french : Messages::english;
		Page admin = client.launchAs("siteadmin", claims -> launchPresentation(claims).put("locale", language));

		Page refused = setWebServices(admin, PLATFORM.issuer(), TOKEN);

		MOODLE.verify(1,
				postRequestedFor(urlEqualTo(WebServiceStubs.ENDPOINT)).withRequestBody(containing("wstoken=" + TOKEN)));
		assertThat(refused.body())
			.contains(html(says.apply("moodle.problem.invalid-token")),
					html(says.apply("admin.web-services.token.again")))
			.doesNotContain(TOKEN);
		assertThat(kept()).isZero();
	}

	@Test
	void moodleOutOfReachIsSaidTheAddressStaysInTheFormAndNothingIsKept() {
		MOODLE.stubFor(post(urlPathEqualTo(WebServiceStubs.ENDPOINT)).willReturn(WebServiceStubs.down()));
		String unavailable = html(english("moodle.problem.unavailable"));

		Page reset = setWebServices(client.launchAs("siteadmin"), PLATFORM.issuer(), TOKEN);
		assertThat(reset.body()).contains(unavailable, html(english("admin.web-services.token.again")))
			.doesNotContain(TOKEN);

		String closed = "http://127.0.0.1:" + closedPort() + "/moodle";
		Page down = setWebServices(reset, closed, TOKEN);
		assertThat(down.body()).contains(unavailable, "value=\"" + closed + "\"").doesNotContain(TOKEN);
		assertThat(kept()).isZero();
	}

	@ParameterizedTest
	@CsvSource({ "http://localhost:{port}, admin.web-services.site-url.other-host",
			"http://10.0.0.12/moodle, admin.web-services.site-url.other-host",
			"http://127.0.0.1.example.org:{port}, admin.web-services.site-url.other-host",
			"ftp://127.0.0.1:{port}, admin.web-services.site-url.invalid",
			"http://admin@127.0.0.1:{port}, admin.web-services.site-url.invalid",
			"127.0.0.1:{port}/moodle, admin.web-services.site-url.invalid" })
	void addressOffThePlatformsHostIsRefusedWithoutCallingIt(String address, String message) {
		String siteUrl = address.replace("{port}", Integer.toString(MOODLE.port()));

		Page refused = setWebServices(client.launchAs("siteadmin"), siteUrl, TOKEN);

		assertThat(refused.body()).contains(html(english(message, "127.0.0.1")), "value=\"" + siteUrl + "\"")
			.doesNotContain(TOKEN);
		MOODLE.verify(0, postRequestedFor(urlPathEqualTo(WebServiceStubs.ENDPOINT)));
		assertThat(kept()).isZero();
	}

	@Test
	void tokenMustBeOneWordOfAtMost128Characters() {
		Page admin = client.launchAs("siteadmin");

		assertThat(setWebServices(admin, "", "").body()).contains(html(english("admin.web-services.site-url.required")),
				html(english("admin.web-services.token.required")));
		assertThat(setWebServices(admin, PLATFORM.issuer(), "8c1f4e2a 9b7d").body())
			.contains(html(english("admin.web-services.token.invalid")))
			.doesNotContain("8c1f4e2a");
		assertThat(setWebServices(admin, PLATFORM.issuer(), "a".repeat(129)).body())
			.contains(html(english("admin.web-services.token.invalid")));
		MOODLE.verify(0, postRequestedFor(urlPathEqualTo(WebServiceStubs.ENDPOINT)));
		assertThat(kept()).isZero();
	}

	@Test
	void formPostedWithoutTheCsrfTokenIsRefused() {
		moodleAnswers(capture("bio101/01-site-info.json"));
		Page admin = client.launchAs("siteadmin");

		Page refused = client.post("/admin/web-services?session=" + admin.sessionId(),
				Map.of("siteUrl", PLATFORM.issuer(), "token", TOKEN));

		assertThat(refused.status()).isEqualTo(403);
		MOODLE.verify(0, postRequestedFor(urlPathEqualTo(WebServiceStubs.ENDPOINT)));
		assertThat(kept()).isZero();
	}

	@ParameterizedTest
	@CsvSource({ "teacher, /requests/new", "noneditingteacher, /engineer/templates" })
	void teachersAndEngineersNeitherSeeNorSetTheWebServices(String who, String pageWithAForm) {
		moodleAnswers(capture("bio101/01-site-info.json"));
		String session = client.launchAs(who).sessionId();
		String csrf = csrfToken(client.open(pageWithAForm + "?session=" + session));

		assertThat(client.get("/admin?session=" + session, "same-origin").statusCode()).isEqualTo(403);
		for (String action : List.of("/admin/web-services", "/admin/web-services/check",
				"/admin/web-services/delete")) {
			Page refused = client.post(action + "?session=" + session,
					Map.of("siteUrl", PLATFORM.issuer(), "token", TOKEN, "_csrf", csrf));
			assertThat(refused.status()).as(action).isEqualTo(403);
		}
		MOODLE.verify(0, postRequestedFor(urlPathEqualTo(WebServiceStubs.ENDPOINT)));
		assertThat(kept()).isZero();
	}

	@Test
	void administratorSeesAndChangesOnlyTheirOwnPlatformsWebServices() {
		String otherToken = "5e0b7c2d9a4f4e1b8c6d3a2f7e9b0c55";
		Platform other = registry.register(otherPlatform(otherToken), "other-moodle.yml");
		try {
			moodleAnswers(capture("bio101/01-site-info.json"));
			Page admin = client.launchAs("siteadmin");
			assertThat(admin.body()).contains(html(english("admin.web-services.not-set")))
				.doesNotContain("moodle.other.example")
				.doesNotContain(english("admin.web-services.token-end", "0c55"));

			Page saved = setWebServices(admin, PLATFORM.issuer(), TOKEN);
			assertThat(saved.body()).doesNotContain("moodle.other.example");
			client.submit(saved, "/admin/web-services/delete", Map.of());

			assertThat(kept()).isZero();
			assertThat(sites.of(other.id())).map(MoodleSite::token).contains(otherToken);
		}
		finally {
			sites.disconnect(other.id());
		}
	}

	@Test
	void checkAgainShowsWhatMoodleSaysNowAndRemoveForgetsTheToken() {
		moodleAnswers(capture("bio101/01-site-info.json"));
		Page saved = setWebServices(client.launchAs("siteadmin"), PLATFORM.issuer(), TOKEN);
		assertThat(saved.body()).contains(html(english("admin.web-services.complete")));

		moodleAnswers(lackingFunctions());
		Page checked = client.submit(saved, "/admin/web-services/check", Map.of());
		assertThat(checked.body()).contains("<code>core_message_send_instant_messages</code>");

		moodleAnswers(capture("bio101/errors/invalid-token.json"));
		Page refused = client.submit(checked, "/admin/web-services/check", Map.of());
		assertThat(refused.body()).contains(html(english("moodle.problem.invalid-token")),
				english("admin.web-services.token-end", "9a41"));
		assertThat(kept()).as("a failed check keeps the token: Moodle may be fixed").isOne();
		MOODLE.verify(3,
				postRequestedFor(urlEqualTo(WebServiceStubs.ENDPOINT)).withRequestBody(containing("wstoken=" + TOKEN)));

		Page removed = client.submit(refused, "/admin/web-services/delete", Map.of());
		assertThat(removed.body()).contains(html(english("admin.web-services.not-set")))
			.doesNotContain(english("admin.web-services.token-end", "9a41"));
		assertThat(kept()).isZero();
	}

	private Page setWebServices(Page admin, String siteUrl, String token) {
		return client.submit(admin, "/admin/web-services?", Map.of("siteUrl", siteUrl, "token", token));
	}

	private long kept() {
		return count("moodle_service where platform_id = " + platformId);
	}

	/**
	 * core_webservice_get_site_info answers this, as Moodle does: HTTP 200, errors
	 * included.
	 */
	static void moodleAnswers(String answer) {
		MOODLE.stubFor(WebServiceStubs.call("core_webservice_get_site_info").willReturn(WebServiceStubs.json(answer)));
	}

	/**
	 * The captured site info of a service that lacks two of the functions Tandem calls.
	 */
	static String lackingFunctions() {
		String full = capture("bio101/01-site-info.json");
		String lacking = full.replace("{\"name\":\"core_course_get_updates_since\",\"version\":\"2024100706\"},", "")
			.replace(",{\"name\":\"core_message_send_instant_messages\",\"version\":\"2024100706\"}", "");
		assertThat(lacking).doesNotContain("core_course_get_updates_since", "core_message_send_instant_messages");
		return lacking;
	}

	static String capture(String name) {
		return WebServiceStubs.text("moodle/webservices/" + name);
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> launchPresentation(Map<String, Object> claims) {
		return (Map<String, Object>) claims.get(TestPlatform.LTI + "launch_presentation");
	}

	private static String csrfToken(Page page) {
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(page.body());
		assertThat(csrf.find()).as(page.url()).isTrue();
		return csrf.group(1);
	}

	private static int closedPort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static PlatformRegistration otherPlatform(String token) {
		String site = "https://moodle.other.example";
		return new PlatformRegistration("Other Moodle", site, "other-client", URI.create(site + "/mod/lti/auth.php"),
				URI.create(site + "/mod/lti/token.php"), URI.create(site + "/mod/lti/certs.php"), null, List.of("1"),
				List.of(), false, new PlatformRegistration.WebServices(null, token));
	}

}
