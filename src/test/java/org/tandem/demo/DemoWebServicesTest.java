package org.tandem.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.lti.PlatformRegistry;
import org.tandem.moodle.CourseContents;
import org.tandem.moodle.CourseUpdates;
import org.tandem.moodle.MoodleException;
import org.tandem.moodle.MoodleSite;
import org.tandem.moodle.MoodleSites;
import org.tandem.moodle.MoodleUser;
import org.tandem.moodle.MoodleWebServices;
import org.tandem.moodle.SiteInfo;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.SimpleMailMessage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The demo's web services through Tandem's own client, with the site and token the demo
 * registered: Tandem reads the demo course as it reads a Moodle 4.5 course, errors
 * included, and sees the demo user's changes.
 */
class DemoWebServicesTest extends DemoSiteTestSupport {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@Autowired
	MoodleWebServices client;

	@Autowired
	MoodleSites sites;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	DemoMessages messages;

	@Autowired
	DemoMailbox mailbox;

	MoodleSite site;

	@BeforeEach
	void registeredSite() {
		long platform = registry.byIssuer(SITE).get(0).id();
		site = sites.of(platform).orElseThrow();
	}

	@Test
	void registrationNamesTheDemoSiteWithAMoodleShapedToken() {
		assertThat(site.siteUrl()).hasToString(SITE);
		assertThat(site.token()).matches("[0-9a-f]{32}");
	}

	@Test
	void siteInfoOffersEveryFunctionTandemNeeds() {
		SiteInfo info = client.siteInfo(site);

		assertThat(info.missingFunctions()).isEmpty();
		assertThat(info.siteurl()).isEqualTo(SITE);
		assertThat(info.release()).startsWith("4.5");
		assertThat(info.username()).isEqualTo("tandem_ws");
	}

	@Test
	void contentsAreTheBio101SectionsWithLinksToTheDemoSite() {
		List<CourseContents.Section> sections = client.courseContents(site, "14");

		assertThat(sections).extracting(CourseContents.Section::name)
			.containsExactly("General", "Introduction", "La cellule", "Division cellulaire", "Évaluation finale");
		CourseContents.Module page = module(sections, 103);
		assertThat(page.modname()).isEqualTo("page");
		assertThat(page.url()).isEqualTo(SITE + "/mod/page/view.php?id=103");
		assertThat(module(sections, 114).visible()).isZero();
		assertThat(get("/mod/page/view.php?id=103", "en").headers().firstValue("Location")).hasValue(SITE);
	}

	@Test
	void renameOnTheCoursePageShowsInContentsAndInUpdatesSince() {
		long before = Instant.now().getEpochSecond() - 1;

		HttpResponse<String> rename = post("/course/modules/103/name",
				Map.of("name", "Présentation du cours et objectifs", "locale", "en"));

		assertThat(rename.statusCode()).isEqualTo(302);
		assertThat(rename.headers().firstValue("Location")).hasValue(SITE + "?locale=en");
		CourseContents.Module page = module(client.courseContents(site, "14"), 103);
		assertThat(page.name()).isEqualTo("Présentation du cours et objectifs");
		// A page's only contents entry carries the instance's timemodified, which the
		// save bumped.
		assertThat(page.contents().get(0).timemodified()).isGreaterThan(before);
		CourseUpdates.Instance update = instance(client.updatesSince(site, "14", before), 103);
		assertThat(update.contextlevel()).isEqualTo("module");
		assertThat(update.updates()).singleElement().satisfies(configuration -> {
			assertThat(configuration.name()).isEqualTo("configuration");
			assertThat(configuration.timeupdated()).isEqualTo(page.contents().get(0).timemodified());
		});
		// Strictly after, as Moodle compares.
		assertThat(client.updatesSince(site, "14", update.updates().get(0).timeupdated()).instances())
			.extracting(CourseUpdates.Instance::id)
			.doesNotContain(103L);
	}

	@Test
	void hidingAModuleShowsVisibleZeroAndIsAConfigurationUpdate() {
		long before = Instant.now().getEpochSecond() - 1;

		assertThat(post("/course/modules/104/visibility", Map.of("visible", "0")).statusCode()).isEqualTo(302);

		assertThat(module(client.courseContents(site, "14"), 104).visible()).isZero();
		assertThat(instance(client.updatesSince(site, "14", before), 104).updates())
			.extracting(CourseUpdates.Update::name)
			.containsExactly("configuration");
	}

	@Test
	void newDescriptionIsWrappedAsMoodleShowsIt() {
		post("/course/modules/101/description", Map.of("description", "<p>Posez vos questions ici.</p>"));

		assertThat(module(client.courseContents(site, "14"), 101).description())
			.isEqualTo("<div class=\"no-overflow\"><p>Posez vos questions ici.</p></div>");
	}

	@Test
	void unchangedCourseReportsNoUpdate() {
		assertThat(client.updatesSince(site, "14", Instant.now().getEpochSecond()).instances()).isEmpty();
	}

	@Test
	void wrongTokenIsRefusedAsMoodleDoes() {
		MoodleSite wrong = new MoodleSite(site.siteUrl(), "0123456789abcdef0123456789abcdef");

		assertThatThrownBy(() -> client.courseContents(wrong, "14")).isInstanceOf(MoodleException.class)
			.extracting(ex -> ((MoodleException) ex).problem())
			.isEqualTo(MoodleException.Problem.INVALID_TOKEN);
		assertThat(answer(Map.of("wstoken", "", "wsfunction", "core_course_get_contents", "courseid", "14")))
			.isEqualTo(capture("errors/invalid-token.json"));
	}

