package org.tandem.requests;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.artifacts.HelpKind;
import org.tandem.lti.Directory;
import org.tandem.lti.LaunchSession;
import org.tandem.lti.PlatformRegistry;
import org.tandem.lti.Role;
import org.tandem.lti.session.PageSlices;
import org.tandem.requests.RequestPages.QueueView;
import org.tandem.requests.RequestPages.SummaryView;
import org.tandem.requests.templates.AnswerTemplates;
import org.tandem.system.TimeFormats;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tandem.lti.Messages.english;
import static org.tandem.lti.Messages.html;
import static org.tandem.lti.session.PageSlices.as;

/**
 * The engineer's queue page, alone: one table for the whole platform, what each row says,
 * and links that keep the filters.
 */
@WebMvcTest(EngineerQueueController.class)
@PageSlices.Secured
@Import({ TimeFormats.class, RequestSliceTest.Time.class })
class EngineerQueueSliceTest {

	static final LaunchSession ENGINEER = PageSlices.launch(4, Role.ENGINEER);

	static final long OTHER_COURSE = 11;

	@Autowired
	MockMvc mvc;

	@MockitoBean
	RequestPages pages;

	@MockitoBean
	AnswerTemplates templates;

	@MockitoBean
	PlatformRegistry platforms;

	List<SummaryView> shown = List.of();

	@BeforeEach
	void queue() {
		given(pages.queue(any(), any())).willAnswer(call -> {
			Map<RequestStatus, Long> counts = new EnumMap<>(RequestStatus.class);
			for (RequestStatus status : RequestStatus.values()) {
				counts.put(status, 1L);
			}
			return new QueueView(shown, false, counts,
					List.of(new Directory.CourseRef(PageSlices.COURSE_ID, PageSlices.PLATFORM_ID, "2", "LTI Lab Course",
							"LTILAB"),
							new Directory.CourseRef(OTHER_COURSE, PageSlices.PLATFORM_ID, "3", "Chemistry", "CHEM")));
		});
	}

	static SummaryView summary(long id, long course, String title) {
		return summary(id, course, title, false);
	}

	static SummaryView summary(long id, long course, String title, boolean overdue) {
		return summary(id, course, title, overdue, false);
	}

	static SummaryView summary(long id, long course, String title, boolean overdue, boolean news) {
		Instant at = RequestSliceTest.NOW.minus(Duration.ofDays(2));
		HelpRequest request = new HelpRequest(id, PageSlices.PLATFORM_ID, course, 3, "1", HelpKind.MEDIATION,
				Topic.ASSESSMENT, title, "Need", null, null, null, RequestSliceTest.PARIS_TODAY.minusDays(1),
				WorkMode.MESSAGES, RequestStatus.NEW, null, null, at, at, null, at, true, null, null, null);
		return new SummaryView(request, course == PageSlices.COURSE_ID ? "LTI Lab Course" : "Chemistry", "Person 3",
				null, Duration.ofDays(2), null, overdue, news);
	}

