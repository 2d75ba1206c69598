package org.tandem.requests;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.artifacts.Artifact;
import org.tandem.artifacts.ArtifactTypes;
import org.tandem.artifacts.CourseCheck;
import org.tandem.artifacts.CourseChecks;
import org.tandem.artifacts.CourseHistory;
import org.tandem.artifacts.CourseSnapshot;
import org.tandem.artifacts.HelpKind;
import org.tandem.artifacts.SnapshotRecord;
import org.tandem.lti.LaunchSession;
import org.tandem.lti.PlatformRegistry;
import org.tandem.lti.Role;
import org.tandem.lti.session.PageSlices;
import org.tandem.requests.attachments.Attachments;
import org.tandem.system.FormFields;
import org.tandem.system.TimeFormats;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.matchesRegex;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;
import static org.tandem.lti.Messages.english;
import static org.tandem.lti.Messages.html;
import static org.tandem.lti.session.PageSlices.as;

/**
 * The teacher's request form, alone: the parts picked must be parts of the course as
 * Tandem last saw it, which the form lists.
 */
@WebMvcTest(TeacherRequestsController.class)
@PageSlices.Secured
@Import({ FormTargets.class, ArtifactTypes.class, TimeFormats.class, RequestSliceTest.Time.class, FormFields.class })
class TeacherRequestsSliceTest {

	static final LaunchSession TEACHER = PageSlices.launch(3, Role.TEACHER);

	static final FilingToken FORM = new FilingToken("abcdefghijklmnopqrstuv");

	static final Artifact SECTION = new Artifact(Artifact.Kind.SECTION, 7, "section", "Week 1", 7, 1, true, null, "s");

	static final Artifact QUIZ = new Artifact(Artifact.Kind.MODULE, 103, "quiz", "First quiz", 7, 0, true,
			"https://moodle.example/mod/quiz/view.php?id=103", "q");

	static final SnapshotRecord COURSE = new SnapshotRecord(1, PageSlices.COURSE_ID, Instant.EPOCH, Instant.EPOCH,
			new CourseSnapshot(List.of(SECTION, QUIZ)));

	@Autowired
	MockMvc mvc;

	@MockitoBean
	HelpDesk desk;

	@MockitoBean
	RequestPages pages;

	@MockitoBean
	CourseChecks checks;

	@MockitoBean
	CourseHistory history;

	@MockitoBean
	PlatformRegistry platforms;

	/**
	 * Accepts no file: the files' own checks are tested on their own. Named as pages call
	 * it.
	 */
	@MockitoBean(name = "attachments")
	Attachments attachments;

	@BeforeEach
	void courseSeen() {
		given(history.latest(PageSlices.COURSE_ID)).willReturn(Optional.of(COURSE));
		given(checks.checkWithinFormWait(any()))
			.willReturn(new CourseCheck(CourseCheck.Outcome.CHECKED, null, COURSE, 0));
	}

	@Test
	void courseRequestsAreNamedByTheirNumber() throws Exception {
		HelpRequest request = new HelpRequest(42, PageSlices.PLATFORM_ID, PageSlices.COURSE_ID, 3, "1",
				HelpKind.MEDIATION, Topic.ASSESSMENT, "Final exam", "Rethink it", null, null, null, null,
				WorkMode.MESSAGES, RequestStatus.NEW, null, null, Instant.EPOCH, Instant.EPOCH, null, Instant.EPOCH,
				true, null, null, null);
		given(pages.ofCourse(PageSlices.COURSE_ID)).willReturn(List
			.of(new RequestPages.SummaryView(request, "LTI Lab Course", "Person 3", null, null, null, false, false)));

		mvc.perform(get("/teacher").with(as(TEACHER)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(">#42</td>")))
			.andExpect(content().string(matchesRegex("(?s).*<th scope=\"col\">\\s*"
					+ Pattern.quote(english("requests.column.number")) + "\\s*</th>.*")));
	}

	@Test
	void partsOfTheCourseAreFiledWithTheRequest() throws Exception {
		given(desk.file(eq(TEACHER), any(), eq(List.of(QUIZ, SECTION)), eq(FORM), any())).willReturn(42L);

		mvc.perform(request("M:103", "S:7")).andExpect(redirectedUrl("/requests/42?filed"));
	}

	@Test
	void formIsNamedInItsAddressSoThatBackReloadsTheSameOne() throws Exception {
		String location = mvc.perform(get("/requests/new").with(as(TEACHER)))
			.andExpect(status().isFound())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(location).matches("/requests/new\\?filing=[A-Za-z0-9_-]{22}");
		String token = location.substring(location.indexOf('=') + 1);

		mvc.perform(get(location).with(as(TEACHER)))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/form"))
			.andExpect(content().string(containsString("action=\"/requests?filing=" + token + "\"")));
	}

	@Test
	void formSentAgainLandsOnTheRequestItFiledAndFilesNothing() throws Exception {
		given(desk.filedFrom(TEACHER, FORM)).willReturn(Optional.of(42L));

		mvc.perform(request("M:103")).andExpect(redirectedUrl("/requests/42?resent"));
		then(desk).should(never()).file(any(), any(), any(), any(), any());
	}

	@Test
	void formSentTwiceAtOnceLandsOnTheRequestTheFirstFiled() throws Exception {
		given(desk.filedFrom(TEACHER, FORM)).willReturn(Optional.empty(), Optional.of(42L));
		given(desk.file(eq(TEACHER), any(), any(), eq(FORM), any()))
			.willThrow(new DuplicateKeyException("filing_token"));

		mvc.perform(request("M:103")).andExpect(redirectedUrl("/requests/42?resent"));
	}

