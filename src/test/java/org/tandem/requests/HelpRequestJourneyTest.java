package org.tandem.requests;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.lti.LaunchClient;
import org.tandem.lti.LaunchClient.Page;
import org.tandem.lti.LaunchTestSupport;
import org.tandem.lti.TestPlatform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A request from filing to rating, over HTTP with real launches: the teacher files it,
 * the engineers are told by e-mail, one takes it and answers, the teacher answers back,
 * the request is resolved and rated; every step's page and mail are checked.
 */
public class HelpRequestJourneyTest extends LaunchTestSupport {

	static final String TEACHER = "teacher";

	/** engineer1 of the capture: non-editing teacher in Moodle, designated by user id. */
	static final String ENGINEER = "noneditingteacher";

	/** Each test starts with no mail on its way and no e-mail link clicked. */
	@BeforeEach
	void quiet() throws Exception {
		drain();
		jdbc.sql("update open_link set consumed_at = clicked_at where consumed_at is null and clicked_at is not null")
			.update();
	}

	/** Waits until every mail on its way has arrived, then empties the mailbox. */
	void drain() throws Exception {
		await().atMost(java.time.Duration.ofSeconds(15))
			.until(() -> count("notification where channel = 'MAIL' and status in ('PENDING', 'SENDING')") == 0);
		MAIL.purgeEmailFromAllMailboxes();
	}

	public static Map<String, String> requestForm(String title) {
		return Map.of("topic", "ASSESSMENT", "title", title, "need",
				"Align the final exam with the objectives.\nTwo lines.", "audience", "L1, 120 students", "objectives",
				"Explain mitosis", "courseParts", "Section 4", "wishedDate", LocalDate.now().plusDays(30).toString(),
				"workMode", "MEETING");
	}

	Page file(Page teacherHome, String title) {
		Page form = client.open(link(teacherHome, "/requests/new"));
		return client.submit(form, "/requests?", requestForm(title));
	}

	/**
	 * Back after filing reloads the same form (its address names it), which says it was
	 * sent; sending it again lands on the request filed and files nothing new.
	 */
	@Test
	void formSentAgainAfterBackFilesNothingNew() {
		Page teacher = client.launchAs(TEACHER);
		Page form = client.open(link(teacher, "/requests/new"));
		long id = requestId(client.submit(form, "/requests?", requestForm("Sent once only")));

		Page back = client.open(form.url());
		assertThat(back.body()).contains("You already sent this form.", "/requests/" + id + "?");
		Page again = client.submit(back, "/requests?", requestForm("Sent once only"));
		assertThat(again.status()).isEqualTo(200);
		assertThat(requestId(again)).isEqualTo(id);
		assertThat(again.body()).contains("This request had already been sent: here it is.");
		assertThat(count("help_request where title = 'Sent once only'")).isEqualTo(1);
	}

	/**
	 * A browser sends a GET form's fields instead of its action's query string: the
	 * session must travel as one of the fields (the queue's filter, a template's "Use").
	 */
	@Test
	void getFormsKeepTheSessionAsABrowserSendsThem() {
		Page teacher = client.launchAs(TEACHER);
		client.launchAs(ENGINEER);
		long id = requestId(file(teacher, "Filtered by status"));
		Page queue = client.launchAs(ENGINEER);

		Page filtered = client.fetch(queue, "/engineer", Map.of("status", "NEW"));
		assertThat(filtered.status()).isEqualTo(200);
		assertThat(filtered.url()).contains("status=NEW");
		assertThat(filtered.body()).contains("Filtered by status");
		// Nothing matches: the page says so, with no empty table.
		Page none = client.fetch(queue, "/engineer", Map.of("course", "999999"));
		assertThat(none.body()).contains("No request matches these filters.")
			.doesNotContain("Requests of the platform");

		client.submit(client.open(link(queue, "/engineer/templates")), "/engineer/templates?",
				Map.of("title", "Greeting", "body", "Hello from a template"));
		Page request = client.open(link(queue, "/requests/" + id + "?"));
		Matcher template = Pattern.compile("<option value=\"(\\d+)\">Greeting</option>").matcher(request.body());
		assertThat(template.find()).isTrue();
		Page used = client.fetch(request, "/requests/" + id, Map.of("template", template.group(1)));
		assertThat(used.status()).isEqualTo(200);
		assertThat(used.body()).contains(">Hello from a template</textarea>");
	}