	@Test
	void oneTableForThePlatformMarksTheLaunchCoursesRequestsOnce() throws Exception {
		shown = List.of(summary(7, PageSlices.COURSE_ID, "Quiz in this course"),
				summary(8, OTHER_COURSE, "Lab report elsewhere"));

		String page = mvc.perform(get("/engineer").with(as(ENGINEER)).param("status", "NEW"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page.split("<table", -1)).as("one table").hasSize(2);
		assertThat(page.split("Quiz in this course</a>", -1)).as("listed once").hasSize(2);
		String thisCourse = row(page, "Quiz in this course");
		assertThat(thisCourse).contains(english("queue.this-course.mark"));
		assertThat(row(page, "Lab report elsewhere")).doesNotContain(english("queue.this-course.mark"));
		// Only this course, the other filters kept.
		assertThat(page).contains("href=\"/engineer?status=NEW&amp;course=" + PageSlices.COURSE_ID + "\">"
				+ english("queue.this-course.only", "LTI Lab Course") + "</a>");
	}

	@Test
	void courseFilteredToTheLaunchCourseOffersAllCoursesAgain() throws Exception {
		shown = List.of(summary(7, PageSlices.COURSE_ID, "Quiz in this course"));

		String page = mvc.perform(get("/engineer").with(as(ENGINEER)).param("course", "" + PageSlices.COURSE_ID))
			.andReturn()
			.getResponse()
			.getContentAsString();

		assertThat(page).contains("href=\"/engineer\">" + english("queue.all-courses") + "</a>")
			.doesNotContain(english("queue.this-course.only", "LTI Lab Course"));
	}

	@Test
	void pastWishedDateOfAnOpenRequestSaysOverdueInWords() throws Exception {
		shown = List.of(summary(7, PageSlices.COURSE_ID, "Late quiz", true),
				summary(8, OTHER_COURSE, "Late but fine", false));

		String page = mvc.perform(get("/engineer").with(as(ENGINEER))).andReturn().getResponse().getContentAsString();

		assertThat(page).contains(">" + english("requests.column.wished") + "</a>");
		assertThat(row(page, "Late quiz")).contains("Mar 1, 2025", ">" + english("requests.overdue") + "</span>");
		assertThat(row(page, "Late but fine")).contains("Mar 1, 2025").doesNotContain(english("requests.overdue"));
	}

	@Test
	void searchTravelsInTheQueuesLinksWhateverItHolds() throws Exception {
		shown = List.of(summary(7, PageSlices.COURSE_ID, "C++ quiz"));

		String page = mvc.perform(get("/engineer").with(as(ENGINEER)).param("q", " C++ & quiz "))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		then(pages).should()
			.queue(eq(ENGINEER), eq(new QueueFilter(null, null, null, null, null, "C++ & quiz", null, null, 0)));
		assertThat(page).contains("value=\"C++ &amp; quiz\"")
			.contains("href=\"/engineer?status=NEW&amp;q=C%2B%2B%20%26%20quiz\"");
	}

	@Test
	void tooLongSearchSaysWhatToDoAndKeepsWhatWasTyped() throws Exception {
		String typed = "évaluation ".repeat(10);

		String page = mvc.perform(get("/engineer").with(as(ENGINEER)).param("q", typed).param("status", "NEW"))
			.andExpect(status().isBadRequest())
			.andReturn()
			.getResponse()
			.getContentAsString();

		then(pages).should()
			.queue(eq(ENGINEER), eq(new QueueFilter(RequestStatus.NEW, null, null, null, null, null, null, null, 0)));
		assertThat(page)
			.contains(html(english("queue.search.too-long", "100")), "value=\"" + typed.strip() + "\"",
					"aria-invalid=\"true\"")
			.doesNotContain("q=%C3%A9valuation");
	}

	@Test
	void headersSortTheQueueAndSayWhichColumnIsSorted() throws Exception {
		shown = List.of(summary(7, PageSlices.COURSE_ID, "Quiz"));

		String page = mvc.perform(
				get("/engineer").with(as(ENGINEER)).param("status", "NEW").param("sort", "WISHED").param("page", "2"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		then(pages).should()
			.queue(eq(ENGINEER), eq(new QueueFilter(RequestStatus.NEW, null, null, null, null, null, QueueSort.WISHED,
					QueueSort.Order.ASC, 2)));
		// The sorted column, once more: the other way, from the first page.
		assertThat(page).containsPattern("<th scope=\"col\" aria-sort=\"ascending\">\\s*"
				+ "<a href=\"/engineer\\?status=NEW&amp;sort=WISHED&amp;order=DESC\">"
				+ english("requests.column.wished") + "</a>");
		// Another column: the way it is first sorted, no aria-sort.
		assertThat(page).containsPattern("<th scope=\"col\">\\s*<a href=\"/engineer\\?status=NEW&amp;sort=TITLE\">"
				+ english("requests.column.title") + "</a>");
		assertThat(page).containsPattern("<th scope=\"col\">\\s*<a href=\"/engineer\\?status=NEW&amp;sort=WAITING\">"
				+ english("requests.column.waiting") + "</a>");
		// The default sort is the latest activity, which is not in the address.
		assertThat(page).containsPattern("<th scope=\"col\">\\s*<a href=\"/engineer\\?status=NEW\">"
				+ english("requests.column.activity") + "</a>");
		assertThat(page.split("aria-sort=", -1)).as("one sorted column").hasSize(2);
		// Filtering, the pages and the counts keep the sort.
		assertThat(page).contains("name=\"sort\" value=\"WISHED\"", "name=\"order\" value=\"ASC\"",
				"href=\"/engineer?status=NEW&amp;sort=WISHED&amp;page=1\"",
				"href=\"/engineer?status=TAKEN&amp;sort=WISHED\"");
	}

	@Test
	void requestWithNewsForTheEngineerSaysSoInWords() throws Exception {
		shown = List.of(summary(7, PageSlices.COURSE_ID, "Answered", false, true),
				summary(8, PageSlices.COURSE_ID, "Read already", false, false));

		String page = mvc.perform(get("/engineer").with(as(ENGINEER))).andReturn().getResponse().getContentAsString();

		assertThat(row(page, "Answered")).contains(">" + english("queue.news") + "</span>");
		assertThat(row(page, "Read already")).doesNotContain(english("queue.news"));
	}

	/** The table row holding this title. */
	static String row(String page, String title) {
		int at = page.indexOf(title + "</a>");
		assertThat(at).as("a row for %s", title).isPositive();
		return page.substring(page.lastIndexOf("<tr", at), page.indexOf("</tr>", at));
	}

}
