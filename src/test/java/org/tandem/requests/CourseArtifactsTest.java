package org.tandem.requests;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import org.tandem.lti.LaunchClient.Page;
import org.tandem.lti.TestPlatform;
import org.tandem.moodle.WebServiceStubs;
import org.tandem.moodle.WebServicesTestSupport;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tandem.lti.Messages.english;
import static org.tandem.lti.Messages.french;
import static org.tandem.lti.Messages.html;
import static org.tandem.moodle.WebServiceStubs.call;
import static org.tandem.moodle.WebServiceStubs.capture;

/**
 * The course loop over HTTP, against a Moodle that answers as BIO101's captures: the
 * teacher picks parts of the real course, the designer's edits in Moodle are found when
 * the engineer checks the course, the engineer records them as reworks, and the teacher
 * sees them with links into Moodle.
 */
@ExtendWith(OutputCaptureExtension.class)
public class CourseArtifactsTest extends WebServicesTestSupport {

	public static final String TOKEN = "4b1d0c9a3e2f4a5b8c7d6e5f40312a9b";

	static final String COURSE = "course";

	@BeforeEach
	void webServices() {
		connectWebServices(TOKEN);
		MOODLE.stubFor(call("core_course_get_contents", "courseid=14").inScenario(COURSE)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(capture("bio101/02-get-contents-before.json")));
		MOODLE.stubFor(call("core_course_get_contents", "courseid=14").inScenario(COURSE)
			.whenScenarioStateIs("edited")
			.willReturn(capture("bio101/03-get-contents-after.json")));
		MOODLE.stubFor(call("core_course_get_contents", "courseid=14").inScenario(COURSE)
			.whenScenarioStateIs("seen")
			.willReturn(capture("bio101/03-get-contents-after.json")));
		// Moodle names the edits once: asked again since the look that saw them, it names
		// none
		MOODLE.stubFor(call("core_course_get_updates_since", "courseid=14").inScenario(COURSE)
			.whenScenarioStateIs("edited")
			.willSetStateTo("seen")
			.willReturn(capture("bio101/04-get-updates-since.json")));
		MOODLE.stubFor(call("core_course_get_updates_since", "courseid=14").inScenario(COURSE)
			.whenScenarioStateIs("seen")
			.willReturn(capture("bio101/08-get-updates-since-unchanged-course.json")));
		MOODLE.stubFor(call("core_course_get_updates_since", "courseid=14").inScenario(COURSE)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(capture("bio101/08-get-updates-since-unchanged-course.json")));
	}

	/**
	 * A launch from BIO101, the course of the web-service captures (Moodle course id 14).
	 */
	Page launchInBio101(String who) {
		return launchIn("14", who);
	}

	Page launchIn(String courseId, String who) {
		return client.launchAs(who, claims -> claims.put(TestPlatform.LTI + "context", Map.of("id", courseId, "label",
				"BIO101", "title", "Biologie cellulaire", "type", List.of("CourseSection"))));
	}

	long fileAbout(String title, String... targets) {
		Page form = client.open(HelpRequestJourneyTest.link(launchInBio101("teacher"), "/requests/new"));
		Map<String, String> fields = new HashMap<>(HelpRequestJourneyTest.requestForm(title));
		Page filed = client.post(formAction(form), withTargets(fields, form, targets));
		long id = HelpRequestJourneyTest.requestId(filed);
		// the check after filing has read the course
		await().untilAsserted(() -> assertThat(jdbc
			.sql("select count(*) from course_snapshot s join course c on c.id = s.course_id where c.context_id = '14'"
					+ " and s.checked_at >= (select created_at from help_request where id = ?)")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1));
		return id;
	}

