package org.tandem.browser;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A form over the size Tandem takes, sent inside the demo course's cross-site frame: the
 * teacher reads Tandem's page in French, finds the text they typed to copy, and goes back
 * to the form with their session.
 */
class ErrorPagesBrowserIT extends BrowserSupport {

	/** More than the form's 256 KB: a whole document pasted past the field's limit. */
	private static final String PASTED = "Tout le chapitre 3, à relire avant l’examen. ".repeat(7_000);

	@Test
	void formTooLargeComesBackWithTheTextAndAWayBackToTheForm() {
		openCourse("");
		launch("teacher", "De l’aide pour votre cours");
		clickAndWait(driver.findElement(By.linkText("Demander de l’aide")), "the request form",
				titled("Demander de l’aide"));
		BrowserSteps.chooseRadio("topic", "ASSESSMENT");
		BrowserSteps.type("title", "Un document entier");
		WebElement need = driver.findElement(By.id("need"));
		// The field's maxlength stops typing, not a paste through a script or a tool.
		((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1];", need, PASTED);
		WebElement send = driver.findElement(By.xpath("//button[normalize-space()='Envoyer la demande']"));

		clickAndWait(send, "the page of a form too large", titled("Ce que vous avez envoyé est trop volumineux"));

		assertThat(frameText()).contains("Voici ce que vous avez saisi : copiez-le avant de quitter cette page.",
				"Référence à citer");
		WebElement kept = driver.findElements(By.cssSelector("textarea[id^=typed-]"))
			.stream()
			.filter(text -> PASTED.equals(text.getDomProperty("value")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("the pasted text is not on the page"));
		assertThat(driver.findElement(By.cssSelector("label[for=" + kept.getDomAttribute("id") + "]")).getText())
			.startsWith("Votre texte");
		screenshot("errors-form-too-large");
		// The screenshot is of the whole window: back into the frame.
		enterFrame();

		clickAndWait(driver.findElement(By.linkText("Revenir à la page")), "the form again",
				titled("Demander de l’aide"));
		// The form's own address: its filing token and the session.
		assertThat(frameUrl()).startsWith(TANDEM + "/requests/new?filing=").contains("&session=");
		screenshot("errors-back-to-the-form");
		enterFrame();
	}

}
