package org.tandem.notifications;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.tandem.lti.LaunchClient.Page;
import org.tandem.lti.TestPlatform;
import org.tandem.moodle.WebServiceStubs;
import org.tandem.moodle.WebServicesTestSupport;
import org.tandem.requests.CourseArtifactsTest;
import org.tandem.requests.HelpRequestJourneyTest;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.tandem.moodle.WebServiceStubs.call;
import static org.tandem.moodle.WebServiceStubs.capture;

/**
 * The teacher who filed a request and chose Moodle messages on Tandem's notifications
 * page is told inside Moodle, and only there, against a Moodle that answers as BIO101's
 * captures: in their language, with the request's title and a link to reply in Tandem,
 * their text escaped; a Moodle that is down is tried again, a refusal is given up and
 * logged with what to fix, and a platform without web services gets e-mails only (what
 * waited for Moodle when they were removed is given up).
 */
@ExtendWith(OutputCaptureExtension.class)
class TeacherMoodleMessagesTest extends WebServicesTestSupport {

	static final String SEND = "core_message_send_instant_messages";

	/** teacher1 of the captures: their Moodle user id, the launch's sub. */
	static final String TEACHER_USER_ID = "3";

	@BeforeEach
	void webServices() {
		connectWebServices(CourseArtifactsTest.TOKEN);
		// teacher1 chooses again in each test
		jdbc.sql("delete from notification_preference").update();
		// the check of the course after filing
		MOODLE.stubFor(call("core_course_get_contents").willReturn(capture("bio101/02-get-contents-before.json")));
		MOODLE.stubFor(call("core_course_get_updates_since")
			.willReturn(capture("bio101/08-get-updates-since-unchanged-course.json")));
		MOODLE.stubFor(call(SEND).willReturn(capture("bio101/09-send-instant-message-to-teacher.json")));
	}

	@Test
	void engineersReplyReachesTheTeacherWhoChoseMoodleInMoodleOnlyInTheirLanguageWithALinkToReplyInTandem() {
		long id = file(onMoodle(launchInBio101("teacher", "fr")), "Évaluation par les pairs");

		reply(id, "Rendez-vous lundi, voir <b>le plan</b>");

		Map<String, String> message = await().atMost(Duration.ofSeconds(15))
			.until(this::messages, sent -> !sent.isEmpty())
			.get(0);
		assertThat(message).containsEntry("messages[0][touserid]", TEACHER_USER_ID)
			.containsEntry("messages[0][textformat]", "1")
			.containsEntry("messages[0][clientmsgid]", "tandem-" + row("Évaluation par les pairs").get("ID"));
		String text = message.get("messages[0][text]");
		assertThat(text)
			.contains("a répondu à votre demande « Évaluation par les pairs » sur le cours Biologie cellulaire",
					"Rendez-vous lundi, voir &lt;b&gt;le plan&lt;/b&gt;", "Répondre dans Tandem",
					"Ne répondez pas à ce message dans Moodle")
			.doesNotContain("<b>");
		await().until(() -> row("Évaluation par les pairs").get("STATUS"), "SENT"::equals);
		String link = text.replaceAll("(?s).*href=\"([^\"]+)\".*", "$1");
		assertThat(link).startsWith(TANDEM + "/open/");
		assertThat(client.get(link, "none").headers().firstValue("Location").orElseThrow())
			.as("the link opens the request through Moodle")
			.startsWith(PLATFORM.issuer() + "/mod/lti/view.php");
		assertThat(count("notification where channel = 'MAIL' and email = 'teacher1@example.com'"
				+ " and subject like '%Évaluation par les pairs%' and subject like '%Réponse%'"))
			.as("no mail as well")
			.isZero();
	}

	@Test
	void notificationsPageSavesTheChannelChosenAndRefusesOneThatCannotReachTheTeacher() {
		Page teacher = launchInBio101("teacher", "en");
		Page page = client.open(HelpRequestJourneyTest.link(teacher, "/notifications"));
		assertThat(page.body()).contains("How Tandem tells you", "Tandem tells you now by e-mail.",
				"To teacher1@example.com", "id=\"channel-MOODLE\"");

		Page unknown = client.submit(page, "/notifications", Map.of("channel", "PIGEON"));
		assertThat(unknown.status()).isEqualTo(400);
		assertThat(unknown.body()).contains("Choose e-mail or Moodle message.");

		Page saved = client.submit(page, "/notifications", Map.of("channel", "MOODLE"));
		assertThat(saved.body()).contains("Saved: Tandem tells you on this channel from now on.",
				"Tandem tells you now by Moodle message.");

		sites.disconnect(platformId);
		Page french = client.open(HelpRequestJourneyTest.link(launchInBio101("teacher", "fr"), "/notifications"));
		assertThat(french.body()).as("without web services, the teacher is mailed whatever they chose")
			.contains("Tandem vous prévient maintenant par courriel.");
		Page refused = client.submit(french, "/notifications", Map.of("channel", "MOODLE"));
		assertThat(refused.status()).isEqualTo(400);
		assertThat(refused.body()).contains("Les messages Moodle demandent les services web Moodle de ce site");
	}

