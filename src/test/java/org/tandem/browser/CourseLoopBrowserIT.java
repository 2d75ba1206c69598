package org.tandem.browser;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The course loop in a real browser: the teacher picks, in the course as Moodle has it,
 * the activity the request is about; the course changes in Moodle; the engineer finds the
 * change on the request, first because it is on that activity, and records it as work
 * done for the request; the teacher then sees it and opens it in Moodle, out of the
 * frame. Moodle here is the demo platform, whose course panel changes the course and
 * whose web services Tandem reads, as a real Moodle's.
 * <p>
 * The engineer works in English; the teacher in English, then in French, the demo's
 * default. The steps run in order (see {@link BrowserSteps}); each page visited is saved
 * as {@code target/screenshots/loop-NN-*.png}.
 */
class CourseLoopBrowserIT extends BrowserSteps {

	private static final String TITLE = "Mettre à jour la présentation du cours";

	private static final String NEED = "La page de présentation date de l’an dernier : le calendrier a changé.";

	/** Page 103 of BIO101, as the demo course has it. */
	private static final long PAGE = 103;

	private static final String NAME = "Présentation du cours";

	/**
	 * The page's name once the teacher renames it in Moodle: quotes and an ampersand,
	 * kept as text.
	 */
	private static final String RENAMED = "Présentation du cours & « calendrier » 2025";

	private static final String NOTE = "Calendrier des TP ajouté au titre, comme convenu.";

	/** Where Moodle shows the page, as Tandem links to it. */
	private static final String PAGE_IN_MOODLE = DEMO + "/demo/mod/page/view.php?id=" + PAGE;

	CourseLoopBrowserIT() {
		super("loop");
	}

	/**
	 * The demo course is shared by every browser test (one application for them all): the
	 * page gets its name back, whatever happened here.
	 */
	@AfterAll
	static void giveThePageItsNameBack() {
		if (driver == null) {
			return;
		}
		openCourse("");
		if (!NAME.equals(driver.findElement(By.id("module-" + PAGE + "-name")).getText())) {
			renameInTheCoursePanel(NAME);
		}
	}

	@Test
	@Order(1)
	void teacherFindsThePageInTheCourseAndAsksForHelpAboutIt() {
		openCourse("");
		launch("teacher", "De l’aide pour votre cours");
		clickAndWait(driver.findElement(By.linkText("Demander de l’aide")), "the request form",
				titled("Demander de l’aide"));
		// Every section and activity of the course, as the demo's Moodle has it.
		assertThat(shownParts()).hasSize(20).contains(NAME, "Introduction", "Examen final");
		page("teacher-form", "fr");

		search("mitochondrie");
		waitInFrame("nothing found in the course", d -> d.findElement(By.id("parts-none")).isDisplayed());
		assertThat(shownParts()).isEmpty();
		assertThat(driver.findElement(By.id("parts-none")).getText())
			.isEqualTo("Aucune section ni activité ne porte ce nom.");

		search("présentation");
		waitInFrame("only the page found", d -> shownParts().equals(List.of("Introduction", NAME)));
		assertThat(driver.findElement(By.id("parts-none")).isDisplayed()).isFalse();
		WebElement page = target("M:" + PAGE);
		// The section is shown, unticked, so that the page is seen where it stands.
		assertThat(target("S:46").isSelected()).isFalse();
		tick(page);
		assertThat(page.isSelected()).as("the page ticked").isTrue();
		assertThat(label(page).getText()).isEqualTo(NAME + " (Page)");
		page("teacher-form-found", "fr");

		chooseRadio("topic", "MOODLE_SETUP");
		type("title", TITLE);
		type("need", NEED);
		WebElement send = driver.findElement(By.xpath("//button[normalize-space()='Envoyer la demande']"));
		clickAndWait(send, "the request, filed", d -> !d.findElements(By.cssSelector(".alert-success")).isEmpty());
		assertThat(heading(driver)).isEqualTo(TITLE);
		WebElement about = driver.findElement(By.id("targets"));
		assertThat(about.getText()).isEqualTo(NAME + " (Page)");
		assertOpensInMoodle(about.findElement(By.linkText(NAME)));
		// Engineers' tools only.
		assertThat(driver.findElements(By.id("check-course"))).isEmpty();
		assertThat(driver.findElements(By.id("changes"))).isEmpty();
		rememberRequest();
		scrollIntoView(about);
		page("teacher-request-filed", "fr");
	}

	@Test
	@Order(2)
	void theCourseChangesInMoodle() {
		// Out of Tandem: the demo's course panel, where the teacher edits the course as
		// in Moodle.
		openCourse("");
		launch("teacher", "De l’aide pour votre cours");
		renameInTheCoursePanel(RENAMED);
		assertThat(driver.getCurrentUrl()).isEqualTo(DEMO + "/demo");
		assertThat(tandemFrameUrl()).as("Tandem's frame kept its page").contains("/teacher");
		scrollIntoView(driver.findElement(By.id("module-" + PAGE)));
		shot("course-renamed");
	}

