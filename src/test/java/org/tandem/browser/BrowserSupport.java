package org.tandem.browser;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchFrameException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.webjars.WebJarVersionLocator;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the browser tests share: Tandem with the demo platform on a free port, the course
 * page on 127.0.0.1 framing Tandem on localhost (another site, as a Moodle frames it),
 * and a headless Chromium that blocks third-party cookies, as Chrome, Safari and Firefox
 * do or may do under Moodle.
 * <p>
 * Every subclass gets the same Spring context (same settings, so the test context cache
 * hands it over): Tandem starts once for all the browser tests, on one port, with one
 * in-memory database. Each subclass gets its own browser, with a fresh profile.
 * <p>
 * Needs Chromium and its driver ({@code apt-get install chromium chromium-driver}); their
 * paths can be changed with the {@code chrome.bin} / {@code CHROME_BIN} and
 * {@code webdriver.chrome.driver} / {@code CHROMEDRIVER} settings. Selenium Manager is
 * never used, so nothing is downloaded. Screenshots go to {@code target/screenshots/}.
 * <p>
 * axe-core, from its WebJar, judges the pages: {@link #assertAccessible(String)} fails on
 * any violation of its rules, and {@link #inspect(String)} looks at a page at the widths
 * of Moodle's iframe on a desktop and on a small laptop.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("demo")
abstract class BrowserSupport {

	static final int PORT = freePort();

	/** Tandem's site. */
	static final String TANDEM = "http://localhost:" + PORT;

	/** The demo platform's site: another site than Tandem's, as a Moodle is. */
	static final String DEMO = "http://127.0.0.1:" + PORT;

	static final String FRAME = "tandem";

	static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(15);

	/** A page of Tandem after a click inside the frame. */
	static final Duration PAGE_TIMEOUT = Duration.ofSeconds(10);

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/** The browser's window, as wide as a desktop; {@link #inspect} narrows it too. */
	static final Dimension WINDOW = new Dimension(1280, 1000);

	/**
	 * The widths a page is looked at: a desktop's, and a small laptop's where Moodle's
	 * course page leaves Tandem's frame about 770 px.
	 */
	static final List<Integer> WIDTHS = List.of(1280, 800);

	/** axe-core itself, injected into each document it judges. */
	private static final String AXE = axeScript();

	/**
	 * Runs axe-core on the document with every rule it has (WCAG 2.1 A and AA, and its
	 * best practices), not into frames (each document is judged on its own), and answers
	 * one line per element at fault: rule, impact, help, where, and what to change.
	 */
	private static final String RUN_AXE = """
			const done = arguments[arguments.length - 1];
			axe.run(document, { iframes: false, resultTypes: ['violations'] })
			  .then(results => done(results.violations.flatMap(rule => rule.nodes.map(node =>
			    rule.id + ' (' + rule.impact + '): ' + rule.help + ' <' + rule.helpUrl + '>\\n'
			    + '    at ' + node.target.join(' ') + ' ' + node.html.substring(0, 160) + '\\n'
			    + '    ' + node.failureSummary.replace(/\\n\\s*/g, ' ')))))
			  .catch(error => done(['axe-core could not run: ' + error]));
			""";

	/**
	 * Selenium looks for a CDP binding matching the browser and warns when it has none;
	 * these tests need none ({@code executeCdpCommand} goes through chromedriver). Held
	 * here so that the level set on them stays.
	 */
	private static final List<Logger> QUIET = List.of(Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
			Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

	static ChromeDriver driver;

	private static Path profile;

	@DynamicPropertySource
	static void tandem(DynamicPropertyRegistry properties) {
		// No server.address: Tomcat listens on every address, so localhost and 127.0.0.1
		// both reach it (Chromium may resolve localhost to ::1).
		properties.add("server.port", () -> PORT);
		properties.add("tandem.base-url", () -> TANDEM);
		properties.add("tandem.demo.site-url", () -> DEMO);
		properties.add("spring.datasource.url",
				() -> "jdbc:h2:mem:browser-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		properties.add("tandem.lti.platforms-dir", () -> "target/no-platform-files");
		// the demo mailbox shows each change alone, within a second
		properties.add("tandem.mail.batch-window", () -> "0s");
		properties.add("tandem.mail.poll-interval", () -> "500ms");
	}

	@BeforeAll
	static void startBrowser() throws IOException {
		String chromedriver = setting("webdriver.chrome.driver", "CHROMEDRIVER", "/usr/bin/chromedriver");
		String chromium = setting("chrome.bin", "CHROME_BIN", "/usr/bin/chromium");
		// A driver given explicitly: Selenium Manager never runs, nothing is downloaded.
		System.setProperty("webdriver.chrome.driver", chromedriver);
		QUIET.forEach(logger -> logger.setLevel(Level.SEVERE));
		profile = Files.createTempDirectory("tandem-chromium-");
		Files.createDirectories(SCREENSHOTS);

		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--disable-extensions",
				"--disable-search-engine-choice-screen", "--password-store=basic",
				"--window-size=" + WINDOW.getWidth() + "," + WINDOW.getHeight(), "--lang=en-US",
				"--user-data-dir=" + profile.toAbsolutePath());
		// Third-party cookies blocked, as the strictest browsers do: cookie_controls_mode
		// 1 is Chrome's "Block third-party cookies" setting (0 allows them, 2 only in
		// incognito); block_third_party_cookies is its older form. The browser speaks
		// English, so that French pages show the launch's locale wins.
		options.setExperimentalOption("prefs", Map.of("profile.cookie_controls_mode", 1,
				"profile.block_third_party_cookies", true, "intl.accept_languages", "en-US,en"));

		// The console (CSP violations, failed loads) goes into the message of a failed
		// wait.
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability(ChromeOptions.LOGGING_PREFS, logs);

		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver))
			.usingAnyFreePort()
			.withSilent(true)
			.build();
		driver = new ChromeDriver(service, options);
		// axe-core takes a few seconds on the longest pages.
		driver.manage().timeouts().pageLoadTimeout(LAUNCH_TIMEOUT).scriptTimeout(Duration.ofSeconds(30));
	}

	@AfterAll
	static void stopBrowser() {
		try {
			if (driver != null) {
				driver.quit();
			}
		}
		finally {
			driver = null;
			if (profile != null) {
				FileSystemUtils.deleteRecursively(profile.toFile());
			}
		}
	}

	/** The course page, at the top, on the demo platform's site. */
	static void openCourse(String query) {
		driver.switchTo().defaultContent();
		driver.get(DEMO + "/demo" + query);
		assertThat(driver.getCurrentUrl()).isEqualTo(DEMO + "/demo" + query);
		assertThat(driver.findElement(By.cssSelector("iframe[name=" + FRAME + "]")).isDisplayed()).isTrue();
	}

	/**
	 * Clicks a launch button of the course page (leaving the frame first if needed) and
	 * waits, inside the frame, for Tandem's page with the given title. Leaves the driver
	 * in the frame.
	 */
	static void launch(String person, String title) {
		driver.switchTo().defaultContent();
		driver.findElement(By.id("launch-" + person)).click();
		try {
			new WebDriverWait(driver, LAUNCH_TIMEOUT).pollingEvery(Duration.ofMillis(100))
				.ignoring(NoSuchFrameException.class)
				.ignoring(StaleElementReferenceException.class)
				.until(d -> {
					// The frame goes through several documents (login, platform, launch,
					// continue): enter it afresh each time.
					d.switchTo().defaultContent();
					d.switchTo().frame(FRAME);
					return title.equals(heading(d));
				});
		}
		catch (TimeoutException ex) {
			String where = describeFrame();
			screenshot("failed-" + person);
			throw new AssertionError("No \"" + title + "\" in the frame after launching as " + person + " within "
					+ LAUNCH_TIMEOUT.toSeconds() + " s; the frame shows " + where + "\nBrowser console:\n" + console(),
					ex);
		}
	}

	/** Enters Tandem's frame from the course page. */
	static void enterFrame() {
		driver.switchTo().defaultContent();
		driver.switchTo().frame(FRAME);
	}

	/**
	 * Waits, inside the frame, until the condition holds; a timeout says what the frame
	 * shows, and leaves a screenshot named {@code failed-<what>}.
	 */
	static <T> T waitInFrame(String what, Function<WebDriver, T> condition) {
		try {
			return new WebDriverWait(driver, PAGE_TIMEOUT).pollingEvery(Duration.ofMillis(100))
				.ignoring(StaleElementReferenceException.class)
				.until(condition);
		}
		catch (TimeoutException ex) {
			String where = describeFrame();
			screenshot("failed-" + what);
			throw new AssertionError("Waited " + PAGE_TIMEOUT.toSeconds() + " s in vain for " + what
					+ "; the frame shows " + where + "\nBrowser console:\n" + console(), ex);
		}
	}

	/**
	 * Clicks something inside the frame that loads another page of Tandem there, and
	 * waits for that page: the old document gone, then the condition true on the new one.
	 */
	static <T> T clickAndWait(WebElement element, String what, Function<WebDriver, T> condition) {
		WebElement old = driver.findElement(By.tagName("html"));
		scrollIntoView(element);
		element.click();
		waitInFrame(what + " (leaving the page)", ExpectedConditions.stalenessOf(old));
		return waitInFrame(what, condition);
	}

	/** The condition "the page's h1 is this title". */
	static Function<WebDriver, Boolean> titled(String title) {
		return d -> title.equals(heading(d));
	}

	/** The first h1 of the current document, or null. */
	static String heading(WebDriver d) {
		List<WebElement> headings = d.findElements(By.tagName("h1"));
		return headings.isEmpty() ? null : headings.get(0).getText();
	}

	/**
	 * Scrolls the element to the middle of the frame at once: Bootstrap makes scrolling
	 * smooth, and a click during the animation lands elsewhere.
	 */
	static void scrollIntoView(WebElement element) {
		((JavascriptExecutor) driver)
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
	}

	static String describeFrame() {
		try {
			enterFrame();
			return frameUrl() + ":\n" + frameText();
		}
		catch (WebDriverException ex) {
			return "nothing readable (" + ex.getClass().getSimpleName() + ")";
		}
	}

	static String console() {
		try {
			return driver.manage()
				.logs()
				.get(LogType.BROWSER)
				.getAll()
				.stream()
				.map(LogEntry::toString)
				.collect(Collectors.joining("\n"));
		}
		catch (WebDriverException ex) {
			return "unreadable (" + ex.getClass().getSimpleName() + ")";
		}
	}

	/**
	 * Control on Tandem's site, at the top: a first-party cookie is kept. It is
	 * SameSite=None, so were third-party cookies allowed, Tandem's frame would see it
	 * (see {@link #assertFrameCookiesBlocked()}). Leaves the browser on Tandem's style
	 * sheet.
	 */
	static void keepTandemCookieAtTop() {
		driver.switchTo().defaultContent();
		driver.get(TANDEM + "/css/tandem.css");
		assertThat(cookiesAfterSetting("tandem_top=1; SameSite=None; Secure; Path=/"))
			.as("cookies of localhost, first party at the top")
			.contains("tandem_top");
	}

	/**
	 * In the cross-site frame, third-party cookies are blocked: localhost's own cookie,
	 * set at the top by {@link #keepTandemCookieAtTop()}, is hidden, and a cookie the
	 * frame sets is dropped. Both probes fail when the prefs of {@link #startBrowser()}
	 * are turned off (checked: with cookie_controls_mode 0, the frame reads tandem_top
	 * and keeps frame_none). frame_plain has no SameSite, so Lax, which a cross-site
	 * frame may not set even when third-party cookies are allowed: it is checked for
	 * completeness, frame_none is the probe that matters. Call inside the frame.
	 */
	static void assertFrameCookiesBlocked() {
		assertThat(cookiesAfterSetting()).as("cookies the cross-site frame can read").doesNotContain("tandem_top");
		assertThat(cookiesAfterSetting("frame_none=1; SameSite=None; Secure; Path=/", "frame_plain=1; Path=/"))
			.as("cookies the cross-site frame tried to set")
			.doesNotContain("frame_none", "frame_plain");
	}

	/**
	 * Sets cookies from the current document, as a page script would, and returns the
	 * names of the cookies the document then sees.
	 */
	static List<String> cookiesAfterSetting(String... cookies) {
		StringBuilder js = new StringBuilder();
		for (String cookie : cookies) {
			js.append("document.cookie = '").append(cookie).append("'; ");
		}
		String all = script(js.append("return document.cookie;").toString());
		return Arrays.stream(all.split(";"))
			.map(String::trim)
			.filter(cookie -> !cookie.isEmpty())
			.map(cookie -> cookie.split("=", 2)[0])
			.toList();
	}

	static String frameUrl() {
		return script("return location.href;");
	}

	static String frameText() {
		return driver.findElement(By.tagName("body")).getText();
	}

	static String script(String script, Object... arguments) {
		Object result = ((JavascriptExecutor) driver).executeScript(script, arguments);
		return result == null ? null : result.toString();
	}

	/**
	 * The whole window, the course page and the frame in it, as a person sees it. Leaves
	 * the driver on the course page.
	 */
	static void screenshot(String name) {
		driver.switchTo().defaultContent();
		byte[] png = driver.getScreenshotAs(OutputType.BYTES);
		try {
			Files.write(SCREENSHOTS.resolve(name + ".png"), png);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * axe-core finds nothing wrong in the current document (the frame's page, or the
	 * course page at the top, without its frame); otherwise fails with one line per
	 * element at fault, and leaves a screenshot named {@code failed-axe-<what>}.
	 */
	static void assertAccessible(String what) {
		if (!"object".equals(script("return typeof window.axe;"))) {
			script(AXE);
		}
		List<?> violations = (List<?>) driver.executeAsyncScript(RUN_AXE);
		if (!violations.isEmpty()) {
			String url = script("return location.href;");
			screenshot("failed-axe-" + what.replaceAll("[^\\p{Alnum}]+", "-"));
			throw new AssertionError("axe-core finds " + violations.size() + " violations on " + what + " (" + url
					+ "):\n" + violations.stream().map(String::valueOf).collect(Collectors.joining("\n")));
		}
	}

	/**
	 * Looks at the page in the frame as people see it at each of the {@link #WIDTHS}: it
	 * passes axe-core, it never scrolls sideways (a wide table scrolls in its own box),
	 * and its screenshot goes to {@code <page>-<lang>-<width>.png}. Leaves the driver in
	 * the frame, the window as wide as before.
	 */
	static void inspect(String page) {
		inspect(page, BrowserSupport::enterFrame);
	}

	/**
	 * Looks at the course page at the top, as {@link #inspect(String)} does at Tandem's
	 * pages: the frame is judged there, not here. Leaves the driver at the top.
	 */
	static void inspectCoursePage() {
		inspect("demo-course", () -> driver.switchTo().defaultContent());
	}

	private static void inspect(String page, Runnable enter) {
		try {
			for (int width : WIDTHS) {
				driver.manage().window().setSize(new Dimension(width, WINDOW.getHeight()));
				enter.run();
				String lang = script("return document.documentElement.lang;");
				String name = page + "-" + lang + "-" + width;
				assertAccessible(name);
				assertThat(
						script("return document.documentElement.scrollWidth - document.documentElement.clientWidth;"))
					.as("how far %s scrolls sideways, in px", name)
					.isEqualTo("0");
				screenshot(name);
			}
		}
		finally {
			driver.manage().window().setSize(WINDOW);
			enter.run();
		}
	}

	private static String axeScript() {
		String path = new WebJarVersionLocator().fullPath("axe-core", "axe.min.js");
		assertThat(path).as("axe-core's WebJar on the test class path").isNotNull();
		try (InputStream in = BrowserSupport.class.getClassLoader().getResourceAsStream(path)) {
			assertThat(in).as("axe-core in its WebJar, at %s", path).isNotNull();
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String setting(String property, String environment, String fallback) {
		String value = System.getProperty(property);
		if (value == null || value.isBlank()) {
			value = System.getenv(environment);
		}
		return (value == null || value.isBlank()) ? fallback : value;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
