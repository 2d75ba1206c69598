package org.tandem.requests;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.artifacts.Artifact;
import org.tandem.artifacts.ArtifactTypes;
import org.tandem.artifacts.CourseChecks;
import org.tandem.artifacts.CourseHistory;
import org.tandem.artifacts.CourseSnapshot;
import org.tandem.artifacts.SnapshotRecord;
import org.tandem.lti.LaunchSession;
import org.tandem.lti.PlatformRegistry;
import org.tandem.lti.Role;
import org.tandem.lti.session.PageSlices;
import org.tandem.requests.attachments.Attachments;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
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
@Import({ FormTargets.class, ArtifactTypes.class })
class TeacherRequestsSliceTest {

	static final LaunchSession TEACHER = PageSlices.launch(3, Role.TEACHER);

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
	}

	@Test
	void partsOfTheCourseAreFiledWithTheRequest() throws Exception {
		given(desk.file(eq(TEACHER), any(), eq(List.of(QUIZ, SECTION)), any())).willReturn(42L);

		mvc.perform(request("M:103", "S:7")).andExpect(redirectedUrl("/requests/42?filed"));
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
		then(desk).shouldHaveNoInteractions();
	}

	@Test
	void partsOfACourseNeverSeenAreUnknown() throws Exception {
		given(history.latest(PageSlices.COURSE_ID)).willReturn(Optional.empty());

		mvc.perform(request("M:103"))
			.andExpect(view().name("requests/form"))
			.andExpect(model().attributeHasFieldErrorCode("form", "targets", "request.form.targets.unknown"))
			.andExpect(model().attribute("outline", (Object) null));
		then(desk).shouldHaveNoInteractions();
	}

	@Test
	void malformedKeyIsRefusedWithTheSameMistake() throws Exception {
		mvc.perform(request("M:103", "X:1"))
			.andExpect(view().name("requests/form"))
			.andExpect(model().attributeHasFieldErrorCode("form", "targets", "request.form.targets.unknown"))
			.andExpect(content().string(containsString(html(english("request.form.targets.unknown")))));
		then(desk).shouldHaveNoInteractions();
	}

	@Test
	void onlyTeachersFileRequests() throws Exception {
		mvc.perform(request("M:103").with(as(PageSlices.launch(5, Role.ENGINEER)))).andExpect(status().isForbidden());
		then(desk).shouldHaveNoInteractions();
	}

	private static MockHttpServletRequestBuilder request(String... targets) {
		return requestOn(Topic.ASSESSMENT.name(), targets);
	}

	private static MockHttpServletRequestBuilder requestOn(String topic, String... targets) {
		return post("/requests").with(as(TEACHER))
			.with(csrf())
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
		then(desk).shouldHaveNoInteractions();
	}

	@Test
	void tamperedTopicAloneGivesTheFormBack() throws Exception {
		mvc.perform(requestOn("HACKED", "M:103"))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/form"))
			.andExpect(model().attributeHasFieldErrors("form", "topic"));
		then(desk).shouldHaveNoInteractions();
	}

}