	@Test
	@Order(3)
	void engineerFindsTheChangeOnThePageAndRecordsItAsWorkForTheRequest() {
		openCourse("?locale=en");
		launch("engineer", "Requests for help");
		clickAndWait(requestRow("Requests of the platform", TITLE).findElement(By.linkText(TITLE)),
				"the request from the platform's queue", titled(TITLE));
		assertThat(frameUrl()).contains(requestPath + "?session=");
		scrollIntoView(driver.findElement(By.id("course")));
		page("engineer-request", "en");

		clickAndWait(driver.findElement(By.id("check-course")), "the course checked",
				d -> !d.findElements(By.cssSelector("#course .alert-success")).isEmpty());
		// The course was also checked right after the request was filed; the rename may
		// have been found then, so the count of new changes is one or none.
		assertThat(driver.findElement(By.cssSelector("#course .alert-success")).getText())
			.startsWith("Course checked: ");
		assertThat(driver.findElement(By.cssSelector("#course")).getText())
			.contains("Moodle last showed the course on ");
		WebElement change = driver.findElement(By.cssSelector("#changes > li:first-child"));
		String changeId = change.getDomAttribute("id").substring("change-".length());
		assertThat(change.getDomAttribute("class")).contains("tandem-targeted");
		assertThat(text(change)).startsWith("Renamed Page " + RENAMED + " (was “" + NAME + "”) part of the request");
		assertThat(change.findElement(By.cssSelector(".badge.text-bg-primary")).getText())
			.isEqualTo("part of the request");
		assertOpensInMoodle(change.findElement(By.linkText(RENAMED)));
		scrollIntoView(change);
		page("engineer-change-found", "en");

		new Select(change.findElement(By.name("kind"))).selectByVisibleText("Production (médiatisation)");
		WebElement note = change.findElement(By.name("note"));
		note.sendKeys(NOTE);
		assertThat(note.getDomProperty("value")).isEqualTo(NOTE);
		clickAndWait(driver.findElement(By.id("rework-" + changeId)), "the change recorded as reworked",
				d -> !d.findElements(By.cssSelector("#reworks + ul .tandem-rework")).isEmpty());
		change = driver.findElement(By.id("change-" + changeId));
		assertThat(text(change)).contains("Reworked for this request, recorded by Eric Engineer.");
		assertThat(driver.findElements(By.id("rework-" + changeId))).isEmpty();
		assertThat(driver.findElements(By.id("not-mine-" + changeId))).isEmpty();
		WebElement rework = rework();
		assertThat(text(rework)).contains(RENAMED + " (Page) Production (médiatisation)", NOTE,
				"Recorded by Eric Engineer on ");
		scrollIntoView(driver.findElement(By.id("reworks")));
		page("engineer-reworked", "en");
	}

	@Test
	@Order(4)
	void teacherSeesTheRenamedPageAndTheReworkInEnglish() {
		openCourse("?locale=en");
		launch("teacher", "Help with your course");
		clickAndWait(driver.findElement(By.linkText("Ask for help")), "the request form in English",
				titled("Ask for help"));
		// The form reads the course anew: the page has its new name.
		search("présentation");
		waitInFrame("only the renamed page found", d -> shownParts().equals(List.of("Introduction", RENAMED)));
		assertThat(label(target("M:" + PAGE)).getText()).isEqualTo(RENAMED + " (Page)");
		page("teacher-form-en", "en");

		clickAndWait(driver.findElement(By.linkText("Cancel")), "the teacher's page", titled("Help with your course"));
		clickAndWait(requestRow("Requests on this course", TITLE).findElement(By.linkText(TITLE)),
				"the request from the course's list", titled(TITLE));
		WebElement rework = rework();
		assertThat(text(rework)).startsWith(RENAMED + " (Page) Production (médiatisation) Renamed")
			.contains(NOTE, "Recorded by Eric Engineer on ");
		assertOpensInMoodle(rework.findElement(By.linkText(RENAMED)));
		scrollIntoView(driver.findElement(By.id("course")));
		page("teacher-sees-rework-en", "en");
	}

	@Test
	@Order(5)
	void teacherSeesTheReworkAndOpensItInMoodle() {
		openCourse("");
		launch("teacher", "De l’aide pour votre cours");
		clickAndWait(requestRow("Demandes sur ce cours", TITLE).findElement(By.linkText(TITLE)),
				"the request from the course's list", titled(TITLE));
		assertThat(frameUrl()).contains(requestPath + "?session=");
		// The teacher sees what was done, not the engineers' list of changes.
		assertThat(driver.findElements(By.id("changes"))).isEmpty();
		assertThat(driver.findElements(By.id("check-course"))).isEmpty();
		WebElement rework = rework();
		assertThat(text(rework)).startsWith(RENAMED + " (Page) Médiatisation (production) Renommé")
			.contains(NOTE, "Enregistré par Eric Engineer le ");
		assertThat(rework.findElement(By.cssSelector(".tandem-text")).getText()).isEqualTo(NOTE);
		WebElement link = rework.findElement(By.linkText(RENAMED));
		assertOpensInMoodle(link);
		scrollIntoView(driver.findElement(By.id("reworks")));
		page("teacher-sees-rework", "fr");

		driver.switchTo().defaultContent();
		WebElement course = driver.findElement(By.tagName("html"));
		enterFrame();
		scrollIntoView(link);
		link.click();
		driver.switchTo().defaultContent();
		waitAtTop("the course page left", ExpectedConditions.stalenessOf(course));
		// Moodle's page, here the demo's, which sends it back to the course.
		waitAtTop("the demo course, back at the top", d -> (DEMO + "/demo").equals(d.getCurrentUrl()));
		WebElement renamed = driver.findElement(By.id("module-" + PAGE + "-name"));
		assertThat(renamed.getText()).isEqualTo(RENAMED);
		scrollIntoView(renamed);
		shot("moodle-opened");
	}