	@Test
	void anotherCourseIsNotFound() {
		assertThatThrownBy(() -> client.courseContents(site, "15")).isInstanceOf(MoodleException.class)
			.extracting(ex -> ((MoodleException) ex).problem())
			.isEqualTo(MoodleException.Problem.COURSE_NOT_FOUND);
		assertThatThrownBy(() -> client.updatesSince(site, "999", 0)).isInstanceOf(MoodleException.class)
			.extracting(ex -> ((MoodleException) ex).problem())
			.isEqualTo(MoodleException.Problem.COURSE_NOT_FOUND);
		assertThat(answer(Map.of("wstoken", site.token(), "wsfunction", "core_course_get_contents", "courseid", "999")))
			.isEqualTo(capture("errors/get-contents-course-does-not-exist.json"));
	}

	@Test
	void missingCourseIdIsAnInvalidParameter() {
		assertThat(answer(Map.of("wstoken", site.token(), "wsfunction", "core_course_get_contents")))
			.isEqualTo(capture("errors/get-contents-missing-courseid.json"));
	}

	/**
	 * The client calls only the functions Tandem needs; the answer is the one that
	 * MoodleWebServicesTest shows the client reads as FUNCTION_NOT_IN_SERVICE.
	 */
	@Test
	void functionOutsideTheServiceIsAnAccessException() {
		assertThat(answer(Map.of("wstoken", site.token(), "wsfunction", "core_course_get_courses")))
			.isEqualTo(capture("errors/function-not-in-service.json"));
	}

	@Test
	void messagesAreDeliveredAndShownOnTheCoursePage() {
		MoodleWebServices.MessageResult first = client.sendInstantMessage(site, 3,
				"<p>Tandem : votre demande « Quiz » a une réponse.</p>", "tandem-demo-1");
		MoodleWebServices.MessageResult second = client.sendInstantMessage(site, 5, "<p>Nouvelle demande</p>",
				"tandem-demo-2");

		assertThat(first.sent()).isTrue();
		assertThat(second.id()).isGreaterThan(first.id());
		assertThat(messages.recent()).extracting(DemoMessages.Message::id).startsWith(second.id(), first.id());
		assertThat(messages.recent().get(1).to()).isEqualTo(DemoUser.TEACHER);
		assertThat(get("", "en").body()).contains("To Tina Teacher",
				"&lt;p&gt;Tandem : votre demande « Quiz » a une réponse.&lt;/p&gt;");
	}

	@Test
	void usersAreDescribedByIdWithTheAddressTandemAsksFor() {
		assertThat(client.user(site, 5)).contains(new MoodleUser(5, "Eric Engineer", "engineer1@example.com", "fr"));
		assertThat(client.user(site, 999999)).isEmpty();
	}

	@Test
	void mailboxShowsMailsAndMoodleMessagesWithTheirLinksAndNothingElseTheyCarry() {
		SimpleMailMessage mail = new SimpleMailMessage();
		mail.setTo("engineer1@example.com");
		mail.setSubject("[Tandem] Nouvelle demande : Quiz");
		mail.setText("Tina Teacher demande de l’aide.\nPour répondre : http://localhost:8080/open/abc\n");
		mailbox.send(mail);
		client.sendInstantMessage(site, 3,
				"<p>Eric a répondu : « &lt;b&gt;lundi&lt;/b&gt; »</p><p><a"
						+ " href=\"http://localhost:8080/open/xyz\">Répondre dans Tandem</a></p><p><a"
						+ " href=\"javascript:alert(1)\">piège</a><script>alert(2)</script></p>",
				"tandem-demo-4");

		String page = get("/mailbox", "en").body();

		assertThat(page)
			.contains("Demo mailbox", "[Tandem] Nouvelle demande : Quiz", "To engineer1@example.com",
					"<a href=\"http://localhost:8080/open/abc\">http://localhost:8080/open/abc</a>",
					"Eric a répondu : « &lt;b&gt;lundi&lt;/b&gt; »",
					"href=\"http://localhost:8080/open/xyz\">Répondre dans Tandem</a>", "piège")
			.doesNotContain("javascript:", "<script>", "<b>");
		assertThat(get("", "fr").body()).as("the course page links to it")
			.contains("Ouvrir la boîte aux lettres de la démo", "/demo/mailbox?locale=");
	}

	@Test
	void messageToAnUnknownUserIsRefusedInsideTheAnswer() {
		MoodleWebServices.MessageResult result = client.sendInstantMessage(site, 999999, "<p>?</p>", "tandem-demo-3");

		assertThat(result.sent()).isFalse();
		assertThat(result.error()).isEqualTo("You cannot send a message to a user ID (999999) that doesn't exist.");
	}

	private JsonNode answer(Map<String, String> form) {
		HttpResponse<String> response = post("/webservice/rest/server.php", form);
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().firstValue("Content-Type"))
			.hasValueSatisfying(type -> assertThat(type).startsWith("application/json"));
		return JSON.readTree(response.body());
	}

	private static JsonNode capture(String name) {
		try (InputStream in = DemoWebServicesTest.class.getResourceAsStream("/moodle/webservices/bio101/" + name)) {
			return JSON.readTree(in);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static CourseContents.Module module(List<CourseContents.Section> sections, long cmid) {
		return sections.stream()
			.flatMap(section -> section.modules().stream())
			.filter(module -> module.id() == cmid)
			.findFirst()
			.orElseThrow();
	}

	private static CourseUpdates.Instance instance(CourseUpdates updates, long cmid) {
		return updates.instances().stream().filter(instance -> instance.id() == cmid).findFirst().orElseThrow();
	}

}
