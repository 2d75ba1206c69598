package org.tandem.browser;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A help request from start to end in a real browser, as the people of the demo course
 * live it: every page inside the demo course's cross-site frame, with third-party cookies
 * blocked, so Tandem's session rides in its links from launch to launch. The teacher asks
 * for help, the engineer takes the request and answers, the teacher answers back, the
 * engineer logs time and resolves it, the teacher rates the help. In French, the demo's
 * default.
 * <p>
 * The steps run in order (see {@link BrowserSteps}); each page visited is saved as
 * {@code target/screenshots/journey-NN-*.png}.
 */
class RequestJourneyBrowserIT extends BrowserSteps {

	private static final String TITLE = "Repenser l’évaluation finale";

	private static final String NEED = "L’examen final ne vérifie que des définitions. Je voudrais une évaluation\n"
			+ "qui montre si les étudiant·e·s savent interpréter une observation au microscope.";

	private static final String AUDIENCE = "120 étudiant·e·s de première année, en amphithéâtre et en TP.";

	private static final String OBJECTIVES = "Interpréter une image de cellule ; relier structure et fonction.";

	private static final String COURSE_PARTS = "Le TP 3 et l’examen final.";

	private static final String ENGINEER_REPLY = "Bonjour, je prends votre demande. Pouvez-vous m’envoyer le sujet "
			+ "de l’examen de l’an dernier ?";

	private static final String TEACHER_ANSWER = "Le voici : je l’ai déposé dans la section « Examens » du cours.";

	private static final String RATING_COMMENT = "Merci, les nouvelles questions marchent très bien.";

	private static final LocalDate WISHED = LocalDate.now().plusMonths(2);

	/** Yesterday: time is logged for work done, never in the future. */
	private static final LocalDate WORKED = LocalDate.now().minusDays(1);