	// The demo course's panel, at the top.

	/**
	 * Renames the page as a teacher does in Moodle, and waits for the course page to show
	 * it.
	 */
	private static void renameInTheCoursePanel(String name) {
		driver.switchTo().defaultContent();
		WebElement field = driver.findElement(By.id("rename-" + PAGE));
		scrollIntoView(field);
		field.clear();
		field.sendKeys(name);
		WebElement course = driver.findElement(By.tagName("html"));
		WebElement panel = driver.findElement(By.id("demo-panel"));
		String tandem = tandemFrameUrl();
		driver.findElement(By.id("rename-" + PAGE + "-submit")).click();
		waitAtTop("the course panel redrawn", ExpectedConditions.stalenessOf(panel));
		waitAtTop("the page renamed in the course panel",
				d -> name.equals(d.findElement(By.id("module-" + PAGE + "-name")).getText()));
		// Edited in place, as in Moodle: the course page stays, and Tandem's frame with
		// it.
		assertThat(driver.findElement(By.tagName("html"))).isEqualTo(course);
		assertThat(tandemFrameUrl()).isEqualTo(tandem);
	}

	/** The page Tandem's frame shows, read from inside it. */
	private static String tandemFrameUrl() {
		enterFrame();
		String url = (String) ((JavascriptExecutor) driver).executeScript("return location.href");
		driver.switchTo().defaultContent();
		return url;
	}

	/**
	 * Waits, on the course page at the top, until the condition holds; a timeout leaves a
	 * screenshot.
	 */
	private static <T> T waitAtTop(String what, Function<WebDriver, T> condition) {
		try {
			return new WebDriverWait(driver, PAGE_TIMEOUT).pollingEvery(Duration.ofMillis(100))
				.ignoring(StaleElementReferenceException.class)
				.ignoring(NoSuchElementException.class)
				.until(condition);
		}
		catch (TimeoutException ex) {
			String where = driver.getCurrentUrl();
			screenshot("failed-" + what.replace(' ', '-'));
			throw new AssertionError("Waited " + PAGE_TIMEOUT.toSeconds() + " s in vain for " + what
					+ "; the window shows " + where + "\nBrowser console:\n" + console(), ex);
		}
	}

	// What a person does inside the frame.

	private static void search(String text) {
		WebElement filter = driver.findElement(By.id("parts-filter"));
		scrollIntoView(filter);
		filter.clear();
		filter.sendKeys(text);
	}

	/** The names of the sections and activities the course picker shows, in order. */
	private static List<String> shownParts() {
		return driver.findElements(By.cssSelector("#parts-list input[name=targets]"))
			.stream()
			.filter(WebElement::isDisplayed)
			.map(CourseLoopBrowserIT::partName)
			.toList();
	}

	/** A section's label is its name; an activity's holds its name, then its type. */
	private static String partName(WebElement box) {
		WebElement label = label(box);
		List<WebElement> name = label.findElements(By.tagName("span"));
		return name.isEmpty() ? label.getText() : name.get(0).getText();
	}

	private static WebElement target(String key) {
		return driver.findElement(By.cssSelector("#parts-list input[name=targets][value='" + key + "']"));
	}

	private static WebElement label(WebElement box) {
		return driver.findElement(By.cssSelector("label[for='" + box.getDomAttribute("id") + "']"));
	}

	/** Ticks a part of the course by its label, as a person does. */
	private static void tick(WebElement box) {
		WebElement label = label(box);
		scrollIntoView(label);
		label.click();
	}

	/** The one rework of the request, under "Reworked for this request". */
	private static WebElement rework() {
		List<WebElement> reworks = driver.findElements(By.cssSelector("#reworks + ul .tandem-rework"));
		assertThat(reworks).as("reworks of the request").hasSize(1);
		return reworks.get(0);
	}

	/** What an element shows, its lines and spaces as single spaces. */
	private static String text(WebElement element) {
		return element.getText().replaceAll("\\s+", " ").trim();
	}

	/** A link to the page in Moodle opens in the whole window, out of the frame. */
	private static void assertOpensInMoodle(WebElement link) {
		assertThat(link.getDomAttribute("href")).isEqualTo(PAGE_IN_MOODLE);
		assertThat(link.getDomAttribute("target")).isEqualTo("_top");
	}

}