	@Test
	void wholeJourneyFromFilingToRating() throws Exception {
		Page teacher = client.launchAs(TEACHER);
		// The engineer is known to Tandem once they have launched.
		client.launchAs(ENGINEER);

		Page filed = file(teacher, "Rethink the final assessment");
		assertThat(filed.body()).contains("Your request was sent", "Rethink the final assessment", "New",
				"Align the final exam with the objectives.", "L1, 120 students", "A meeting");
		long id = requestId(filed);
		List<MimeMessage> toEngineers = mails(2);
		assertThat(recipients(toEngineers)).contains("igp@example.com", "engineer1@example.com");
		assertThat(toEngineers.get(0).getSubject()).contains("Rethink the final assessment");

		Page engineer = client.launchAs(ENGINEER);
		assertThat(engineer.url()).contains("/engineer?session=");
		assertThat(engineer.body()).contains("Rethink the final assessment", "tandem-attention");
		Page request = client.open(link(engineer, "/requests/" + id + "?"));
		request = client.submit(request, "/requests/" + id + "/take", Map.of());
		assertThat(request.body()).contains("Taken", "Tina Teacher", "took the request")
			.doesNotContainPattern("put [^<]* in charge");
		drain();
		request = client.submit(request, "/requests/" + id + "/replies", Map.of("body", "Let us meet on Monday."));
		assertThat(request.body()).contains("Let us meet on Monday.");
		MimeMessage toTeacher = mails(1).get(0);
		assertThat(recipients(List.of(toTeacher))).containsExactly("teacher1@example.com");
		assertThat(body(toTeacher)).contains("Let us meet on Monday.", TANDEM + "/open/");
		request = client.submit(request, "/requests/" + id + "/status",
				Map.of("seen", "TAKEN", "to", "WAITING_FOR_TEACHER"));
		assertThat(request.body()).contains("Waiting for the teacher");

		Page teacherAgain = client.launchAs(TEACHER);
		// The teacher's list says whose turn it is.
		assertThat(client.open(link(teacherAgain, "/teacher")).body()).contains("Waiting for your answer");
		Page mine = client.open(link(teacherAgain, "/requests/" + id + "?"));
		assertThat(mine.body()).contains("Let us meet on Monday.", "Waiting for the teacher")
			.containsPattern("<li class=\"tandem-progress-done\"><span>Filed</span>")
			.containsPattern("<li[^>]* aria-current=\"step\"[^>]*><span>Waiting for you</span>");
		assertThat(mine.body()).doesNotContain("Time the instructional designers gave");
		drain();
		mine = client.submit(mine, "/requests/" + id + "/replies", Map.of("body", "Monday 10am suits me."));
		assertThat(mine.body()).contains("Monday 10am suits me.", "In progress");
		assertThat(recipients(mails(1))).containsExactly("engineer1@example.com");

		// Launching again ends the teacher's first session: the new one goes on.
		teacherAgain = client.launchAs(TEACHER);
		assertThat(client.open(link(teacherAgain, "/teacher")).body()).doesNotContain("Waiting for your answer");

		request = client.open(request.url());
		request = client.submit(request, "/requests/" + id + "/time", Map.of("workDate", LocalDate.now().toString(),
				"minutes", "90", "activity", "DESIGN", "kind", "MEDIATION", "note", "Exam review"));
		request = client.submit(request, "/requests/" + id + "/time", Map.of("workDate", LocalDate.now().toString(),
				"minutes", "20", "activity", "PRODUCTION", "kind", "MEDIATISATION"));
		request = client.submit(request, "/requests/" + id + "/status",
				Map.of("seen", "IN_PROGRESS", "to", "RESOLVED"));
		assertThat(request.body()).contains("Resolved");

		mine = client.open(requestLink(teacherAgain, id));
		// Resolved: the teacher sees the time it took, not the engineers' entries.
		assertThat(mine.body())
			.contains("Time the instructional designers gave to this request",
					"1 h 50 min in all: design (médiation) 1 h 30 min, production (médiatisation) 20 min")
			.containsPattern("<li[^>]* aria-current=\"step\"[^>]*><span>Resolved</span>")
			.doesNotContain("Exam review");
		mine = client.submit(mine, "/requests/" + id + "/rating", Map.of("rating", "5", "comment", "Very helpful"));
		assertThat(mine.body()).contains("5 out of 5", "Very helpful").doesNotContain("How useful was this help?");
		assertThat(jdbc.sql("select count(*) from request_event where request_id = ?")
			.param(id)
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(7);
	}

	@Test
	void mailsSpeakTheLanguageOfTheRecipientsLastLaunch() throws Exception {
		Page teacher = client.launchAs(TEACHER, claims -> claims.put(TestPlatform.LTI + "launch_presentation",
				Map.of("locale", "fr", "document_target", "iframe")));
		long id = requestId(file(teacher, "Langue des courriels"));
		drain();
		Page engineer = client.open(link(client.launchAs(ENGINEER), "/requests/" + id + "?"));

		client.submit(engineer, "/replies", Map.of("body", "Bonjour"));

		MimeMessage toTeacher = mails(1).stream().filter(m -> {
			try {
				return recipients(List.of(m)).contains("teacher1@example.com")
						&& m.getSubject().contains("Réponse à votre demande");
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).findFirst().orElseThrow();
		assertThat(body(toTeacher)).contains("a répondu à votre demande « Langue des courriels »",
				"Pour répondre, répondez dans Tandem", "qui ne lit pas les réponses");
	}

	@Test
	void invalidFormComesBackWithTheMistakesAndWhatWasTyped() {
		Page teacher = client.launchAs(TEACHER);
		Page form = client.open(link(teacher, "/requests/new"));
		long before = count("help_request");

		Page again = client.submit(form, "/requests?", Map.of("title", "", "need", "What I typed stays here",
				"wishedDate", "2000-01-01", "workMode", "MEETING", "audience", "x".repeat(1001)));

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).contains("What I typed stays here", "Give the request a title.",
				"This date has passed", "Choose what you need help with.", "This is too long", "is-invalid");
		assertThat(count("help_request")).isEqualTo(before);
	}

	@Test
	void forgedValuesAreRefusedWithAMessageAndNothingIsStored() {
		Page form = client.open(link(client.launchAs(TEACHER), "/requests/new"));
		long before = count("help_request");

		Page again = client.submit(form, "/requests?",
				Map.of("title", "Forged", "need", "Need", "workMode", "TELEPATHY", "topic", "NOT_A_TOPIC"));

		assertThat(again.status()).isEqualTo(200);
		assertThat(again.body()).contains("This value is not valid");
		assertThat(count("help_request")).isEqualTo(before);
	}

	@Test
	void whatPeopleTypeIsShownAsTextNeverRunAsScript() {
		Page teacher = client.launchAs(TEACHER);

		Page filed = file(teacher, "<script>alert('title')</script>");
		Page replied = client.submit(filed, "/replies", Map.of("body", "<img src=x onerror=alert(1)>"));

		assertThat(replied.body()).doesNotContain("<script>alert('title')</script>")
			.doesNotContain("<img src=x onerror=alert(1)>")
			.contains("&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;");
	}

	@Test
	void teacherCanWithdrawARequestNobodyTookButNotOnceTaken() {
		Page teacher = client.launchAs(TEACHER);
		Page first = file(teacher, "To withdraw");
		// Asked first: nothing is done until the teacher confirms.
		Page asked = client.submit(first, "/withdraw", Map.of());
		assertThat(asked.body()).contains("Please confirm", "Withdraw your request “To withdraw”?", "Yes, withdraw it",
				"name=\"confirmed\" value=\"true\"", ">Cancel</a>");
		assertThat(statusOf(requestId(first))).isEqualTo("NEW");
		Page withdrawn = client.submit(asked, "/withdraw", Map.of("confirmed", "true"));
		assertThat(withdrawn.body()).contains("Withdrawn");
		assertThat(statusOf(requestId(first))).isEqualTo("WITHDRAWN");

		Page second = file(client.launchAs(TEACHER), "Taken before withdrawal");
		long id = requestId(second);
		Page engineer = client.launchAs(ENGINEER);
		client.submit(client.open(link(engineer, "/requests/" + id + "?")), "/take", Map.of());
		// The page as it was before.
		Page refused = client.submit(second, "/withdraw", Map.of());
		assertThat(refused.body()).contains("can no longer be withdrawn", "Taken");
	}

	/**
	 * Filed three days ago, withdrawn two days ago: the teacher waited one day, and
	 * nobody is expected to answer since.
	 */
	@Test
	void firstAnswerClockStopsWhenTheRequestIsWithdrawn() {
		long id = requestId(file(client.launchAs(TEACHER), "Withdrawn unanswered"));
		client.submit(client.open(requestLink(client.launchAs(TEACHER), id)), "/withdraw", Map.of("confirmed", "true"));
		java.time.Instant now = java.time.Instant.now();
		jdbc.sql("update help_request set created_at = ? where id = ?")
			.params(java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(3))), id)
			.update();
		jdbc.sql("update request_event set created_at = ? where request_id = ? and to_value = 'WITHDRAWN'")
			.params(java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(2))), id)
			.update();

		Page request = client.open(requestLink(client.launchAs(TEACHER), id));

		assertThat(request.body()).contains("none: the request became “Withdrawn” after 1 d 0 h of waiting")
			.doesNotContain("awaited for");
	}

	/**
	 * Filed three days ago, withdrawn two days ago, reopened now: one day of waiting so
	 * far, the withdrawn days aside.
	 */
	@Test
	void teacherReopensTheirWithdrawnRequestAndTheClockRunsAgain() {
		long id = requestId(file(client.launchAs(TEACHER), "Withdrawn, then wanted"));
		Page withdrawn = client.submit(client.open(requestLink(client.launchAs(TEACHER), id)), "/withdraw",
				Map.of("confirmed", "true"));
		assertThat(withdrawn.body()).contains("Reopen this request");
		java.time.Instant now = java.time.Instant.now();
		jdbc.sql("update help_request set created_at = ? where id = ?")
			.params(java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(3))), id)
			.update();
		jdbc.sql("update request_event set created_at = ? where request_id = ?")
			.params(java.sql.Timestamp.from(now.minus(java.time.Duration.ofDays(2))), id)
			.update();

		Page reopened = client.submit(withdrawn, "/reopen", Map.of("seen", "WITHDRAWN"));

		assertThat(statusOf(id)).isEqualTo("NEW");
		assertThat(reopened.body())
			.contains("Tina Teacher reopened the request: it is now “New”", "awaited for 1 d 0 h",
					"Withdraw this request")
			.doesNotContain("Reopen this request");
	}

	@Test
	void engineerReopensADeclinedRequestAndTheTeacherIsTold() throws Exception {
		long id = requestId(file(client.launchAs(TEACHER), "Declined too soon"));
		Page engineer = client.open(link(client.launchAs(ENGINEER), "/requests/" + id + "?"));
		engineer = client.submit(engineer, "/take", Map.of());
		Page declined = client.submit(engineer, "/status",
				Map.of("seen", "TAKEN", "to", "DECLINED", "reason", "Not for us", "confirmed", "true"));
		assertThat(declined.body()).contains("Declined because", "Reopen this request");
		Page seenByTeacher = client.open(requestLink(client.launchAs(TEACHER), id));
		assertThat(seenByTeacher.body()).contains("Not for us").doesNotContain("Reopen this request");
		drain();

		Page reopened = client.submit(client.open(link(client.launchAs(ENGINEER), "/requests/" + id + "?")), "/reopen",
				Map.of("seen", "DECLINED"));

		// Someone is in charge: it is back in progress, the reason kept in the history.
		assertThat(statusOf(id)).isEqualTo("IN_PROGRESS");
		assertThat(reopened.body()).contains("reopened the request: it is now “In progress”", "— Not for us")
			.doesNotContain("Declined because", "Reopen this request");
		MimeMessage toTeacher = mails(1).get(0);
		assertThat(recipients(List.of(toTeacher))).containsExactly("teacher1@example.com");
		assertThat(body(toTeacher)).contains("In progress");
	}

	@Test
	void internalNotesAndTimeAreSeenOnlyByEngineers() {
		long id = requestId(file(client.launchAs(TEACHER), "Notes and time"));
		Page engineer = client.open(link(client.launchAs(ENGINEER), "/requests/" + id + "?"));

		engineer = client.submit(engineer, "/notes", Map.of("body", "Teacher seems in a hurry"));
		engineer = client.submit(engineer, "/time", Map.of("workDate", LocalDate.now().toString(), "minutes", "90",
				"activity", "DESIGN", "kind", "MEDIATION", "note", "Scenario draft"));
		assertThat(engineer.body()).contains("Teacher seems in a hurry", "Internal note", "Scenario draft",
				"Design (médiation): 1 h 30 min");

		Page teacher = client.open(link(client.launchAs(TEACHER), "/teacher"));
		Page seenByTeacher = client.open(requestLink(teacher, id));
		assertThat(seenByTeacher.body()).doesNotContain("Teacher seems in a hurry").doesNotContain("Scenario draft");
	}

	@Test
	void badTimeEntryIsExplainedAndNotRecorded() {
		long id = requestId(file(client.launchAs(TEACHER), "Bad time"));
		Page engineer = client.open(link(client.launchAs(ENGINEER), "/requests/" + id + "?"));

		Page again = client.submit(engineer, "/time", Map.of("workDate", LocalDate.now().plusDays(3).toString(),
				"minutes", "0", "activity", "DESIGN", "kind", "MEDIATION"));

		assertThat(again.body()).contains("This date is in the future.", "Between 1 and 1440 minutes.");
		assertThat(
				jdbc.sql("select count(*) from time_entry where request_id = ?").param(id).query(Long.class).single())
			.isZero();
	}

	@Test
	void timeThatDoesNotFitItsKindIsExplainedAndNotRecorded() {
		long id = requestId(file(client.launchAs(TEACHER), "Design as production"));
		Page engineer = client.open(link(client.launchAs(ENGINEER), "/requests/" + id + "?"));

		Page again = client.submit(engineer, "/time", Map.of("workDate", LocalDate.now().toString(), "minutes", "45",
				"activity", "DESIGN", "kind", "MEDIATISATION", "note", "Scenario"));

		assertThat(again.body()).contains("This activity does not fit this kind of help", "value=\"Scenario\"");
		assertThat(count("time_entry where request_id = " + id)).isZero();
	}

	@Test
	void declineNeedsAReasonThatTheTeacherReads() {
		long id = requestId(file(client.launchAs(TEACHER), "To decline"));
		Page engineer = client.open(link(client.launchAs(ENGINEER), "/requests/" + id + "?"));

		Page noReason = client.submit(engineer, "/status", Map.of("seen", "NEW", "to", "DECLINED", "reason", " "));
		assertThat(noReason.body()).contains("Say why the request is declined");
		Page asked = client.submit(noReason, "/status",
				Map.of("seen", "NEW", "to", "DECLINED", "reason", "Out of our scope: see the IT helpdesk"));
		assertThat(asked.body()).contains("Decline the request “To decline”?",
				"with your reason: “Out of our scope: see the IT helpdesk”", "Yes, decline it",
				"name=\"reason\" value=\"Out of our scope: see the IT helpdesk\"");
		assertThat(statusOf(id)).isEqualTo("NEW");
		Page declined = client.submit(asked, "/status", Map.of("seen", "NEW", "to", "DECLINED", "reason",
				"Out of our scope: see the IT helpdesk", "confirmed", "true"));

		assertThat(declined.body()).contains("Declined", "Out of our scope: see the IT helpdesk");
	}

	@Test
	void staleStatusChangeIsRefusedAndSaysSo() {
		long id = requestId(file(client.launchAs(TEACHER), "Stale"));
		Page engineer = client.open(link(client.launchAs(ENGINEER), "/requests/" + id + "?"));
		client.submit(engineer, "/take", Map.of());

		Page stale = client.submit(engineer, "/status", Map.of("seen", "NEW", "to", "DECLINED", "reason", "late"));

		assertThat(stale.body()).contains("changed in the meantime", "Taken");
	}

	@Test
	void answerTemplatesStartAReply() {
		Page engineer = client.launchAs(ENGINEER);
		Page templates = client.open(link(engineer, "/engineer/templates"));
		client.submit(templates, "/engineer/templates", Map.of("title", "Meeting proposal", "body",
				"Could we meet next week to look at your course together?"));
		long id = requestId(file(client.launchAs(TEACHER), "With template"));
		Page request = client.open(link(client.launchAs(ENGINEER), "/requests/" + id + "?"));
		Matcher template = Pattern.compile("<option value=\"(\\d+)\">Meeting proposal</option>")
			.matcher(request.body());
		assertThat(template.find()).isTrue();

		Page prefilled = client.open(request.url() + "&template=" + template.group(1));

		assertThat(prefilled.body()).containsPattern("<textarea[^>]*name=\"body\"[^>]*>Could we meet next week");

		// Deleting it is asked first.
		String delete = "/engineer/templates/" + template.group(1) + "/delete";
		Page asked = client.submit(client.open(link(client.launchAs(ENGINEER), "/engineer/templates")), delete,
				Map.of());
		assertThat(asked.body()).contains("Delete the answer template “Meeting proposal”?", "Yes, delete it");
		assertThat(count("answer_template where id = " + template.group(1))).isOne();
		Page deleted = client.submit(asked, delete, Map.of("confirmed", "true"));
		assertThat(deleted.url()).contains("/engineer/templates?");
		assertThat(count("answer_template where id = " + template.group(1))).isZero();
	}

	@Test
	void mailLinkOpensTheRequestThroughMoodle() throws Exception {
		client.launchAs(ENGINEER);
		long id = requestId(file(client.launchAs(TEACHER), "Through Moodle"));
		String link = links(mails(2).stream().filter(m -> {
			try {
				return recipients(List.of(m)).contains("engineer1@example.com");
			}
			catch (Exception ex) {
				throw new IllegalStateException(ex);
			}
		}).toList()).get(0);

		var redirect = client.get(link, "none");
		assertThat(redirect.statusCode()).isEqualTo(302);
		assertThat(redirect.headers().firstValue("Location").orElseThrow())
			.isEqualTo(PLATFORM.issuer() + "/mod/lti/view.php?l=1");

		Page landing = client.launchAs(ENGINEER);
		assertThat(landing.url()).contains("/requests/" + id + "?session=");
		assertThat(client.launchAs(ENGINEER).url()).as("the link is used once").contains("/engineer?");
	}

	@Test
	void unknownMailLinkIsA404PageAndRemembersNothing() {
		long clicks = count("open_link where clicked_at is not null");

		var response = client.get("/open/" + "x".repeat(43), "none");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("Cette page n’existe pas");
		assertThat(count("open_link where clicked_at is not null")).isEqualTo(clicks);
	}

	@Test
	void administratorNamesAnEngineerWhoIsThenRecognised() {
		Page admin = client.launchAs("siteadmin");
		Page added = client.submit(admin, "/admin/engineers?", Map.of("lmsUserId", "", "email", "new.igp@example.com"));
		assertThat(added.body()).contains("new.igp@example.com");
		Page empty = client.submit(added, "/admin/engineers?", Map.of("lmsUserId", "", "email", ""));
		assertThat(empty.body()).contains("Give a Moodle user id or an e-mail address.");

		Page launched = client.launchAs(TEACHER, claims -> {
			claims.put("sub", "newigp");
			claims.put("email", "new.igp@example.com");
		});
		assertThat(launched.url()).contains("/engineer?");

		String remove = "/admin/engineers/" + engineerId("new.igp@example.com") + "/delete";
		Page asked = client.submit(client.open(link(client.launchAs("siteadmin"), "/admin")), remove, Map.of());
		// Named by the person who launched with that address.
		assertThat(asked.body()).contains("Remove Tina Teacher from the instructional designers?", "Yes, remove them");
		assertThat(count("platform_engineer where email = 'new.igp@example.com'")).isOne();
		Page removed = client.submit(asked, remove, Map.of("confirmed", "true"));
		assertThat(removed.body()).doesNotContain("new.igp@example.com");
	}

	private String statusOf(long id) {
		return jdbc.sql("select status from help_request where id = ?").param(id).query(String.class).single();
	}

	private long engineerId(String email) {
		return jdbc.sql("select id from platform_engineer where email = ?").param(email).query(Long.class).single();
	}

	public static long requestId(Page page) {
		Matcher matcher = Pattern.compile("/requests/(\\d+)").matcher(page.url());
		assertThat(matcher.find()).as(page.url() + "\n" + page.body()).isTrue();
		return Long.parseLong(matcher.group(1));
	}

	/** The href of a link on the page that starts like this (it carries the session). */
	public static String link(Page page, String start) {
		String session = page.sessionId();
		return start + (start.contains("?") ? "" : "?") + (start.endsWith("?") ? "" : "&") + "session=" + session;
	}

	public static String requestLink(Page page, long id) {
		return "/requests/" + id + "?session=" + page.sessionId();
	}

	static List<MimeMessage> mails(int count) throws InterruptedException {
		await().atMost(java.time.Duration.ofSeconds(15)).until(() -> MAIL.getReceivedMessages().length >= count);
		return Arrays.asList(MAIL.getReceivedMessages());
	}

	public static List<String> recipients(List<MimeMessage> messages) throws Exception {
		List<String> to = new java.util.ArrayList<>();
		for (MimeMessage message : messages) {
			Arrays.stream(message.getAllRecipients()).map(Object::toString).forEach(to::add);
		}
		return to;
	}

	public static String body(MimeMessage message) throws Exception {
		return message.getContent().toString();
	}

	static List<String> links(List<MimeMessage> messages) throws Exception {
		List<String> links = new java.util.ArrayList<>();
		for (MimeMessage message : messages) {
			Matcher matcher = Pattern.compile("(http://\\S+/open/[A-Za-z0-9_-]+)").matcher(body(message));
			while (matcher.find()) {
				links.add(matcher.group(1));
			}
		}
		return links;
	}

}
