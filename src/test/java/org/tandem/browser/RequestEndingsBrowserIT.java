package org.tandem.browser;

import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What cannot be taken back is asked first, and what ended can be taken up again, in a
 * real browser inside the demo course's cross-site frame, without JavaScript doing it:
 * the teacher withdraws a request (after cancelling once) and reopens it, follows where
 * it stands; the engineer declines it and reopens it, is told when logged time does not
 * fit its kind, deletes an answer template (in English); the administrator removes an
 * engineer. Each page visited is saved as {@code target/screenshots/endings-NN-*.png}.
 */
class RequestEndingsBrowserIT extends BrowserSteps {

	private static final String TITLE = "Réorganiser les quiz";

	RequestEndingsBrowserIT() {
		super("endings");
	}

	@Test
	@Order(1)
	void teacherFilesARequestAndSeesWhereItStands() {
		keepTandemCookieAtTop();
		openCourse("");
		launch("teacher", "De l’aide pour votre cours");
		clickAndWait(driver.findElement(By.linkText("Demander de l’aide")), "the request form",
				titled("Demander de l’aide"));
		chooseRadio("topic", "ASSESSMENT");
		type("title", TITLE);
		type("need", "Les quiz de chaque chapitre se recouvrent.");
		chooseRadio("workMode", "MESSAGES");
		clickAndWait(button("Envoyer la demande"), "the request, filed", titled(TITLE));
		assertThat(progress()).containsExactly("Déposée", "Prise en charge", "En cours", "En attente de votre réponse",
				"Résolue");
		assertThat(currentStep()).isEqualTo("Déposée");
		rememberRequest();
		page("teacher-filed", "fr");
	}

	@Test
	@Order(2)
	void teacherWithdrawsAfterCancellingOnceThenReopens() {
		clickAndWait(button("Retirer cette demande"), "the question", titled("Confirmez, s’il vous plaît"));
		assertThat(frameText()).contains("Retirer votre demande « " + TITLE + " » ?");
		page("teacher-withdraw-asked", "fr");

		clickAndWait(driver.findElement(By.linkText("Annuler")), "the request again", titled(TITLE));
		assertThat(status()).isEqualTo("Nouvelle");

		clickAndWait(button("Retirer cette demande"), "the question again", titled("Confirmez, s’il vous plaît"));
		clickAndWait(button("Oui, la retirer"), "the request, withdrawn", d -> "Retirée".equals(status()));
		assertThat(frameText()).contains("Cette demande a été retirée : personne n’y travaille.");
		assertThat(driver.findElements(By.cssSelector("[aria-current=step]"))).isEmpty();
		page("teacher-withdrawn", "fr");

		clickAndWait(button("Rouvrir cette demande"), "the request, reopened", d -> "Nouvelle".equals(status()));
		assertThat(currentStep()).isEqualTo("Déposée");
		assertThat(frameText()).contains("Tina Teacher a rouvert la demande : elle est maintenant « Nouvelle »");
		page("teacher-reopened", "fr");
	}

	@Test
	@Order(3)
	void engineerDeclinesThenReopens() {
		launch("engineer", "Demandes d’aide");
		WebElement row = requestRow("Demandes de la plateforme", TITLE);
		clickAndWait(row.findElement(By.linkText(TITLE)), "the request", titled(TITLE));
		type("reason", "Hors de notre périmètre : voyez le support Moodle.");
		clickAndWait(button("Refuser"), "the question", titled("Confirmez, s’il vous plaît"));
		assertThat(frameText()).contains("Refuser la demande « " + TITLE + " » ?",
				"« Hors de notre périmètre : voyez le support Moodle. »");
		page("engineer-decline-asked", "fr");

		clickAndWait(button("Oui, la refuser"), "the request, declined", d -> "Refusée".equals(status()));
		assertThat(frameText()).contains("Hors de notre périmètre : voyez le support Moodle.");
		page("engineer-declined", "fr");

		clickAndWait(button("Rouvrir cette demande"), "the request, reopened", d -> "Nouvelle".equals(status()));
		assertThat(frameText()).doesNotContain("Refusée parce que");
		page("engineer-reopened", "fr");
	}

