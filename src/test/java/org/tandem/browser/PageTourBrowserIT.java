package org.tandem.browser;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.function.Function;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of page Tandem shows, in French and in English, inside the demo course's
 * cross-site frame: each passes axe-core at a desktop's width and at a small laptop's,
 * never scrolls sideways, and is saved as
 * {@code target/screenshots/<page>-<lang>-<width>.png} (see
 * {@link BrowserSupport#inspect(String)}). The texts looked for are read from the message
 * bundles, so the tour reads the same in both languages.
 */
class PageTourBrowserIT extends BrowserSteps {

	/**
	 * Loads the icon the page links, as the browser does for its tab: status and type.
	 */
	private static final String FAVICON = """
			const done = arguments[arguments.length - 1];
			const icon = document.querySelector('link[rel=icon]');
			fetch(icon.href).then(response => done(response.status + ' ' + response.headers.get('content-type')),
			    error => done('not loaded: ' + error));
			""";

	PageTourBrowserIT() {
		super("tour");
	}

	@Test
	@Order(1)
	void everyPageInFrench() {
		tour("fr");
	}

	@Test
	@Order(2)
	void everyPageInEnglish() {
		tour("en");
	}

	private void tour(String language) {
		Texts texts = new Texts(language);
		String query = "fr".equals(language) ? "" : "?locale=en";
		openCourse(query);
		inspectCoursePage();

		launch("learner", texts.get("home.learner.title"));
		inspect("learner");

		launch("teacher", texts.get("requests.course.title"));
		inspect("teacher-requests");
		assertThat(driver.executeAsyncScript(FAVICON)).as("the favicon the layout links")
			.isEqualTo("200 image/svg+xml");
		clickAndWait(driver.findElement(By.linkText(texts.get("requests.course.new"))), "the request form",
				titled(texts.get("request.form.title")));
		inspect("request-form");
		// What must be filled is marked, and the field itself says so.
		assertThat(driver.findElement(By.cssSelector("label[for=title]")).getText())
			.isEqualTo(texts.get("request.form.title-field") + texts.get("form.required"));
		assertThat(driver.findElement(By.id("title")).getDomAttribute("required")).isNotNull();
		assertThat(driver.findElement(By.id("topic1")).getDomAttribute("required")).isNotNull();
		assertThat(driver.findElement(By.cssSelector("label[for=audience]")).getText())
			.isEqualTo(texts.get("request.form.audience"));
		assertThat(driver.findElement(By.id("audience")).getDomAttribute("required")).isNull();

		clickAndWait(
				driver.findElement(By.xpath("//button[normalize-space()='" + texts.get("request.form.submit") + "']")),
				"the request form in error", d -> !d.findElements(By.id("form-errors")).isEmpty());
		inspect("request-form-errors");
		// The summary of mistakes has focus; each field in error says so, and why.
		assertThat(script("return document.activeElement.id;")).isEqualTo("form-errors");
		WebElement title = driver.findElement(By.id("title"));
		assertThat(title.getDomAttribute("aria-invalid")).isEqualTo("true");
		assertThat(title.getDomAttribute("aria-describedby")).isEqualTo("title-error title-help");
		assertThat(driver.findElement(By.id("title-error")).getText())
			.isEqualTo(texts.get("request.form.title.required"));
		assertThat(driver.findElement(By.id("audience")).getDomAttribute("aria-invalid")).isNull();
		// Its links lead to the fields: a text field, and the first choice of a group.
		press(By.linkText(texts.get("request.form.title.required")));
		assertThat(script("return document.activeElement.id;")).isEqualTo("title");
		press(By.linkText(texts.get("request.form.topic.required")));
		assertThat(script("return document.activeElement.name;")).isEqualTo("topic");

		chooseRadio("topic", "ASSESSMENT");
		type("title", texts.get("request.form.title") + " · " + language);
		type("need", texts.get("request.form.need.help"));
		chooseRadio("workMode", "VIDEO_CALL");
		clickAndWait(
				driver.findElement(By.xpath("//button[normalize-space()='" + texts.get("request.form.submit") + "']")),
				"the request, filed", d -> !d.findElements(By.cssSelector(".alert-success")).isEmpty());
		rememberRequest();
		inspect("request-teacher");

		String session = session();
		visit("/engineer?" + session, "the queue refused to a teacher", titled(texts.get("error.403.title")));
		inspect("error-403");
		visit("/requests/999999?" + session, "a request that does not exist", titled(texts.get("error.404.title")));
		inspect("error-404");

		launch("engineer", texts.get("queue.title"));
		inspect("engineer-queue");
		clickAndWait(
				driver.findElement(By.xpath("//table[caption[normalize-space()='" + texts.get("queue.caption")
						+ "']]//a[normalize-space()='" + texts.get("request.form.title") + " · " + language + "']")),
				"the request as an engineer", titled(texts.get("request.form.title") + " · " + language));
		inspect("request-engineer");
		visit("/engineer/templates?" + session(), "the answer templates", titled(texts.get("templates.title")));
		inspect("templates");

		launch("administrator", texts.get("admin.web-services.page-title", "Tandem demo platform"));
		inspect("admin");
	}

	/** Clicks something that stays on the page, brought into view first. */
	private static void press(By what) {
		WebElement element = driver.findElement(what);
		scrollIntoView(element);
		element.click();
	}

	/** Loads a page of Tandem in the frame, as a link would. */
	private static void visit(String path, String what, Function<WebDriver, Boolean> condition) {
		WebElement old = driver.findElement(By.tagName("html"));
		script("location.href = arguments[0];", TANDEM + path);
		waitInFrame(what + " (leaving the page)", ExpectedConditions.stalenessOf(old));
		waitInFrame(what, condition);
	}

	/** The {@code session=…} parameter of the frame's address. */
	private static String session() {
		String url = frameUrl();
		int at = url.indexOf("session=");
		assertThat(at).as("the session in %s", url).isNotNegative();
		String rest = url.substring(at);
		int end = rest.indexOf('&');
		return end < 0 ? rest : rest.substring(0, end);
	}

	/** Tandem's own messages, in one language. */
	private record Texts(ResourceBundle bundle) {

		Texts(String language) {
			this(ResourceBundle.getBundle("messages", Locale.forLanguageTag(language),
					ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
		}

		/**
		 * As Spring's message source: through MessageFormat only when there are
		 * arguments.
		 */
		String get(String key, Object... arguments) {
			if (arguments.length == 0) {
				return this.bundle.getString(key);
			}
			return new MessageFormat(this.bundle.getString(key), this.bundle.getLocale()).format(arguments);
		}

	}

}