	@Test
	void notificationsPageRefusesAPostWithoutItsCsrfToken() {
		Page teacher = launchInBio101("teacher", "en");
		long before = count("notification_preference");

		Page forged = client.post(HelpRequestJourneyTest.link(teacher, "/notifications"), Map.of("channel", "MOODLE"));

		assertThat(forged.status()).isEqualTo(403);
		assertThat(count("notification_preference")).isEqualTo(before);
	}

	@Test
	void changeOfStatusAndReworkAreToldWithTheTeachersTextEscaped() {
		String title = "<script>alert('title')</script> Quiz";
		long id = file(onMoodle(launchInBio101("teacher", "en")), title);
		Page engineer = client.open(HelpRequestJourneyTest.requestLink(launchInBio101("noneditingteacher", "en"), id));

		Page taken = client.submit(engineer, "/take", Map.of());
		client.submit(taken, "/reworks", Map.of("title", "<img src=x onerror=alert(1)>", "kind", "MEDIATION"));

		List<String> texts = await().atMost(Duration.ofSeconds(15))
			.until(() -> messages().stream().map(m -> m.get("messages[0][text]")).toList(), t -> t.size() == 2);
		assertThat(texts).anySatisfy(text -> assertThat(text).contains("changed your request"
				+ " “&lt;script&gt;alert(&#39;title&#39;)&lt;/script&gt; Quiz” on the course Biologie cellulaire: Taken"))
			.anySatisfy(text -> assertThat(text).contains("recorded work for your request",
					"&lt;img src=x onerror=alert(1)&gt;"))
			.allSatisfy(text -> assertThat(text).doesNotContain("<script>", "<img"));
	}

	@Test
	void whenMoodleIsDownTheMessageIsSentOnceItIsBackWithTheSameClientMessageId(CapturedOutput output) {
		MOODLE.stubFor(call(SEND).atPriority(1).willReturn(WebServiceStubs.down()));
		long id = file(onMoodle(launchInBio101("teacher", "en")), "Moodle en panne");

		reply(id, "Are you there?");

		await().atMost(Duration.ofSeconds(15))
			.until(() -> row("Moodle en panne").get("ATTEMPTS"), Integer.valueOf(1)::equals);
		Map<String, Object> waiting = row("Moodle en panne");
		assertThat(waiting).containsEntry("STATUS", "PENDING");
		assertThat((String) waiting.get("LAST_ERROR")).contains("UNAVAILABLE");
		assertThat(output.getOut()).contains("Sending Moodle message " + waiting.get("ID") + " to Moodle user 3",
				"failed (attempt 1)");

		MOODLE.stubFor(call(SEND).atPriority(1).willReturn(capture("bio101/09-send-instant-message-to-teacher.json")));
		// the wait before the next attempt has passed
		jdbc.sql("update notification set next_attempt_at = created_at where id = ?").param(waiting.get("ID")).update();

		await().atMost(Duration.ofSeconds(15)).until(() -> row("Moodle en panne").get("STATUS"), "SENT"::equals);
		assertThat(messages()).hasSize(2)
			.extracting(m -> m.get("messages[0][clientmsgid]"))
			.containsOnly("tandem-" + waiting.get("ID"));
		assertThat(row("Moodle en panne")).containsEntry("ATTEMPTS", 2);
	}

	@Test
	void messagesWaitingForMoodleAreGivenUpWhenTheWebServicesAreRemoved(CapturedOutput output) {
		MOODLE.stubFor(call(SEND).atPriority(1).willReturn(WebServiceStubs.down()));
		long id = file(onMoodle(launchInBio101("teacher", "en")), "Services retirés");
		reply(id, "Still there?");
		await().atMost(Duration.ofSeconds(15))
			.until(() -> row("Services retirés").get("ATTEMPTS"), Integer.valueOf(1)::equals);

		sites.disconnect(platformId);

		await().atMost(Duration.ofSeconds(15)).until(() -> row("Services retirés").get("STATUS"), "FAILED"::equals);
		assertThat((String) row("Services retirés").get("LAST_ERROR")).contains("web services are no longer set");
		assertThat(output.getOut()).contains("waiting Moodle message(s) to platform " + platformId);
		assertThat(messages()).hasSize(1);
	}

