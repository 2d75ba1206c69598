package org.tandem.requests;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.artifacts.ArtifactTypes;
import org.tandem.artifacts.CourseChecks;
import org.tandem.artifacts.HelpKind;
import org.tandem.lti.Directory;
import org.tandem.lti.LaunchSession;
import org.tandem.lti.PlatformRegistry;
import org.tandem.lti.Role;
import org.tandem.lti.session.PageSlices;
import org.tandem.requests.CourseWorkPages.CourseWorkView;
import org.tandem.requests.RequestController.MessageForm;
import org.tandem.requests.RequestController.RatingForm;
import org.tandem.requests.RequestPages.RequestView;
import org.tandem.requests.attachments.Attachments;
import org.tandem.requests.templates.AnswerTemplates;
import org.tandem.requests.time.TimeActivity;
import org.tandem.requests.time.TimeEntryForm;
import org.tandem.system.FormFields;
import org.tandem.system.TandemProperties;
import org.tandem.system.TimeFormats;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.BDDMockito.willThrow;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;
import static org.tandem.lti.Messages.english;
import static org.tandem.lti.Messages.html;
import static org.tandem.lti.session.PageSlices.as;

/**
 * One request's page, alone: each form posted with mistakes comes back with them and with
 * what was typed, the page's other forms empty; a refused action comes back to the page,
 * which says why.
 */
@WebMvcTest(RequestController.class)
@PageSlices.Secured
@Import({ TimeFormats.class, FormFields.class, ArtifactTypes.class, RequestSliceTest.Time.class })
class RequestSliceTest {

	static final long ID = 5;

	static final LaunchSession TEACHER = PageSlices.launch(3, Role.TEACHER);

	static final LaunchSession ENGINEER = PageSlices.launch(4, Role.ENGINEER);

	/** 23:30 in London, 00:30 the next day in Paris. */
	static final Instant NOW = Instant.parse("2025-03-01T23:30:00Z");

	static final LocalDate PARIS_TODAY = LocalDate.parse("2025-03-02");

	static final HelpRequest REQUEST = new HelpRequest(ID, PageSlices.PLATFORM_ID, PageSlices.COURSE_ID, 3, "1",
			HelpKind.MEDIATISATION, Topic.MOODLE_SETUP, "Quiz settings", "The quiz opens too early.", null, null, null,
			null, WorkMode.MESSAGES, RequestStatus.RESOLVED, 4L, null, NOW, NOW, NOW, NOW, false, null, null, null);

	@TestConfiguration(proxyBeanMethods = false)
	static class Time {

		@Bean
		Clock clock() {
			return Clock.fixed(NOW, ZoneOffset.UTC);
		}

		@Bean
		TandemProperties tandemProperties() {
			return new TandemProperties(URI.create("http://localhost:8080"), ZoneId.of("Europe/Paris"));
		}

	}

	@Autowired
	MockMvc mvc;

	@MockitoBean
	HelpDesk desk;

	@MockitoBean
	RequestPages pages;

	@MockitoBean
	AnswerTemplates templates;

	@MockitoBean
	CourseWorkPages courseWork;

	@MockitoBean
	CourseChecks checks;

	@MockitoBean
	PlatformRegistry platforms;

	/**
	 * Accepts no file: the files' own checks are tested on their own. Named as pages call
	 * it.
	 */
	@MockitoBean(name = "attachments")
	Attachments attachments;

	@BeforeEach
	void request() {
		given(desk.visible(any(), anyLong())).willReturn(REQUEST);
		given(pages.request(any(), any())).willAnswer(call -> pageOf(call.getArgument(0)));
		given(courseWork.of(any(), any())).willAnswer(call -> new CourseWorkView(false, null, false, List.of(),
				List.of(), false, List.of(), ((LaunchSession) call.getArgument(0)).has(Role.ENGINEER)));
	}

	@Test
	void workIsDatedTodayInTandemsZone() throws Exception {
		mvc.perform(get("/requests/" + ID).with(as(ENGINEER)))
			.andExpect(status().isOk())
			.andExpect(view().name("requests/request"))
			.andExpect(
					model().attribute("time", new TimeEntryForm(PARIS_TODAY, null, null, HelpKind.MEDIATISATION, null)))
			.andExpect(content().string(containsString("value=\"" + PARIS_TODAY + "\"")));
	}

	@Test
	void requestIsNamedByItsNumber() throws Exception {
		mvc.perform(get("/requests/" + ID).with(as(TEACHER)))
			.andExpect(content().string(
					allOf(containsString("<title>#5 · Quiz settings · Tandem</title>"), containsString(">#5</span>"))));
	}