	@Test
	void backOnASentFormSaysItWasSent() throws Exception {
		given(desk.filedFrom(TEACHER, FORM)).willReturn(Optional.of(42L));

		mvc.perform(get("/requests/new").param("filing", FORM.value()).with(as(TEACHER)))
			.andExpect(status().isOk())
			.andExpect(content().string(allOf(containsString(html(english("request.form.sent-before"))),
					containsString("href=\"/requests/42\""))));
	}

	@Test
	void formWithoutItsTokenComesBackWithANewOneAndWhatWasTyped() throws Exception {
		mvc.perform(request("M:103").param("filing", "forged"))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/form"))
			.andExpect(model().attributeHasErrors("form"))
			.andExpect(content().string(allOf(containsString(html(english("request.form.filing.missing"))),
					containsString("value=\"Quiz feedback\""),
					matchesPattern("(?s).*action=\"/requests\\?filing=[A-Za-z0-9_-]{22}\".*"))));
		then(desk).should(never()).file(any(), any(), any(), any(), any());
	}

	@Test
	void wholeCourseAndSomePartsTogetherAreRefusedWithWhatWasTyped() throws Exception {
		mvc.perform(request("M:103").param("wholeCourse", "true"))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/form"))
			.andExpect(model().attributeHasFieldErrorCode("form", "wholeCourse", "request.form.whole-course.and-parts"))
			.andExpect(content().string(allOf(containsString(html(english("request.form.whole-course.and-parts"))),
					containsString("aria-invalid=\"true\" aria-describedby=\"wholeCourse-error\""),
					containsString("id=\"wholeCourse-error\""), containsString("value=\"Quiz feedback\""),
					matchesPattern("(?s).*value=\"M:103\"[^>]*checked.*"))));
		then(desk).should(never()).file(any(), any(), any(), any(), any());
	}

	@Test
	void partTickedTwiceIsFiledOnce() throws Exception {
		given(desk.file(eq(TEACHER), any(), eq(List.of(QUIZ)), eq(FORM), any())).willReturn(42L);

		mvc.perform(request("M:103", "M:103")).andExpect(redirectedUrl("/requests/42?filed"));
	}

	@Test
	void wholeCourseAloneIsFiled() throws Exception {
		given(desk.file(eq(TEACHER), any(), eq(List.of()), eq(FORM), any())).willReturn(42L);

		mvc.perform(request().param("wholeCourse", "true")).andExpect(redirectedUrl("/requests/42?filed"));
	}

	@Test
	void unknownPartGivesTheFormBackWithTheMistakeAndWhatWasTyped() throws Exception {
		mvc.perform(request("M:103", "M:999"))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/form"))
			.andExpect(model().attributeHasFieldErrorCode("form", "targets", "request.form.targets.unknown"))
			.andExpect(model().attribute("outline", COURSE.snapshot().outline()))
			.andExpect(content().string(containsString(html(english("request.form.targets.unknown")))))
			.andExpect(content().string(containsString("value=\"Quiz feedback\"")))
			.andExpect(content().string(containsString("Students do not understand the marks.")));
		then(desk).should(never()).file(any(), any(), any(), any(), any());
	}

	@Test
	void partsOfACourseNeverSeenAreUnknown() throws Exception {
		given(history.latest(PageSlices.COURSE_ID)).willReturn(Optional.empty());

		mvc.perform(request("M:103"))
			.andExpect(view().name("requests/form"))
			.andExpect(model().attributeHasFieldErrorCode("form", "targets", "request.form.targets.unknown"))
			.andExpect(model().attribute("outline", (Object) null));
		then(desk).should(never()).file(any(), any(), any(), any(), any());
	}

	@Test
	void malformedKeyIsRefusedWithTheSameMistake() throws Exception {
		mvc.perform(request("M:103", "X:1"))
			.andExpect(view().name("requests/form"))
			.andExpect(model().attributeHasFieldErrorCode("form", "targets", "request.form.targets.unknown"))
			.andExpect(content().string(containsString(html(english("request.form.targets.unknown")))));
		then(desk).should(never()).file(any(), any(), any(), any(), any());
	}

	@Test
	void onlyTeachersFileRequests() throws Exception {
		mvc.perform(request("M:103").with(as(PageSlices.launch(5, Role.ENGINEER)))).andExpect(status().isForbidden());
		then(desk).should(never()).file(any(), any(), any(), any(), any());
	}

	private static MockHttpServletRequestBuilder request(String... targets) {
		return requestOn(Topic.ASSESSMENT.name(), targets);
	}

	private static MockHttpServletRequestBuilder requestOn(String topic, String... targets) {
		return post("/requests").with(as(TEACHER))
			.with(csrf())
			.param("filing", FORM.value())
			.param("topic", topic)
			.param("title", "Quiz feedback")
			.param("need", "Students do not understand the marks.")
			.param("workMode", WorkMode.MESSAGES.name())
			.param("targets", targets);
	}

	/** A tampered form, every field wrong at once, comes back with its mistakes. */
	@Test
	void tamperedTopicAndUnknownPartTogetherGiveTheFormBack() throws Exception {
		mvc.perform(requestOn("HACKED", "M:999999"))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/form"))
			.andExpect(model().attributeHasFieldErrors("form", "topic"))
			.andExpect(model().attributeHasFieldErrorCode("form", "targets", "request.form.targets.unknown"))
			.andExpect(content().string(containsString("value=\"Quiz feedback\"")));
		then(desk).should(never()).file(any(), any(), any(), any(), any());
	}

	@Test
	void tamperedTopicAloneGivesTheFormBack() throws Exception {
		mvc.perform(requestOn("HACKED", "M:103"))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/form"))
			.andExpect(model().attributeHasFieldErrors("form", "topic"));
		then(desk).should(never()).file(any(), any(), any(), any(), any());
	}

}
