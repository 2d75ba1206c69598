package org.tandem.requests;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.lti.LaunchClient.Page;
import org.tandem.lti.LaunchTestSupport;
import org.tandem.lti.TestPlatform;
import org.tandem.moodle.MoodleSites;
import org.tandem.moodle.WebServiceStubs;

import org.springframework.beans.factory.annotation.Autowired;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tandem.moodle.WebServiceStubs.call;
import static org.tandem.moodle.WebServiceStubs.capture;

/**
 * The course loop over HTTP, against a Moodle that answers as BIO101's captures: the
 * teacher picks parts of the real course, the designer's edits in Moodle are found when
 * the engineer checks the course, the engineer records them as reworks, and the teacher
 * sees them with links into Moodle.
 */
class CourseArtifactsTest extends LaunchTestSupport {

	static final String TOKEN = "4b1d0c9a3e2f4a5b8c7d6e5f40312a9b";

	static final String COURSE = "course";

	@Autowired
	MoodleSites sites;

	long platformId;

	@BeforeEach
	void webServices() {
		platformId = registry.byIssuer(PLATFORM.issuer()).get(0).id();
		WebServiceStubs.serveSiteInfo(MOODLE);
		sites.connect(platformId, URI.create(MOODLE.baseUrl()), TOKEN, "test");
		MOODLE.stubFor(call("core_course_get_contents", "courseid=14").inScenario(COURSE)
			.whenScenarioStateIs(Scenario.STARTED)
			.willReturn(capture("bio101/02-get-contents-before.json")));
		MOODLE.stubFor(call("core_course_get_contents", "courseid=14").inScenario(COURSE)
			.whenScenarioStateIs("edited")
			.willReturn(capture("bio101/03-get-contents-after.json")));
		MOODLE.stubFor(call("core_course_get_contents", "courseid=14").inScenario(COURSE)
			.whenScenarioStateIs("seen")
			.willReturn(capture("bio101/03-get-contents-after.json")));
		// Moodle names the edits once: asked again since the look that saw them, it names none
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

	@AfterEach
	void noWebServices() {
		sites.disconnect(platformId);
	}

	/** A launch from BIO101, the course of the web-service captures (Moodle course id 14). */
	Page launchInBio101(String who) {
		return client.launchAs(who, claims -> claims.put(TestPlatform.LTI + "context",
				Map.of("id", "14", "label", "BIO101", "title", "Biologie cellulaire", "type", java.util.List.of("CourseSection"))));
	}

	long fileAbout(String title, String... targets) {
		Page form = client.open(HelpRequestJourneyTest.link(launchInBio101("teacher"), "/requests/new"));
		Map<String, String> fields = new HashMap<>(HelpRequestJourneyTest.requestForm(title));
		Page filed = client.post(formAction(form), withTargets(fields, form, targets));
		long id = HelpRequestJourneyTest.requestId(filed);
		// the check after filing has read the course
		await().untilAsserted(() -> assertThat(jdbc.sql(
				"select count(*) from course_snapshot s join course c on c.id = s.course_id where c.context_id = '14'"
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
		assertThat(teacher.body()).contains("Reworked for this request", "Présentation du cours et objectifs",
				"href=\"" + PLATFORM.issuer() + "/mod/page/view.php?id=103\" target=\"_top\"", "Objectifs reformulés",
				"Renamed", "Scénario pédagogique v2", "href=\"https://docs.example.org/scenario\"",
				"Progression en 4 semaines", "Design (médiation)")
			.doesNotContain("Not mine", "Check the course now", "Carte mentale");
		assertThat(jdbc.sql("select count(*) from request_event where request_id = ? and type = 'REWORK'")
			.param(id)
			.query(Long.class)
			.single()).isEqualTo(2);
	}

	long changeId(long artifactId, String type) {
		return jdbc.sql("select max(id) from course_change where artifact_id = ? and type = ?")
			.params(artifactId, type)
			.query(Long.class)
			.single();
	}

	static String formAction(Page form) {
		java.util.regex.Matcher action = java.util.regex.Pattern.compile("action=\"(/requests\\?[^\"]+)\"")
			.matcher(form.body());
		assertThat(action.find()).isTrue();
		return action.group(1).replace("&amp;", "&");
	}

	/** The form's fields with these parts ticked and its CSRF token, as the browser sends them. */
	static String withTargets(Map<String, String> fields, Page form, String... targets) {
		java.util.regex.Matcher csrf = java.util.regex.Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"")
			.matcher(form.body());
		assertThat(csrf.find()).isTrue();
		StringBuilder body = new StringBuilder();
		fields.forEach((k, v) -> body.append(enc(k)).append('=').append(enc(v)).append('&'));
		for (String target : targets) {
			body.append("targets=").append(enc(target)).append('&');
		}
		return body.append("_csrf=").append(enc(csrf.group(1))).toString();
	}

	static String enc(String value) {
		return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
	}

}