	@Test
	void openingTheRequestIsRecordedForItsNews() throws Exception {
		mvc.perform(get("/requests/" + ID).with(as(ENGINEER))).andExpect(status().isOk());
		then(desk).should().opened(ENGINEER, REQUEST);
	}

	@Test
	void replyStartsFromTheTemplateAnEngineerPicked() throws Exception {
		given(templates.find(PageSlices.PLATFORM_ID, 8))
			.willReturn(Optional.of(new AnswerTemplates.AnswerTemplate(8, "Thanks", "Thank you for asking.")));

		mvc.perform(get("/requests/" + ID).with(as(ENGINEER)).param("template", "8"))
			.andExpect(model().attribute("reply", new MessageForm("Thank you for asking.")))
			.andExpect(model().attribute("note", new MessageForm("")));
		mvc.perform(get("/requests/" + ID).with(as(TEACHER)).param("template", "8"))
			.andExpect(model().attribute("reply", new MessageForm("")));
	}

	@Test
	void emptyReplyComesBackWithItsMistake() throws Exception {
		page(post("/requests/" + ID + "/replies").with(as(TEACHER)).param("body", "  "))
			.andExpect(model().attributeHasFieldErrorCode("reply", "body", "NotBlank"))
			.andExpect(model().attributeHasNoErrors("note"))
			.andExpect(model().attribute("note", new MessageForm("")))
			.andExpect(content().string(containsString(html(english("message.form.body.required")))));
		then(desk).should(never()).reply(any(), anyLong(), anyString(), any());
	}

	/**
	 * The page comes back at the form that failed, not at its top: the form posts to its
	 * own anchor, and the field says it is in error and which message explains it.
	 */
	@Test
	void emptyReplyComesBackAtItsFormWithTheFieldInError() throws Exception {
		page(post("/requests/" + ID + "/replies").with(as(TEACHER)).param("body", ""))
			.andExpect(content().string(allOf(containsString("action=\"/requests/" + ID + "/replies#reply-form\""),
					containsString("id=\"reply-form\""),
					containsString("aria-invalid=\"true\" aria-describedby=\"body-error body-help\""),
					containsString("<div class=\"invalid-feedback\" id=\"body-error\">"),
					containsString("/js/form-errors.js"))));
	}

	@Test
	void emptyNoteComesBackAtItsFormWithTheFieldInError() throws Exception {
		page(post("/requests/" + ID + "/notes").with(as(ENGINEER)).param("body", ""))
			.andExpect(content().string(allOf(containsString("action=\"/requests/" + ID + "/notes#note-form\""),
					containsString("id=\"note-form\""),
					containsString("aria-describedby=\"note-help note-body-error\" aria-invalid=\"true\""),
					containsString("id=\"note-body-error\""))));
	}

	@Test
	void invalidTimeEntryComesBackAtItsFormWithTheFieldsInError() throws Exception {
		page(post("/requests/" + ID + "/time").with(as(ENGINEER))
			.param("workDate", "2025-02-27")
			.param("minutes", "0")
			.param("kind", HelpKind.MEDIATION.name()))
			.andExpect(content().string(allOf(containsString("action=\"/requests/" + ID + "/time#time-form\""),
					containsString("id=\"time-form\""),
					containsString("aria-invalid=\"true\" aria-describedby=\"minutes-error\""),
					containsString("id=\"minutes-error\""),
					containsString("aria-invalid=\"true\" aria-describedby=\"activity-error\""),
					containsString("id=\"activity-error\""))));
	}

	/**
	 * A reply to a request closed meanwhile (in another tab) is not sent, and what was
	 * typed stays on the page with why, at the reply's place.
	 */
	@Test
	void replyToARequestEndedMeanwhileIsKeptOnThePage() throws Exception {
		willThrow(new RequestActionRefused(ID, "request.refused.reply-ended")).given(desk)
			.reply(eq(TEACHER), eq(ID), eq("Thanks, one more <question>"), any());

		mvc.perform(post("/requests/" + ID + "/replies").with(as(TEACHER))
			.with(csrf())
			.param("body", "Thanks, one more <question>"))
			.andExpect(status().isConflict())
			.andExpect(view().name("requests/request"))
			.andExpect(content().string(allOf(containsString(html(english("request.refused.reply-ended"))),
					containsString(html(english("request.reply.unsent"))), containsString("id=\"reply-form\""),
					containsString(">Thanks, one more &lt;question&gt;</textarea>"), containsString("readonly"))));
	}

	@Test
	void noteIsKeptAsTyped() throws Exception {
		mvc.perform(post("/requests/" + ID + "/notes").with(as(ENGINEER)).with(csrf()).param("body", "Call her"))
			.andExpect(redirectedUrl("/requests/" + ID + "#conversation"));
		then(desk).should().note(ENGINEER, ID, "Call her", List.of());
	}

