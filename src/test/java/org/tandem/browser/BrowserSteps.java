package org.tandem.browser;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Browser tests that tell one story about a help request: the steps are tests run in
 * order, sharing one browser and the request; when one fails, the following are skipped.
 * Each page visited is saved as {@code target/screenshots/<story>-NN-*.png}.
 * <p>
 * One instance runs all the steps of a class, so what they share lives in its fields: as
 * static fields here, it would be shared by every story, and a step failing in one would
 * skip the steps of the next.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class BrowserSteps extends BrowserSupport {

	private static final Pattern REQUEST_URL = Pattern.compile("/requests/(\\d+)\\?");

	private final String story;

	/** The request's page, without its session: each launch brings a new one. */
	String requestPath;

	private int shots;

	/** The step that failed, if any: the steps after it are skipped. */
	private String brokenAt;

	@RegisterExtension
	final TestWatcher steps = new TestWatcher() {
		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			brokenAt = context.getDisplayName();
		}
	};

	BrowserSteps(String story) {
		this.story = story;
	}

	@BeforeEach
	void previousStepsPassed() {
		assumeTrue(brokenAt == null, () -> "skipped: the step " + brokenAt + " failed");
	}

	/** Keeps the path of the request the frame shows, for the following steps. */
	void rememberRequest() {
		Matcher id = REQUEST_URL.matcher(frameUrl());
		assertThat(id.find()).as("the request's address: %s", frameUrl()).isTrue();
		requestPath = "/requests/" + id.group(1);
	}

	/**
	 * The page in the frame is whole (no message key left untranslated), in this language
	 * and accessible (axe-core finds nothing wrong); its screenshot goes to
	 * {@code <story>-NN-<name>.png}. Leaves the driver in the frame.
	 */
	void page(String name, String language) {
		assertThat(script("return document.documentElement.lang;")).as("language of %s", name).isEqualTo(language);
		assertThat(frameText()).as("text of %s", name).doesNotContain("??");
		assertAccessible(this.story + " " + name);
		shot(name);
		enterFrame();
	}

	/** The whole window, numbered in the story: {@code <story>-NN-<name>.png}. */
	void shot(String name) {
		screenshot("%s-%02d-%s".formatted(story, ++shots, name));
	}

	// What a person does inside the frame.

	/** Types into a field, found by its id, after emptying it. */
	static void type(String id, String text) {
		WebElement field = driver.findElement(By.id(id));
		scrollIntoView(field);
		field.clear();
		field.sendKeys(text);
		assertThat(field.getDomProperty("value")).as("what %s holds", id).isEqualTo(text);
	}

	/** Clicks the label of a radio button, as a person does. */
	static void chooseRadio(String name, String value) {
		WebElement radio = driver
			.findElement(By.cssSelector("input[type=radio][name='" + name + "'][value='" + value + "']"));
		WebElement label = driver.findElement(By.cssSelector("label[for='" + radio.getDomAttribute("id") + "']"));
		scrollIntoView(label);
		label.click();
		assertThat(radio.isSelected()).as("%s %s chosen", name, value).isTrue();
	}

	/** The row of the request with this title in the table with this caption. */
	static WebElement requestRow(String caption, String title) {
		List<WebElement> rows = driver.findElements(By.xpath("//table[caption[normalize-space()='" + caption
				+ "']]/tbody/tr[td/a[normalize-space()='" + title + "']]"));
		assertThat(rows).as("rows of \"%s\" in the table \"%s\"", title, caption).hasSize(1);
		return rows.get(0);
	}

}