	private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM)
		.withLocale(Locale.FRENCH);

	RequestJourneyBrowserIT() {
		super("journey");
	}

	@Test
	@Order(1)
	void teacherAsksForHelpFromTheCoursesRequests() {
		keepTandemCookieAtTop();
		openCourse("");

		launch("teacher", "De l’aide pour votre cours");
		assertFrameCookiesBlocked();
		assertThat(frameText()).contains("Tina Teacher · Biologie cellulaire");
		page("teacher-requests");

		clickAndWait(driver.findElement(By.linkText("Demander de l’aide")), "the request form",
				titled("Demander de l’aide"));
		assertThat(frameText()).contains("Concevoir le cours (médiation)",
				"Produire et mettre en place (médiatisation)", "Comment souhaitez-vous travailler ?");
		page("teacher-form");

		chooseRadio("topic", "ASSESSMENT");
		type("title", TITLE);
		type("need", NEED);
		type("audience", AUDIENCE);
		type("objectives", OBJECTIVES);
		type("courseParts", COURSE_PARTS);
		typeDate("wishedDate", WISHED);
		chooseRadio("workMode", "VIDEO_CALL");
		WebElement send = driver.findElement(By.xpath("//button[normalize-space()='Envoyer la demande']"));
		scrollIntoView(send);
		page("teacher-form-filled");

		clickAndWait(send, "the request, filed", d -> !d.findElements(By.cssSelector(".alert-success")).isEmpty());
		assertThat(driver.findElement(By.cssSelector(".alert-success")).getText())
			.isEqualTo("Votre demande est envoyée. Les ingénieur·e·s pédagogiques ont été prévenu·e·s.");
		assertThat(heading(driver)).isEqualTo(TITLE);
		assertThat(status()).isEqualTo("Nouvelle");
		assertThat(frameText()).contains("Médiation (conception) · Évaluation et alignement avec les objectifs",
				"Demandée par Tina Teacher", "Ouvrir le cours Biologie cellulaire dans Moodle");
		assertThat(fact("Ingénieur·e en charge")).isEqualTo("Personne pour l’instant");
		assertThat(fact("Ce que vous souhaitez")).isEqualTo(NEED);
		assertThat(fact("Pour qui")).isEqualTo(AUDIENCE);
		assertThat(fact("Objectifs")).isEqualTo(OBJECTIVES);
		assertThat(fact("Parties du cours concernées")).isEqualTo(COURSE_PARTS);
		assertThat(fact("Date souhaitée")).isEqualTo(FRENCH_DATE.format(WISHED));
		assertThat(fact("Comment souhaitez-vous travailler ?")).isEqualTo("Une visioconférence");
		assertThat(conversation()).isEmpty();
		// The teacher can withdraw it while nobody has taken it; no engineer's tools.
		assertThat(buttons()).contains("Retirer cette demande").doesNotContain("La prendre en charge");
		assertThat(frameText()).doesNotContain("Temps passé", "Note interne");
		rememberRequest();
		assertSessionInTheAddress();
		page("teacher-request-filed");
	}

	@Test
	@Order(2)
	void engineerFindsTheRequestTakesItAndAnswers() {
		launch("engineer", "Demandes d’aide");
		assertThat(frameText()).contains("Toutes les demandes de ");
		// One table for the platform: the request of the course he launched from is in it
		// once, marked.
		WebElement inQueue = requestRow("Demandes de la plateforme", TITLE);
		assertThat(inQueue.getText()).contains("Nouvelle", "Médiation (conception) · Évaluation", "Biologie cellulaire",
				"ce cours", "Personne pour l’instant", "Première réponse attendue depuis");
		// Nobody on it: the row stands out.
		assertThat(inQueue.getDomAttribute("class")).contains("tandem-attention");
		page("engineer-queue");

		clickAndWait(driver.findElement(By.linkText("Seulement ce cours : Biologie cellulaire")),
				"the queue of this course only", d -> frameUrl().contains("course="));
		assertThat(frameUrl()).contains("session=");
		inQueue = requestRow("Demandes de la plateforme", TITLE);
		assertThat(driver.findElements(By.linkText("Tous les cours"))).hasSize(1);
		// Never opened: news for him.
		assertThat(inQueue.getText()).contains("nouveau pour vous");
		page("engineer-queue-this-course");

		// Searched without the accent nor the capital, sent as a browser sends a GET
		// form.
		type("q", "EVALUATION");
		clickAndWait(button("Filtrer"), "the queue searched", d -> frameUrl().contains("q=EVALUATION"));
		assertThat(frameUrl()).contains("session=", "course=");
		inQueue = requestRow("Demandes de la plateforme", TITLE);
		page("engineer-queue-searched");

		clickAndWait(driver.findElement(By.linkText("Date souhaitée")), "the queue sorted by wished date",
				d -> frameUrl().contains("sort=WISHED"));
		assertThat(frameUrl()).contains("session=", "q=EVALUATION");
		assertThat(driver.findElement(By.xpath("//th[a[normalize-space()='Date souhaitée']]"))
			.getDomAttribute("aria-sort")).isEqualTo("ascending");
		inQueue = requestRow("Demandes de la plateforme", TITLE);
		assertThat(inQueue.getText()).contains(FRENCH_DATE.format(WISHED)).doesNotContain("en retard");
		page("engineer-queue-sorted");

		clickAndWait(inQueue.findElement(By.linkText(TITLE)), "the request from the platform's queue", titled(TITLE));
		assertThat(frameUrl()).contains(requestPath + "?session=");
		// Eric is Instructor of the course too, as Moodle makes designers: the teacher's
		// own actions are still not his.
		assertThat(buttons()).contains("La prendre en charge", "Attribuer", "Refuser")
			.doesNotContain("Retirer cette demande");
		assertThat(fact("Première réponse")).startsWith("attendue depuis");
		page("engineer-request");

		clickAndWait(button("La prendre en charge"), "the request, taken", d -> "Prise en charge".equals(status()));
		assertThat(fact("Ingénieur·e en charge")).isEqualTo("Eric Engineer");
		assertThat(frameText()).contains("Eric Engineer a pris la demande en charge")
			.doesNotContain("a confié la demande à Eric Engineer");
		assertThat(buttons()).doesNotContain("La prendre en charge")
			.contains("Marquer en cours", "Attendre l’enseignant·e", "Marquer résolue");
		page("engineer-taken");

		type("body", ENGINEER_REPLY);
		clickAndWait(button("Envoyer"), "the engineer's reply in the conversation", d -> conversation().size() == 1);
		assertThat(conversation().get(0)).startsWith("Eric Engineer").endsWith(ENGINEER_REPLY);
		assertThat(fact("Première réponse")).startsWith("après");
		scrollIntoView(driver.findElement(By.id("conversation")));
		page("engineer-replied");

		clickAndWait(button("Attendre l’enseignant·e"), "the request, waiting for the teacher",
				d -> "En attente de l’enseignant·e".equals(status()));
		page("engineer-waiting");
	}

	@Test
	@Order(3)
	void teacherReadsTheReplyAndAnswers() {
		launch("teacher", "De l’aide pour votre cours");
		WebElement row = requestRow("Demandes sur ce cours", TITLE);
		assertThat(row.getText()).contains("En attente de l’enseignant·e", "Attend votre réponse",
				"Évaluation et alignement avec les objectifs", "Eric Engineer");
		// The teacher's turn: the row stands out.
		assertThat(row.getDomAttribute("class")).contains("tandem-attention");
		page("teacher-requests-again");

		clickAndWait(row.findElement(By.linkText(TITLE)), "the request from the course's list", titled(TITLE));
		assertThat(conversation()).hasSize(1);
		assertThat(conversation().get(0)).startsWith("Eric Engineer").endsWith(ENGINEER_REPLY);
		// Taken: it can no longer be withdrawn.
		assertThat(buttons()).doesNotContain("Retirer cette demande", "Marquer résolue");
		scrollIntoView(driver.findElement(By.id("conversation")));
		page("teacher-reads-reply");

		type("body", TEACHER_ANSWER);
		clickAndWait(button("Envoyer"), "the teacher's answer in the conversation", d -> conversation().size() == 2);
		assertThat(conversation().get(1)).startsWith("Tina Teacher").endsWith(TEACHER_ANSWER);
		// The teacher answered: the request is back with the engineer.
		assertThat(status()).isEqualTo("En cours");
		scrollIntoView(driver.findElement(By.id("conversation")));
		page("teacher-answered");
	}

	@Test
	@Order(4)
	void engineerReadsTheAnswerLogsTimeAndResolves() {
		launch("engineer", "Demandes d’aide");
		WebElement row = requestRow("Demandes de la plateforme", TITLE);
		// The teacher answered since he last opened it.
		assertThat(row.getText()).contains("En cours", "Eric Engineer", "L’enseignant·e attend depuis",
				"nouveau pour vous");
		assertThat(row.getDomAttribute("class")).contains("tandem-attention");
		page("engineer-queue-again");

		clickAndWait(row.findElement(By.linkText(TITLE)), "the request from the platform's queue", titled(TITLE));
		assertThat(conversation()).hasSize(2);
		assertThat(conversation().get(1)).startsWith("Tina Teacher").endsWith(TEACHER_ANSWER);
		assertThat(fact("Dernier message de l’enseignant·e")).endsWith("en attente de réponse");
		WebElement time = driver.findElement(By.id("time"));
		assertThat(totals()).isEqualTo("Médiation : 0 min · Médiatisation : 0 min");
		scrollIntoView(time);
		page("engineer-reads-answer");

		typeDate("workDate", WORKED);
		type("minutes", "90");
		new Select(driver.findElement(By.id("activity"))).selectByVisibleText("Conception");
		new Select(driver.findElement(By.id("kind"))).selectByVisibleText("Médiation (conception)");
		type("note", "Relecture de l’examen et grille d’évaluation");
		clickAndWait(button("Enregistrer le temps"), "the time logged", d -> !timeRows().isEmpty());
		assertThat(totals()).isEqualTo("Médiation : 1 h 30 min · Médiatisation : 0 min");
		assertThat(timeRows()).containsExactly(FRENCH_DATE.format(WORKED) + " Eric Engineer 1 h 30 min Conception "
				+ "Médiation (conception) Relecture de l’examen et grille d’évaluation");
		scrollIntoView(driver.findElement(By.id("time")));
		page("engineer-time-logged");

		clickAndWait(button("Marquer résolue"), "the request, resolved", d -> "Résolue".equals(status()));
		assertThat(buttons()).contains("Clore", "Marquer en cours").doesNotContain("Marquer résolue", "Apprécier");
		page("engineer-resolved");
	}

	@Test
	@Order(5)
	void teacherRatesTheHelp() {
		launch("teacher", "De l’aide pour votre cours");
		WebElement row = requestRow("Demandes sur ce cours", TITLE);
		assertThat(row.getText()).contains("Résolue", "Eric Engineer");
		page("teacher-requests-resolved");

		clickAndWait(row.findElement(By.linkText(TITLE)), "the resolved request", titled(TITLE));
		assertThat(frameText()).contains("Cette aide vous a-t-elle été utile ?", "De 1 (pas utile) à 5 (très utile).");
		// The engineer's entries and notes are theirs; the teacher sees the time it took.
		assertThat(frameText()).doesNotContain("Temps passé", "Relecture de l’examen")
			.contains("Le temps que les ingénieur·e·s pédagogiques ont consacré à cette demande",
					"1 h 30 min au total : médiation (conception) 1 h 30 min, médiatisation (production) 0 min");
		assertThat(driver.findElement(By.cssSelector("ol.tandem-progress > li[aria-current=step]")).getText())
			.isEqualTo("Résolue");
		chooseRadio("rating", "5");
		type("comment", RATING_COMMENT);
		WebElement rate = button("Apprécier");
		scrollIntoView(rate);
		page("teacher-rating");

		clickAndWait(rate, "the rating shown", d -> !factsNamed("Appréciation").isEmpty());
		assertThat(fact("Appréciation")).isEqualTo("5 sur 5\n" + RATING_COMMENT);
		assertThat(buttons()).doesNotContain("Apprécier");
		assertThat(frameText()).doesNotContain("Cette aide vous a-t-elle été utile ?");
		assertSessionInTheAddress();
		assertFrameCookiesBlocked();
		page("teacher-rated");
	}

	@Test
	@Order(6)
	void teacherChoosesToBeToldByMoodleMessage() {
		launch("teacher", "De l’aide pour votre cours");
		clickAndWait(driver.findElement(By.id("notifications-link")), "the notifications page",
				titled("Comment Tandem vous prévient"));
		assertThat(driver.findElement(By.id("notifications-current")).getText())
			.isEqualTo("Tandem vous prévient maintenant par courriel.");
		chooseRadio("channel", "MOODLE");
		page("teacher-notifications");

		clickAndWait(driver.findElement(By.id("notifications-save")), "the channel saved",
				d -> !d.findElements(By.id("notifications-saved")).isEmpty());
		assertThat(driver.findElement(By.id("notifications-current")).getText())
			.isEqualTo("Tandem vous prévient maintenant par message Moodle.");
		assertSessionInTheAddress();
		page("teacher-notifications-saved");
	}

	@Test
	@Order(7)
	void engineerClosesTheRequest() {
		launch("engineer", "Demandes d’aide");
		clickAndWait(requestRow("Demandes de la plateforme", TITLE).findElement(By.linkText(TITLE)),
				"the resolved request", titled(TITLE));
		clickAndWait(button("Clore"), "the request, closed", d -> "Close".equals(status()));
		page("engineer-closed");
	}

	@Test
	@Order(8)
	void demoMailboxShowsWhatTandemSentWithLinksThatOpenTheRequestThroughMoodle() {
		openCourse("");
		driver.findElement(By.id("mailbox-link")).click();
		// the closing's Moodle message, once Tandem has sent it
		new WebDriverWait(driver, PAGE_TIMEOUT).until(d -> {
			d.navigate().refresh();
			return d.findElements(By.xpath("//article[starts-with(@id, 'moodle-message-')]"))
				.stream()
				.anyMatch(m -> m.getText().contains("a modifié votre demande « " + TITLE + " »"));
		});
		assertThat(driver.getCurrentUrl()).startsWith(DEMO + "/demo/mailbox");
		WebElement closed = driver.findElements(By.xpath("//article[starts-with(@id, 'moodle-message-')]"))
			.stream()
			.filter(m -> m.getText().contains("a modifié votre demande « " + TITLE + " »"))
			.findFirst()
			.orElseThrow();
		assertThat(closed.getText()).contains("Tina Teacher", "Close", "Répondre dans Tandem",
				"Ne répondez pas à ce message dans Moodle");
		// Eric's address came from Moodle; his mail sends him to the course, or through a
		// link when another browser test already had him launch in this shared
		// application
		WebElement filed = mail("[Tandem] Nouvelle demande : " + TITLE);
		assertThat(filed.getText()).contains("engineer1@example.com", "Tina Teacher demande de l’aide", "Pour répondre",
				"qui ne lit pas les réponses");
		WebElement answered = mail("[Tandem] Réponse à votre demande : " + TITLE);
		assertThat(answered.getText()).contains("teacher1@example.com", ENGINEER_REPLY.substring(0, 40),
				"Pour répondre, répondez dans Tandem");
		shot("journey-mailbox");

		WebElement link = answered.findElement(By.partialLinkText(TANDEM + "/open/"));
		scrollIntoView(link);
		link.click();
		// Tandem sends it to the course's Tandem activity, which the demo shows as its
		// course
		assertThat(driver.getCurrentUrl()).as("the mail's link goes through Tandem to the demo course")
			.startsWith(DEMO + "/demo");
		// The teacher's next launch lands on the request the mail was about, and uses
		// the link up: the browser tests after this one launch as usual.
		launch("teacher", TITLE);

		driver.get(DEMO + "/demo/mailbox?locale=fr");
		driver.findElement(By.id("mailbox-back")).click();
		assertThat(driver.getCurrentUrl()).startsWith(DEMO + "/demo");
	}

	/** The demo mailbox's newest mail with this subject. */
	private static WebElement mail(String subject) {
		return driver.findElements(By.xpath("//article[starts-with(@id, 'mail-')]"))
			.stream()
			.filter(m -> m.getText().startsWith(subject))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No mail \"" + subject + "\" in the demo mailbox"));
	}

	// What a person does inside the frame.

	/**
	 * Types a date as a person does in Chromium's date field: in the browser's format
	 * (month, day, year for en-US, the browser's language here), whatever the page's
	 * language; the field then holds the ISO date the form sends.
	 */
	private static void typeDate(String id, LocalDate date) {
		WebElement field = driver.findElement(By.id(id));
		scrollIntoView(field);
		field.sendKeys(DateTimeFormatter.ofPattern("MMddyyyy").format(date));
		assertThat(field.getDomProperty("value")).as("what %s holds", id).isEqualTo(date.toString());
	}

	private static WebElement button(String text) {
		return driver.findElement(By.xpath("//button[normalize-space()='" + text + "']"));
	}

	/** The texts of the page's buttons. */
	private static List<String> buttons() {
		return driver.findElements(By.tagName("button")).stream().map(WebElement::getText).toList();
	}

	/** The request's status: the badge next to its title. */
	private static String status() {
		return driver.findElement(By.xpath("//h1/following-sibling::span[contains(@class, 'badge')][1]")).getText();
	}

	/** What the request's page says under this term. */
	private static String fact(String term) {
		List<WebElement> facts = factsNamed(term);
		assertThat(facts).as("facts named \"%s\"", term).hasSize(1);
		return facts.get(0).getText();
	}

	private static List<WebElement> factsNamed(String term) {
		return driver.findElements(By.xpath("//dl[contains(@class, 'tandem-facts')]/dt[normalize-space()='" + term
				+ "']/following-sibling::dd[1]"));
	}

	/** The messages of the conversation, each as "author date body". */
	private static List<String> conversation() {
		return driver.findElements(By.xpath("//h2[@id='conversation']/following-sibling::ol[1]/li"))
			.stream()
			.map(message -> message.getText().replace('\n', ' '))
			.toList();
	}

	/** The line of time totals under "Temps passé". */
	private static String totals() {
		return driver.findElement(By.xpath("//h2[@id='time']/following-sibling::p[1]")).getText();
	}

	private static List<String> timeRows() {
		return driver.findElements(By.xpath("//h2[@id='time']/following-sibling::div[1]//tbody/tr"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	/** Tandem's session is in the frame's address, and no cookie carries it. */
	private static void assertSessionInTheAddress() {
		assertThat(frameUrl()).startsWith(TANDEM + "/").contains("session=");
		assertThat(cookiesAfterSetting()).as("cookies the frame holds").isEmpty();
	}

	/** A page of the journey: every one is in French. */
	private void page(String name) {
		page(name, "fr");
	}

}