	@Test
	void emptyNoteComesBackWithItsMistakeAndTheReplyEmpty() throws Exception {
		page(post("/requests/" + ID + "/notes").with(as(ENGINEER)).param("body", ""))
			.andExpect(model().attributeHasFieldErrorCode("note", "body", "NotBlank"))
			.andExpect(model().attribute("reply", new MessageForm("")))
			.andExpect(content().string(containsString(html(english("message.form.body.required")))));
		then(desk).should(never()).note(any(), anyLong(), anyString(), any());
	}

	@Test
	void invalidTimeEntryComesBackAsTyped() throws Exception {
		page(post("/requests/" + ID + "/time").with(as(ENGINEER))
			.param("workDate", "2025-02-27")
			.param("minutes", "0")
			.param("kind", HelpKind.MEDIATION.name())
			.param("note", "Preparing the call"))
			.andExpect(model().attributeHasFieldErrorCode("time", "minutes", "Min"))
			.andExpect(model().attributeHasFieldErrorCode("time", "activity", "NotNull"))
			.andExpect(model().attribute("time",
					new TimeEntryForm(LocalDate.parse("2025-02-27"), 0, null, HelpKind.MEDIATION,
							"Preparing the call")))
			.andExpect(content().string(allOf(containsString(html(english("time.form.minutes.range"))),
					containsString(html(english("time.form.activity.required"))),
					containsString("value=\"Preparing the call\""), containsString("value=\"2025-02-27\""))));
		then(desk).should(never()).logTime(any(), anyLong(), any());
	}

	@Test
	void designTimeLoggedAsProductionComesBackWithItsMistake() throws Exception {
		page(post("/requests/" + ID + "/time").with(as(ENGINEER))
			.param("workDate", "2025-02-27")
			.param("minutes", "60")
			.param("activity", TimeActivity.DESIGN.name())
			.param("kind", HelpKind.MEDIATISATION.name())
			.param("note", "Scenario draft"))
			.andExpect(model().attributeHasFieldErrorCode("time", "kindFitting", "AssertTrue"))
			.andExpect(model().attribute("time",
					new TimeEntryForm(LocalDate.parse("2025-02-27"), 60, TimeActivity.DESIGN, HelpKind.MEDIATISATION,
							"Scenario draft")))
			.andExpect(content().string(allOf(containsString(html(english("time.form.kind.mismatch"))),
					containsString("aria-describedby=\"kind-mismatch\""))));
		then(desk).should(never()).logTime(any(), anyLong(), any());
	}

	@Test
	void meetingTimeFitsEitherKind() throws Exception {
		for (HelpKind kind : HelpKind.values()) {
			mvc.perform(post("/requests/" + ID + "/time").with(as(ENGINEER))
				.with(csrf())
				.param("workDate", "2025-02-27")
				.param("minutes", "30")
				.param("activity", TimeActivity.MEETING.name())
				.param("kind", kind.name())).andExpect(redirectedUrl("/requests/" + ID + "#time"));
		}
		then(desk).should(org.mockito.Mockito.times(2)).logTime(any(), anyLong(), any());
	}

	@Test
	void timeEntryIsLoggedAsTyped() throws Exception {
		mvc.perform(post("/requests/" + ID + "/time").with(as(ENGINEER))
			.with(csrf())
			.param("workDate", "2025-02-27")
			.param("minutes", "90")
			.param("activity", TimeActivity.DESIGN.name())
			.param("kind", HelpKind.MEDIATION.name())
			.param("note", "Scenario draft")).andExpect(redirectedUrl("/requests/" + ID + "#time"));
		then(desk).should()
			.logTime(ENGINEER, ID, new TimeEntryForm(LocalDate.parse("2025-02-27"), 90, TimeActivity.DESIGN,
					HelpKind.MEDIATION, "Scenario draft"));
	}

	@Test
	void ratingOutOfRangeComesBackWithItsMistake() throws Exception {
		page(post("/requests/" + ID + "/rating").with(as(TEACHER)).param("rating", "9").param("comment", "Great"))
			.andExpect(model().attributeHasFieldErrorCode("rating", "rating", "Max"))
			.andExpect(model().attribute("rating", new RatingForm(9, "Great")))
			.andExpect(content().string(containsString(html(english("rating.form.required")))));
		then(desk).should(never()).rate(any(), anyLong(), anyInt(), any());
	}