	@Test
	@Order(4)
	void engineerIsToldWhenTimeDoesNotFitItsKind() {
		type("minutes", "45");
		new Select(driver.findElement(By.id("activity"))).selectByVisibleText("Conception");
		new Select(driver.findElement(By.id("kind"))).selectByVisibleText("Médiatisation (production)");
		clickAndWait(button("Enregistrer le temps"), "the mismatch explained",
				d -> !d.findElements(By.id("kind-mismatch")).isEmpty());
		assertThat(driver.findElement(By.id("kind-mismatch")).getText())
			.startsWith("Cette activité ne correspond pas à ce type d’aide");
		assertThat(driver.findElement(By.id("kind")).getDomAttribute("aria-describedby")).isEqualTo("kind-mismatch");
		// What was typed is still there.
		assertThat(driver.findElement(By.id("minutes")).getDomProperty("value")).isEqualTo("45");
		scrollIntoView(driver.findElement(By.id("kind")));
		page("engineer-time-mismatch", "fr");
	}

	@Test
	@Order(5)
	void engineerDeletesATemplateInEnglish() {
		openCourse("?locale=en");
		launch("engineer", "Requests for help");
		clickAndWait(driver.findElement(By.linkText("Answer templates")), "the templates", titled("Answer templates"));
		type("title", "Short-lived");
		type("body", "Soon deleted.");
		clickAndWait(button("Save the template"), "the template saved",
				d -> !d.findElements(By.xpath("//h2[normalize-space()='Short-lived']")).isEmpty());
		clickAndWait(button("Delete"), "the question", titled("Please confirm"));
		assertThat(frameText()).contains("Delete the answer template “Short-lived”?");
		page("engineer-template-delete-asked", "en");

		clickAndWait(button("Yes, delete it"), "the templates, without it", titled("Answer templates"));
		assertThat(frameText()).doesNotContain("Short-lived");
		page("engineer-template-deleted", "en");
	}

	@Test
	@Order(6)
	void administratorRemovesAnEngineer() {
		openCourse("");
		launch("administrator", "Tandem sur Tandem demo platform");
		type("email", "ancien.igp@example.com");
		clickAndWait(button("Ajouter"), "the engineer named",
				d -> d.findElements(By.xpath("//td[normalize-space()='ancien.igp@example.com']")).size() == 1);
		WebElement row = driver.findElement(By.xpath("//tr[td[normalize-space()='ancien.igp@example.com']]"));
		clickAndWait(row.findElement(By.xpath(".//button[normalize-space()='Retirer']")), "the question",
				titled("Confirmez, s’il vous plaît"));
		assertThat(frameText()).contains("Retirer ancien.igp@example.com des ingénieur·e·s pédagogiques ?");
		page("admin-remove-asked", "fr");

		clickAndWait(button("Oui, le ou la retirer"), "the engineers, without them",
				titled("Tandem sur Tandem demo platform"));
		assertThat(frameText()).doesNotContain("ancien.igp@example.com");
		page("admin-removed", "fr");
	}

	private static WebElement button(String text) {
		WebElement button = driver.findElement(By.xpath("//button[normalize-space()='" + text + "']"));
		scrollIntoView(button);
		return button;
	}

	/** The request's status: the badge next to its title. */
	private static String status() {
		return driver.findElement(By.xpath("//h1/following-sibling::span[contains(@class, 'badge')][1]")).getText();
	}

	/** The steps of the teacher's progress line, as read. */
	private static List<String> progress() {
		return driver.findElements(By.cssSelector("ol.tandem-progress > li > span:first-child"))
			.stream()
			.map(WebElement::getText)
			.toList();
	}

	private static String currentStep() {
		return driver.findElement(By.cssSelector("ol.tandem-progress > li[aria-current=step] > span:first-child"))
			.getText();
	}

}