	@ParameterizedTest
	@CsvSource(delimiter = '|', quoteCharacter = '"',
			value = { "bio101/errors/send-message-blocked-by-recipient.json | Allow moodle/site:messageanyuser",
					"bio101/errors/send-message-no-shared-course.json | Allow moodle/site:messageanyuser",
					"bio101/errors/send-message-recipient-does-not-exist.json | that doesn't exist",
					"bio101/errors/send-message-messaging-disabled.json | Tick Enable messaging system",
					"bio101/errors/invalid-token.json | Create a new token for Tandem's service account" })
	void messageMoodleRefusesIsGivenUpAtOnceAndTheLogSaysWhatToFix(String answer, String fix, CapturedOutput output) {
		MOODLE.stubFor(call(SEND).atPriority(1).willReturn(capture(answer)));
		String title = "Refus " + answer.hashCode();
		long id = file(onMoodle(launchInBio101("teacher", "en")), title);

		reply(id, "Hello");

		await().atMost(Duration.ofSeconds(15)).until(() -> row(title).get("STATUS"), "FAILED"::equals);
		Map<String, Object> refused = row(title);
		assertThat(refused).containsEntry("ATTEMPTS", 1);
		assertThat(messages()).as("not retried").hasSize(1);
		assertThat(output.getOut()).contains("Gave up Moodle message " + refused.get("ID")
				+ " to Moodle user 3 of platform " + platformId + ": Moodle refused it", fix);
	}

	@Test
	void withoutWebServicesTheTeacherGetsTheMailAndNoMoodleMessage() throws Exception {
		sites.disconnect(platformId);
		long moodleMessages = count("notification where channel = 'MOODLE'");
		long id = file(launchInBio101("teacher", "en"), "Sans services web");

		reply(id, "By mail only");

		MimeMessage mail = await().atMost(Duration.ofSeconds(15))
			.until(() -> mailTo("teacher1@example.com", "Sans services web"), m -> m != null);
		assertThat(HelpRequestJourneyTest.body(mail)).contains("By mail only", TANDEM + "/open/");
		assertThat(count("notification where channel = 'MOODLE'")).isEqualTo(moodleMessages);
		MOODLE.verify(0, postRequestedFor(urlEqualTo(WebServiceStubs.ENDPOINT)).withRequestBody(containing(SEND)));
	}

	/** A launch from BIO101 (Moodle course 14), in this language. */
	Page launchInBio101(String who, String locale) {
		return client.launchAs(who, claims -> {
			claims.put(TestPlatform.LTI + "context",
					Map.of("id", "14", "label", "BIO101", "title", "Biologie cellulaire"));
			claims.put(TestPlatform.LTI + "launch_presentation", Map.of("locale", locale, "document_target", "iframe"));
		});
	}

	/**
	 * The teacher chooses to be told by Moodle message, on Tandem's notifications page.
	 */
	Page onMoodle(Page teacher) {
		Page page = client.open(HelpRequestJourneyTest.link(teacher, "/notifications"));
		assertThat(client.submit(page, "/notifications", Map.of("channel", "MOODLE")).body())
			.contains("id=\"notifications-saved\"");
		return teacher;
	}

	long file(Page teacher, String title) {
		Page form = client.open(HelpRequestJourneyTest.link(teacher, "/requests/new"));
		return HelpRequestJourneyTest
			.requestId(client.submit(form, "/requests?", HelpRequestJourneyTest.requestForm(title)));
	}

	void reply(long id, String body) {
		Page engineer = client.open(HelpRequestJourneyTest.requestLink(launchInBio101("noneditingteacher", "en"), id));
		client.submit(engineer, "/replies", Map.of("body", body));
	}

	/** The Moodle message to the teacher whose text names this title. */
	Map<String, Object> row(String title) {
		return jdbc.sql("""
				select id, status, attempts, last_error from notification
				where channel = 'MOODLE' and moodle_user_id = 3 and body like ?""")
			.param("%" + title + "%")
			.query()
			.singleRow();
	}

	/**
	 * The parameters of each message sent to the teacher through Moodle, in order. An
	 * engineer whose address Tandem does not know yet is told in Moodle too, depending on
	 * which tests ran before: those are not counted here.
	 */
	List<Map<String, String>> messages() {
		return MOODLE.findAll(postRequestedFor(urlEqualTo(WebServiceStubs.ENDPOINT)).withRequestBody(containing(SEND)))
			.stream()
			.map(request -> {
				Map<String, String> params = new HashMap<>();
				for (String pair : request.getBodyAsString().split("&")) {
					String[] nameValue = pair.split("=", 2);
					params.put(URLDecoder.decode(nameValue[0], StandardCharsets.UTF_8),
							URLDecoder.decode(nameValue[1], StandardCharsets.UTF_8));
				}
				return params;
			})
			.filter(params -> TEACHER_USER_ID.equals(params.get("messages[0][touserid]")))
			.toList();
	}

	static MimeMessage mailTo(String recipient, String title) throws Exception {
		for (MimeMessage mail : MAIL.getReceivedMessages()) {
			if (HelpRequestJourneyTest.recipients(List.of(mail)).contains(recipient)
					&& mail.getSubject().contains(title)) {
				return mail;
			}
		}
		return null;
	}

}