	@Test
	void outsideReworkWithoutTitleComesBackWithItsMistake() throws Exception {
		page(post("/requests/" + ID + "/reworks").with(as(ENGINEER))
			.param("link", "javascript:alert(1)")
			.param("kind", HelpKind.MEDIATION.name()))
			.andExpect(model().attributeHasFieldErrorCode("outside", "title", "NotBlank"))
			.andExpect(model().attributeHasFieldErrorCode("outside", "link", "Pattern"))
			.andExpect(content().string(allOf(containsString(html(english("rework.form.title.required"))),
					containsString(html(english("rework.form.link.invalid"))))));
		then(desk).should(never()).reworkOutside(any(), anyLong(), any());
	}

	@Test
	void refusedActionComesBackToTheRequestWhichSaysWhy() throws Exception {
		willThrow(new RequestActionRefused(ID, "request.refused.withdraw-taken")).given(desk).withdraw(TEACHER, ID);

		mvc.perform(post("/requests/" + ID + "/withdraw").with(as(TEACHER)).with(csrf()).param("confirmed", "true"))
			.andExpect(redirectedUrl("/requests/" + ID))
			.andExpect(flash().attribute("refused", "request.refused.withdraw-taken"));
	}

	@Test
	void withdrawingIsAskedFirstAndRefusedAlreadyWhenItCannotBeDone() throws Exception {
		given(desk.withdrawable(TEACHER, ID)).willReturn(REQUEST);
		mvc.perform(post("/requests/" + ID + "/withdraw").with(as(TEACHER)).with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name("confirm"))
			.andExpect(content().string(allOf(containsString("Withdraw your request “Quiz settings”?"),
					containsString("name=\"confirmed\" value=\"true\""))));
		then(desk).should(never()).withdraw(any(), anyLong());

		willThrow(new RequestActionRefused(ID, "request.refused.withdraw-taken")).given(desk).withdrawable(TEACHER, ID);
		mvc.perform(post("/requests/" + ID + "/withdraw").with(as(TEACHER)).with(csrf()))
			.andExpect(redirectedUrl("/requests/" + ID))
			.andExpect(flash().attribute("refused", "request.refused.withdraw-taken"));
	}

	@Test
	void decliningIsAskedFirstWithTheReasonKept() throws Exception {
		given(desk.movable(ENGINEER, ID, RequestStatus.NEW, RequestStatus.DECLINED, "Not ours\nSee IT"))
			.willReturn(REQUEST);
		mvc.perform(post("/requests/" + ID + "/status").with(as(ENGINEER))
			.with(csrf())
			.param("seen", "NEW")
			.param("to", "DECLINED")
			.param("reason", "Not ours\nSee IT"))
			.andExpect(view().name("confirm"))
			.andExpect(content().string(allOf(containsString("Decline the request “Quiz settings”?"),
					containsString("name=\"reason\" value=\"Not ours\nSee IT\""),
					containsString("name=\"to\" value=\"DECLINED\""))));
		then(desk).should(never()).move(any(), anyLong(), any(), any(), any());

		mvc.perform(post("/requests/" + ID + "/status").with(as(ENGINEER))
			.with(csrf())
			.param("seen", "NEW")
			.param("to", "DECLINED")
			.param("reason", "Not ours\nSee IT")
			.param("confirmed", "true")).andExpect(redirectedUrl("/requests/" + ID));
		then(desk).should().move(ENGINEER, ID, RequestStatus.NEW, RequestStatus.DECLINED, "Not ours\nSee IT");
	}

	@Test
	void formsNeedTheirCsrfToken() throws Exception {
		mvc.perform(post("/requests/" + ID + "/replies").with(as(TEACHER)).param("body", "Hello"))
			.andExpect(status().isForbidden());
		then(desk).should(never()).reply(any(), anyLong(), anyString(), any());
	}

	/** The request's page, given back with the posted form's mistakes. */
	private ResultActions page(MockHttpServletRequestBuilder post) throws Exception {
		return mvc.perform(post.with(csrf())).andExpect(status().isOk()).andExpect(view().name("requests/request"));
	}

	private static RequestView pageOf(LaunchSession viewer) {
		boolean engineer = viewer.has(Role.ENGINEER);
		boolean teacher = viewer.has(Role.TEACHER);
		return new RequestView(REQUEST,
				new Directory.CourseRef(PageSlices.COURSE_ID, PageSlices.PLATFORM_ID, "2", "LTI Lab Course", "LTILAB"),
				"https://moodle.example/course/view.php?id=2", "Person 3", "Person 4", List.of(), List.of(), List.of(),
				List.of(), 0, 0, Duration.ofHours(1), true, null, engineer, teacher, Set.of(), List.of(), List.of(),
				false, teacher, true, false, ProgressStep.of(REQUEST.status()), teacher);
	}

}
