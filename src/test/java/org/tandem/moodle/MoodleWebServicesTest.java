package org.tandem.moodle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The web-services client against WireMock answering exactly as Moodle 4.5 did: the
 * captured BIO101 responses under {@code src/test/resources/moodle/webservices/}, errors
 * (HTTP 200 with an {@code exception} object) included.
 */
class MoodleWebServicesTest {

	static final WireMockServer MOODLE = new WireMockServer(
			WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

	static {
		MOODLE.start();
	}

	final MoodleWebServices client = new MoodleWebServices(
			new MoodleProperties(Duration.ofSeconds(2), Duration.ofSeconds(1), null));

	final MoodleSite site = new MoodleSite(URI.create("http://127.0.0.1:" + MOODLE.port()), "0123456789abcdef");

	@BeforeEach
	void reset() {
		MOODLE.resetAll();
	}

	@AfterAll
	static void stop() {
		MOODLE.stop();
	}

	static void answer(String function, String capture) {
		MOODLE.stubFor(post(urlPathEqualTo("/webservice/rest/server.php"))
			.withRequestBody(containing("wsfunction=" + function))
			.willReturn(aResponse().withStatus(200)
				.withHeader("Content-Type", "application/json")
				.withBody(capture(capture))));
	}

	@Test
	void siteInfoSaysWhichNeededFunctionsTheServiceLacks() {
		answer("core_webservice_get_site_info", "bio101/01-site-info.json");

		SiteInfo info = client.siteInfo(site);

		assertThat(info.sitename()).isEqualTo("LTI Lab Moodle");
		assertThat(info.release()).startsWith("4.5.6");
		assertThat(info.missingFunctions()).isEmpty();
		assertThat(new SiteInfo("s", "u", "r", "n", List.of(new SiteInfo.Function("core_course_get_contents")))
			.missingFunctions()).containsExactly("core_webservice_get_site_info", "core_course_get_updates_since",
					"core_message_send_instant_messages");
	}

	@Test
	void tokenTravelsInTheBodyNeverInTheAddress() {
		answer("core_webservice_get_site_info", "bio101/01-site-info.json");

		client.siteInfo(site);

		MOODLE.verify(postRequestedFor(urlEqualTo("/webservice/rest/server.php"))
			.withRequestBody(containing("wstoken=0123456789abcdef"))
			.withRequestBody(containing("moodlewsrestformat=json")));
		assertThat(site.toString()).doesNotContain("0123456789abcdef");
	}

	@Test
	void courseContentsAreReadSectionBySection() {
		answer("core_course_get_contents", "bio101/02-get-contents-before.json");

		List<CourseContents.Section> sections = client.courseContents(site, "14");

		assertThat(sections).extracting(CourseContents.Section::name)
			.containsExactly("General", "Introduction", "La cellule", "Division cellulaire", "Évaluation finale");
		CourseContents.Module page = module(sections.get(1), 103);
		assertThat(page.name()).isEqualTo("Présentation du cours");
		assertThat(page.modname()).isEqualTo("page");
		assertThat(page.completion()).isEqualTo(2);
		assertThat(page.contents()).extracting(CourseContents.Content::filename).contains("index.html");
		CourseContents.Module hidden = module(sections.get(4), 114);
		assertThat(hidden.visible()).isZero();
		MOODLE.verify(
				postRequestedFor(urlEqualTo("/webservice/rest/server.php")).withRequestBody(containing("courseid=14")));
	}

	@Test
	void updatesSinceNameTheAreasThatChanged() {
		answer("core_course_get_updates_since", "bio101/04-get-updates-since.json");

		CourseUpdates updates = client.updatesSince(site, "14", 1795448382L);

		assertThat(updates.instances()).extracting(CourseUpdates.Instance::id).contains(103L, 105L, 112L);
		CourseUpdates.Instance resource = updates.instances()
			.stream()
			.filter(i -> i.id() == 105)
			.findFirst()
			.orElseThrow();
		assertThat(resource.updates()).extracting(CourseUpdates.Update::name)
			.containsExactly("configuration", "contentfiles");
		MOODLE.verify(postRequestedFor(urlEqualTo("/webservice/rest/server.php"))
			.withRequestBody(containing("since=1795448382")));
	}

	@Test
	void messageMoodleTakesAndMessageMoodleRefuses() {
		answer("core_message_send_instant_messages", "bio101/09-send-instant-message-to-teacher.json");
		assertThat(client.sendInstantMessage(site, 3, "<p>Bonjour</p>", "tandem-1").sent()).isTrue();

		answer("core_message_send_instant_messages", "bio101/errors/send-message-blocked-by-recipient.json");
		MoodleWebServices.MessageResult refused = client.sendInstantMessage(site, 3, "<p>Bonjour</p>", "tandem-2");

		assertThat(refused.sent()).isFalse();
		assertThat(refused.error()).contains("message preferences");
		MOODLE.verify(postRequestedFor(urlEqualTo("/webservice/rest/server.php"))
			.withRequestBody(containing("messages%5B0%5D%5Btouserid%5D=3")));
	}

	@Test
	void userIsLookedUpByIdWithTheAddressMoodleShows() {
		answer("core_user_get_users_by_field", "users/engineer1.json");
		assertThat(client.user(site, 5)).contains(new MoodleUser(5, "Eve Engineer", "engineer1@example.com", "fr"));
		MOODLE.verify(postRequestedFor(urlEqualTo("/webservice/rest/server.php"))
			.withRequestBody(containing("field=id&values%5B0%5D=5")));

		answer("core_user_get_users_by_field", "users/engineer1-without-email.json");
		assertThat(client.user(site, 5)).hasValueSatisfying(user -> assertThat(user.email()).isNull());

		answer("core_user_get_users_by_field", "users/no-such-user.json");
		assertThat(client.user(site, 999999)).isEmpty();
	}

	@ParameterizedTest
	@CsvSource({ "core_webservice_get_site_info, bio101/errors/invalid-token.json, INVALID_TOKEN",
			"core_course_get_contents, bio101/errors/function-not-in-service.json, FUNCTION_NOT_IN_SERVICE",
			"core_course_get_contents, bio101/errors/get-contents-course-does-not-exist.json, COURSE_NOT_FOUND",
			"core_course_get_contents, bio101/errors/get-contents-course-not-accessible.json, COURSE_NOT_ACCESSIBLE",
			"core_course_get_updates_since, bio101/errors/get-updates-since-course-not-accessible.json, COURSE_NOT_ACCESSIBLE",
			"core_course_get_contents, bio101/errors/get-contents-missing-courseid.json, INVALID_PARAMETER",
			"core_message_send_instant_messages, bio101/errors/send-message-messaging-disabled.json, MESSAGING_DISABLED",
			"core_user_get_users_by_field, bio101/errors/function-not-in-service.json, FUNCTION_NOT_IN_SERVICE" })
	void moodleErrorsAnsweredWithHttp200BecomeClearProblems(String function, String capture,
			MoodleException.Problem problem) {
		answer(function, capture);

		assertThatThrownBy(() -> call(function)).isInstanceOfSatisfying(MoodleException.class, ex -> {
			assertThat(ex.problem()).isEqualTo(problem);
			assertThat(ex.function()).isEqualTo(function);
			assertThat(ex.getMessage()).doesNotContain(site.token());
		});
	}

	/**
	 * Answers of Moodle that the captures lack, in the shape Moodle's external API gives
	 * every exception ({@code exception}, {@code errorcode}, {@code message}).
	 */
	@ParameterizedTest
	@CsvSource(delimiter = '|', value = {
			"core_message_send_instant_messages | {\"exception\":\"required_capability_exception\",\"errorcode\":\"nopermissions\",\"message\":\"Sorry, but you do not currently have permissions to do that (Send a message).\"} | MISSING_CAPABILITY",
			"core_course_get_contents | {\"exception\":\"moodle_exception\",\"errorcode\":\"sitemaintenance\",\"message\":\"The site is undergoing maintenance and is currently not available\"} | UNAVAILABLE",
			"core_course_get_contents | {\"status\":\"ok\"} | UNAVAILABLE",
			"core_course_get_updates_since | [1, 2] | UNAVAILABLE",
			"core_webservice_get_site_info | null | UNAVAILABLE" })
	void moodleErrorsWithoutACaptureBecomeClearProblems(String function, String body, MoodleException.Problem problem) {
		MOODLE.stubFor(post(urlPathEqualTo("/webservice/rest/server.php")).willReturn(WebServiceStubs.json(body)));

		assertThatThrownBy(() -> call(function)).isInstanceOfSatisfying(MoodleException.class,
				ex -> assertThat(ex.problem()).isEqualTo(problem));
	}

	/**
	 * A switched-off external service answers every function as a function outside the
	 * service does ({@code accessexception}, Moodle's {@code webservice_access_exception}
	 * for both): the site info, refused too, tells them apart.
	 */
	@Test
	void switchedOffServiceIsNotAMissingFunction() {
		answer("core_webservice_get_site_info", "bio101/errors/function-not-in-service.json");
		answer("core_course_get_contents", "bio101/errors/function-not-in-service.json");

		assertThatThrownBy(() -> client.courseContents(site, "14")).isInstanceOfSatisfying(MoodleException.class,
				ex -> assertThat(ex.problem().name()).isEqualTo("SERVICE_DISABLED"));
		assertThatThrownBy(() -> client.siteInfo(site)).isInstanceOfSatisfying(MoodleException.class,
				ex -> assertThat(ex.problem().name()).isEqualTo("SERVICE_DISABLED"));
	}

	@Test
	void functionMissingFromAServiceThatAnswersIsAMissingFunction() {
		MOODLE.stubFor(post(urlPathEqualTo("/webservice/rest/server.php"))
			.withRequestBody(containing("wsfunction=core_webservice_get_site_info"))
			.willReturn(WebServiceStubs.json(WebServiceStubs.text("moodle/webservices/bio101/01-site-info.json")
				.replace("core_course_get_updates_since", "core_course_get_something_else"))));
		answer("core_course_get_updates_since", "bio101/errors/function-not-in-service.json");

		assertThatThrownBy(() -> client.updatesSince(site, "14", 0)).isInstanceOfSatisfying(MoodleException.class,
				ex -> assertThat(ex.problem()).isEqualTo(MoodleException.Problem.FUNCTION_NOT_IN_SERVICE));
	}

	/**
	 * Moodle's REST server answers 403 with an empty body when web services or REST are
	 * off.
	 */
	@Test
	void forbiddenIsWebServicesTurnedOff() {
		MOODLE.stubFor(post(urlPathEqualTo("/webservice/rest/server.php")).willReturn(aResponse().withStatus(403)));

		assertThatThrownBy(() -> client.siteInfo(site)).isInstanceOfSatisfying(MoodleException.class,
				ex -> assertThat(ex.problem()).isEqualTo(MoodleException.Problem.WEB_SERVICES_OFF));
	}

	@Test
	void moodleDownSlowOrAnsweringGarbageIsUnavailable() {
		MOODLE.stubFor(post(urlPathEqualTo("/webservice/rest/server.php")).willReturn(aResponse().withStatus(503)));
		assertUnavailable();

		MOODLE.stubFor(post(urlPathEqualTo("/webservice/rest/server.php"))
			.willReturn(aResponse().withStatus(200).withBody("<html>Maintenance</html>")));
		assertUnavailable();

		MOODLE.stubFor(post(urlPathEqualTo("/webservice/rest/server.php"))
			.willReturn(aResponse().withStatus(200).withFixedDelay(3_000).withBody("[]")));
		assertUnavailable();

		MoodleSite nowhere = new MoodleSite(URI.create("http://127.0.0.1:1"), "t");
		assertThatThrownBy(() -> client.siteInfo(nowhere)).isInstanceOfSatisfying(MoodleException.class,
				ex -> assertThat(ex.problem()).isEqualTo(MoodleException.Problem.UNAVAILABLE));
	}

	static CourseContents.Module module(CourseContents.Section section, long cmid) {
		return section.modules().stream().filter(m -> m.id() == cmid).findFirst().orElseThrow();
	}

	private void assertUnavailable() {
		assertThatThrownBy(() -> client.courseContents(site, "14")).isInstanceOfSatisfying(MoodleException.class,
				ex -> assertThat(ex.problem()).isEqualTo(MoodleException.Problem.UNAVAILABLE));
	}

	private Object call(String function) {
		return switch (function) {
			case "core_webservice_get_site_info" -> client.siteInfo(site);
			case "core_course_get_contents" -> client.courseContents(site, "14");
			case "core_course_get_updates_since" -> client.updatesSince(site, "14", 0);
			case "core_user_get_users_by_field" -> client.user(site, 5);
			default -> client.sendInstantMessage(site, 3, "x", "tandem-x");
		};
	}

	static String capture(String name) {
		try (InputStream in = MoodleWebServicesTest.class.getClassLoader()
			.getResourceAsStream("moodle/webservices/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