	@Test
	void teacherPicksPartsEngineerFindsTheEditsAndRecordsThemTeacherSeesTheReworks() {
		Page form = client.open(HelpRequestJourneyTest.link(launchInBio101("teacher"), "/requests/new"));
		assertThat(form.body()).contains("Which parts of the course?", "Présentation du cours", "Division cellulaire",
				"value=\"M:103\"", "value=\"S:48\"", "Quiz", "hidden");
		long id = fileAbout("Revoir l'évaluation", "M:103", "M:112");
		assertThat(jdbc.sql("select name from request_target where request_id = ? order by artifact_id")
			.param(id)
			.query(String.class)
			.list()).containsExactly("Présentation du cours", "Examen final");

		MOODLE.setScenarioState(COURSE, "edited");
		Page engineer = client.open(HelpRequestJourneyTest.requestLink(launchInBio101("noneditingteacher"), id));
		assertThat(engineer.body()).contains("No change found yet", "Check the course now");
		Page checked = client.submit(engineer, "/course-check", Map.of());
		assertThat(checked.body()).doesNotContain(html(english("work.may-predate")));
		assertThat(checked.body()).contains("new changes", "Présentation du cours et objectifs",
				"(was “Présentation du cours”)", "part of the request", "Moodle says: settings",
				PLATFORM.issuer() + "/mod/page/view.php?id=103", "Carte mentale");
		// targeted parts first: the rename of 103 and the quiz come before the rest
		assertThat(checked.body().indexOf("change-" + changeId(103, "RENAMED")))
			.isLessThan(checked.body().indexOf("change-" + changeId(127, "ADDED")));
		long changes = count("course_change");

		Page reworked = client.submit(checked, "/changes/" + changeId(103, "RENAMED") + "/rework",
				Map.of("kind", "MEDIATION", "note", "Objectifs reformulés avec l'enseignante"));
		assertThat(reworked.body()).contains("Reworked for this request, recorded by", "Objectifs reformulés");
		Page dismissed = client.submit(reworked, "/changes/" + changeId(127, "ADDED") + "/not-mine", Map.of());
		assertThat(dismissed.body()).contains("said this change was not theirs");
		Page outside = client.submit(dismissed, "/reworks", Map.of("title", "Scénario pédagogique v2", "link",
				"https://docs.example.org/scenario", "kind", "MEDIATION", "note", "Progression en 4 semaines"));
		assertThat(outside.body()).contains("Scénario pédagogique v2", "outside Moodle");

		Page again = client.submit(client.open(outside.url()), "/course-check", Map.of());
		assertThat(again.body()).contains("Course checked: no new change");
		assertThat(count("course_change")).as("each change is stored once").isEqualTo(changes);

		Page teacher = client.open(HelpRequestJourneyTest.requestLink(launchInBio101("teacher"), id));
		assertThat(teacher.body())
			.contains("Reworked for this request", "Présentation du cours et objectifs",
					"href=\"" + PLATFORM.issuer() + "/mod/page/view.php?id=103\" target=\"_top\"",
					"Objectifs reformulés", "Renamed", "Scénario pédagogique v2",
					"href=\"https://docs.example.org/scenario\"", "Progression en 4 semaines", "Design (médiation)")
			.doesNotContain("Not mine", "Check the course now", "Carte mentale");
		assertThat(jdbc.sql("select count(*) from request_event where request_id = ? and type = 'REWORK'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	/**
	 * A request filed on BIO101 as it was, then the designer's edits, seen by a check.
	 */
	long filedThenEdited(String title, String... targets) {
		long id = fileAbout(title, targets);
		MOODLE.setScenarioState(COURSE, "edited");
		Page engineer = client.open(HelpRequestJourneyTest.requestLink(launchInBio101("noneditingteacher"), id));
		client.submit(engineer, "/course-check", Map.of());
		return id;
	}

	/**
	 * The teacher edits the course while the form is open, then files: the check after
	 * filing finds those edits, which the engineer sees as possibly older than the
	 * request, after the changes made since.
	 */
	@Test
	void editsMadeWhileTheFormWasOpenMayPredateTheRequest() {
		Page form = client.open(HelpRequestJourneyTest.link(launchInBio101("teacher"), "/requests/new"));
		MOODLE.setScenarioState(COURSE, "edited");
		long id = HelpRequestJourneyTest.requestId(client.post(formAction(form),
				withTargets(HelpRequestJourneyTest.requestForm("Modifié avant l'envoi"), form, "M:103")));
		await().untilAsserted(() -> assertThat(jdbc
			.sql("""
					select count(*) from course_change where detected_at > (select created_at from help_request where id = ?)
					  and artifact_id = 103 and type = 'RENAMED'""")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(1));

		Page engineer = client.open(HelpRequestJourneyTest.requestLink(launchInBio101("noneditingteacher"), id));

		String change = engineer.body().substring(engineer.body().indexOf("id=\"change-" + changeId(103, "RENAMED")));
		assertThat(change.substring(0, change.indexOf("</li>"))).contains(html(english("work.may-predate")));
	}

	@Test
	void changeRecordedForOneRequestSaysSoOnTheOtherRequestsOfTheCourse() {
		long first = fileAbout("Première demande", "M:103");
		long second = filedThenEdited("Seconde demande", "M:103");
		long renamed = changeId(103, "RENAMED");
		Page engineer = client.open(HelpRequestJourneyTest.requestLink(launchInBio101("noneditingteacher"), first));
		client.submit(engineer, "/changes/" + renamed + "/rework", Map.of("kind", "MEDIATION"));

		Page other = client.open(HelpRequestJourneyTest.requestLink(launchInBio101("noneditingteacher"), second));

		assertThat(other.body()).contains(html(english("work.reworked-elsewhere", "Première demande")),
				"rework-" + renamed);
		Page same = client.open(HelpRequestJourneyTest.requestLink(launchInBio101("noneditingteacher"), first));
		assertThat(same.body()).doesNotContain(html(english("work.reworked-elsewhere", "Première demande")));
	}

	@Test
	void reworkKeepsTheArtifactsNameWhenMoodleDeletesItLater() {
		long id = filedThenEdited("Avant suppression", "M:103");
		Page engineer = client.open(HelpRequestJourneyTest.requestLink(launchInBio101("noneditingteacher"), id));
		client.submit(engineer, "/changes/" + changeId(103, "RENAMED") + "/rework", Map.of("kind", "MEDIATISATION"));
		String after = WebServiceStubs.text("moodle/webservices/bio101/03-get-contents-after.json");
		MOODLE.stubFor(call("core_course_get_contents", "courseid=14").inScenario(COURSE)
			.whenScenarioStateIs("seen")
			.willReturn(WebServiceStubs.json(withoutModule(after, 103))));

		client.submit(client.open(engineer.url()), "/course-check", Map.of());

		Page teacher = client.open(HelpRequestJourneyTest.requestLink(launchInBio101("teacher"), id));
		assertThat(teacher.body()).contains("Présentation du cours et objectifs", "no longer in the course")
			.doesNotContain("/mod/page/view.php?id=103");
		assertThat(jdbc.sql("select name, artifact_type from rework where request_id = ?")
			.param(id)
			.query((rs, n) -> rs.getString(1) + "/" + rs.getString(2))
			.single()).isEqualTo("Présentation du cours et objectifs/page");
	}

	@Test
	void whenMoodleIsDownAndTandemNeverSawTheCourseTheFormTakesWordsAndTheRequestIsFiled() {
		MOODLE
			.stubFor(call("core_course_get_contents", "courseid=77").atPriority(1).willReturn(WebServiceStubs.down()));
		Page form = client.open(HelpRequestJourneyTest.link(launchIn("77", "teacher"), "/requests/new"));
		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains(html(english("request.form.parts.unavailable")), "courseParts")
			.doesNotContain("value=\"M:103\"", "parts-filter");

		Page filed = client.submit(form, "/requests?", HelpRequestJourneyTest.requestForm("Moodle en panne"));

		assertThat(filed.body()).contains("Your request was sent", "Moodle en panne", "Section 4");
	}

	@Test
	void whenMoodleIsDownTheFormListsTheCourseAsTandemLastSawItAndTakesItsParts() {
		client.open(HelpRequestJourneyTest.link(launchInBio101("teacher"), "/requests/new"));
		MOODLE.stubFor(call("core_course_get_contents").atPriority(1).willReturn(WebServiceStubs.down()));

		Page form = client.open(HelpRequestJourneyTest.link(launchInBio101("teacher"), "/requests/new"));

		assertThat(form.status()).isEqualTo(200);
		assertThat(form.body()).contains(
				"The course cannot be read from Moodle right now: the list is the course as Tandem last saw it",
				"value=\"M:103\"", "parts-filter");
		Page filed = client.post(formAction(form),
				withTargets(HelpRequestJourneyTest.requestForm("Moodle en panne, cours connu"), form, "M:103"));
		long id = HelpRequestJourneyTest.requestId(filed);
		assertThat(
				jdbc.sql("select name from request_target where request_id = ?").param(id).query(String.class).list())
			.containsExactly("Présentation du cours");
	}

	/**
	 * Each way Moodle can fail a check, as Moodle 4.5 answered it or as a network does:
	 * the page says what to fix in the engineer's language, and what was found before
	 * stays.
	 */
	@ParameterizedTest
	@CsvSource({ "bio101/errors/invalid-token.json, moodle.problem.invalid-token",
			"bio101/errors/function-not-in-service.json, moodle.problem.function-not-in-service",
			"bio101/errors/get-contents-course-does-not-exist.json, moodle.problem.course-not-found",
			"bio101/errors/get-contents-course-not-accessible.json, moodle.problem.course-not-accessible",
			"bio101/errors/get-contents-missing-courseid.json, moodle.problem.invalid-parameter",
			"down, moodle.problem.unavailable", "slow, moodle.problem.unavailable",
			"an HTML page, moodle.problem.unavailable" })
	void engineerIsToldWhatToFixWhenMoodleFailsTheCheckAndWhatWasFoundStays(String answer, String problem,
			CapturedOutput output) {
		long id = filedThenEdited("Moodle refuse : " + answer, "M:103");
		long snapshots = count("course_snapshot");
		long changes = count("course_change");
		MOODLE.stubFor(call("core_course_get_contents").atPriority(1).willReturn(switch (answer) {
			case "down" -> WebServiceStubs.down();
			// past the read time-out of the tests (2 s)
			case "slow" -> capture("bio101/03-get-contents-after.json").withFixedDelay(3_000);
			case "an HTML page" -> WebServiceStubs.json("<html><body>Maintenance</body></html>");
			default -> capture(answer);
		}));
		Page engineer = client.open(HelpRequestJourneyTest.requestLink(launchInBio101("noneditingteacher"), id));

		Page checked = client.submit(engineer, "/course-check", Map.of());

		assertThat(checked.status()).isEqualTo(200);
		assertThat(checked.body()).contains(html(english("work.check-failed")), html(english(problem)), "Moodle refuse",
				"change-" + changeId(103, "RENAMED"), "Check the course now");
		assertThat(count("course_snapshot")).isEqualTo(snapshots);
		assertThat(count("course_change")).isEqualTo(changes);
		// The reference on the page is the one of the log line that has Moodle's answer.
		Matcher reference = Pattern.compile("class=\"tandem-correlation\">([0-9a-f]+)<").matcher(checked.body());
		assertThat(reference.find()).as("a reference on the page").isTrue();
		assertThat(output.getOut())
			.containsPattern("\\[" + reference.group(1) + "\\] .*Moodle .*core_course_get_contents");
		Page french = client.submit(client.open(HelpRequestJourneyTest.requestLink(launchInBio101French(), id)),
				"/course-check", Map.of());
		assertThat(french.body()).contains(html(french("work.check-failed")), html(french(problem)));
	}

	Page launchInBio101French() {
		return client.launchAs("noneditingteacher", claims -> {
			claims.put(TestPlatform.LTI + "context",
					Map.of("id", "14", "label", "BIO101", "title", "Biologie cellulaire"));
			claims.put(TestPlatform.LTI + "launch_presentation", Map.of("locale", "fr", "document_target", "iframe"));
		});
	}

	@Test
	void withoutWebServicesEverythingElseWorksAndTheEngineerIsToldHowToTurnTheViewOn() {
		sites.disconnect(platformId);
		Page form = client.open(HelpRequestJourneyTest.link(launchInBio101("teacher"), "/requests/new"));
		assertThat(form.body()).contains("Say in words below which parts").doesNotContain("parts-filter");
		long id = HelpRequestJourneyTest
			.requestId(client.submit(form, "/requests?", HelpRequestJourneyTest.requestForm("Sans services web")));

		Page engineer = client.open(HelpRequestJourneyTest.requestLink(launchInBio101("noneditingteacher"), id));
		assertThat(engineer.body()).contains("The course view is off for this platform", "lti-config/moodle/README.md")
			.doesNotContain("Check the course now");
		Page recorded = client.submit(engineer, "/reworks",
				Map.of("title", "Réunion de cadrage", "kind", "MEDIATION", "note", "1 h avec l'équipe"));
		assertThat(recorded.body()).contains("Réunion de cadrage", "outside Moodle");
		MOODLE.verify(0, postRequestedFor(urlEqualTo(WebServiceStubs.ENDPOINT))
			.withRequestBody(containing("core_course_get_contents")));
	}

	@Test
	void partsNotInTheCourseAreRefusedAndWhatWasTypedIsKept() {
		Page form = client.open(HelpRequestJourneyTest.link(launchInBio101("teacher"), "/requests/new"));
		long requests = count("help_request");
		Map<String, String> fields = HelpRequestJourneyTest.requestForm("Parties inconnues");

		Page unknown = client.post(formAction(form), withTargets(fields, form, "M:999999"));
		Page malformed = client.post(formAction(form), withTargets(fields, form, "X:<script>"));

		for (Page page : new Page[] { unknown, malformed }) {
			assertThat(page.status()).isEqualTo(200);
			assertThat(page.body()).contains("A part you picked is no longer in the course", "Parties inconnues")
				.doesNotContain("X:<script>");
		}
		assertThat(count("help_request")).isEqualTo(requests);
	}

	@Test
	void onlyEngineersOfTheRequestRecordReworksAndOnlyChangesSinceItWasFiled() {
		long id = filedThenEdited("Accès aux reprises", "M:103");
		long renamed = changeId(103, "RENAMED");
		Page teacher = client.open(HelpRequestJourneyTest.requestLink(launchInBio101("teacher"), id));
		long reworks = count("rework");

		assertThat(client
			.post("/requests/" + id + "/changes/" + renamed + "/rework?session=" + teacher.sessionId(),
					withCsrf(teacher, Map.of("kind", "MEDIATION")))
			.status()).isEqualTo(403);
		assertThat(client
			.post("/requests/" + id + "/course-check?session=" + teacher.sessionId(), withCsrf(teacher, Map.of()))
			.status()).isEqualTo(403);
		Page engineer = client.open(HelpRequestJourneyTest.requestLink(launchInBio101("noneditingteacher"), id));
		// no CSRF token
		assertThat(client
			.post("/requests/" + id + "/changes/" + renamed + "/rework?session=" + engineer.sessionId(),
					Map.of("kind", "MEDIATION"))
			.status()).isEqualTo(403);
		// a change of another request's time: filed after the change was found
		long later = fileAbout("Déposée après");
		Page laterPage = client.open(HelpRequestJourneyTest.requestLink(launchInBio101("noneditingteacher"), later));
		assertThat(client
			.post("/requests/" + later + "/changes/" + renamed + "/rework?session=" + laterPage.sessionId(),
					withCsrf(laterPage, Map.of("kind", "MEDIATION")))
			.status()).isEqualTo(404);
		// a change of another course
		long otherCourse = HelpRequestJourneyTest.requestId(
				client.submit(client.open(HelpRequestJourneyTest.link(client.launchAs("teacher"), "/requests/new")),
						"/requests?", HelpRequestJourneyTest.requestForm("Autre cours")));
		Page otherPage = client
			.open(HelpRequestJourneyTest.requestLink(client.launchAs("noneditingteacher"), otherCourse));
		assertThat(client
			.post("/requests/" + otherCourse + "/changes/" + renamed + "/not-mine?session=" + otherPage.sessionId(),
					withCsrf(otherPage, Map.of()))
			.status()).isEqualTo(404);
		assertThat(count("rework")).isEqualTo(reworks);
		assertThat(count("change_dismissal where request_id = " + otherCourse)).isZero();

		// Launching again in BIO101 ended the engineer's first session: the page of a new
		// launch.
		engineer = client.open(HelpRequestJourneyTest.requestLink(launchInBio101("noneditingteacher"), id));
		client.submit(engineer, "/changes/" + renamed + "/rework", Map.of("kind", "MEDIATION"));
		Page reworked = client.open(engineer.url());
		assertThat(reworked.body()).doesNotContain("not-mine-" + renamed);
		Page twice = client.post(
				"/requests/" + id + "/changes/" + renamed + "/not-mine?session=" + engineer.sessionId(),
				withCsrf(reworked, Map.of()));
		assertThat(twice.body()).contains("This change was already recorded for this request.");
		assertThat(count("change_dismissal where request_id = " + id)).isZero();
	}

	@Test
	void workOutsideMoodleIsShownAsTextAndOnlyWebLinksAreKept() {
		long id = fileAbout("Injection");
		Page engineer = client.open(HelpRequestJourneyTest.requestLink(launchInBio101("noneditingteacher"), id));
		long reworks = count("rework");

		Page refused = client.submit(engineer, "/reworks",
				Map.of("title", "Lien douteux", "link", "javascript:alert(1)", "kind", "MEDIATION"));
		assertThat(refused.body()).contains("The link must be a web address", "Lien douteux")
			.doesNotContain("href=\"javascript:");
		assertThat(count("rework")).isEqualTo(reworks);
		Page untitled = client.submit(engineer, "/reworks", Map.of("title", " ", "kind", "MEDIATION"));
		assertThat(untitled.body()).contains("Give the work a title.");

		Page recorded = client.submit(engineer, "/reworks", Map.of("title", "<script>alert('x')</script>", "kind",
				"MEDIATION", "note", "<img src=x onerror=alert(1)>"));
		assertThat(recorded.body()).contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;", "&lt;img src=x")
			.doesNotContain("<script>alert('x')</script>", "<img src=x");
	}

	/**
	 * Moodle's names are the course's teachers' text: shown as text on every page, never
	 * run.
	 */
	@Test
	void namesFromMoodleAreShownAsText() {
		String script = "<script>alert('cmid')</script>";
		String before = WebServiceStubs.text("moodle/webservices/bio101/02-get-contents-before.json");
		MOODLE.stubFor(call("core_course_get_contents", "courseid=14").atPriority(1)
			.inScenario(COURSE)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(WebServiceStubs.json(renamed(before, 103, script))));
		Page form = client.open(HelpRequestJourneyTest.link(launchInBio101("teacher"), "/requests/new"));
		assertThat(form.body()).contains("&lt;script&gt;alert(&#39;cmid&#39;)&lt;/script&gt;").doesNotContain(script);
		long id = fileAbout("Noms de Moodle", "M:103");
		MOODLE.stubFor(call("core_course_get_contents", "courseid=14").atPriority(1)
			.inScenario(COURSE)
			.whenScenarioStateIs("edited")
			.willReturn(WebServiceStubs.json(renamed(before, 103, "<img src=x onerror=alert(1)>"))));
		MOODLE.setScenarioState(COURSE, "edited");
		Page engineer = client.open(HelpRequestJourneyTest.requestLink(launchInBio101("noneditingteacher"), id));

		Page checked = client.submit(engineer, "/course-check", Map.of());
		Page reworked = client.submit(checked, "/changes/" + changeId(103, "RENAMED") + "/rework",
				Map.of("kind", "MEDIATISATION"));

		assertThat(reworked.body()).contains("&lt;img src=x onerror=alert(1)&gt;", "&lt;script&gt;alert(&#39;cmid")
			.doesNotContain("<img src=x", script);
		Page teacher = client.open(HelpRequestJourneyTest.requestLink(launchInBio101("teacher"), id));
		assertThat(teacher.body()).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x", script);
	}

	static String withCsrf(Page page, Map<String, String> fields) {
		return withTargets(fields, page);
	}

	/** The course without this module, as Moodle lists it once the module is deleted. */
	static String withoutModule(String contents, long cmid) {
		JsonMapper json = JsonMapper.builder().build();
		ArrayNode sections = (ArrayNode) json.readTree(contents);
		for (JsonNode section : sections) {
			ArrayNode modules = (ArrayNode) section.get("modules");
			for (int i = modules.size() - 1; i >= 0; i--) {
				if (modules.get(i).get("id").asLong() == cmid) {
					modules.remove(i);
				}
			}
		}
		return json.writeValueAsString(sections);
	}

	/**
	 * The course with this module under another name, as Moodle lists it once renamed.
	 */
	static String renamed(String contents, long cmid, String name) {
		JsonMapper json = JsonMapper.builder().build();
		ArrayNode sections = (ArrayNode) json.readTree(contents);
		for (JsonNode section : sections) {
			for (JsonNode module : section.get("modules")) {
				if (module.get("id").asLong() == cmid) {
					((ObjectNode) module).put("name", name);
				}
			}
		}
		return json.writeValueAsString(sections);
	}

	long changeId(long artifactId, String type) {
		return jdbc.sql("select max(id) from course_change where artifact_id = ? and type = ?")
			.params(artifactId, type)
			.query(Long.class)
			.single();
	}

	static String formAction(Page form) {
		Matcher action = Pattern.compile("action=\"(/requests\\?[^\"]+)\"").matcher(form.body());
		assertThat(action.find()).isTrue();
		return action.group(1).replace("&amp;", "&");
	}

	/**
	 * The form's fields with these parts ticked and its CSRF token, as the browser sends
	 * them.
	 */
	static String withTargets(Map<String, String> fields, Page form, String... targets) {
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(form.body());
		assertThat(csrf.find()).isTrue();
		StringBuilder body = new StringBuilder();
		fields.forEach((k, v) -> body.append(enc(k)).append('=').append(enc(v)).append('&'));
		for (String target : targets) {
			body.append("targets=").append(enc(target)).append('&');
		}
		return body.append("_csrf=").append(enc(csrf.group(1))).toString();
	}

	static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

}
