package org.tandem.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchFrameException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo course in a real browser, as a person uses it: the course page on 127.0.0.1
 * frames Tandem on localhost (another site), the launch buttons post into the frame, and
 * Tandem's page must appear there although the browser blocks third-party cookies, as
 * Chrome, Safari and Firefox do or may do under Moodle. Tandem keeps its session in the
 * page's links, never in a cookie; this test shows it holds in a browser.
 * <p>
 * Needs Chromium and its driver ({@code apt-get install chromium chromium-driver}); their
 * paths can be changed with the {@code chrome.bin} / {@code CHROME_BIN} and
 * {@code webdriver.chrome.driver} / {@code CHROMEDRIVER} settings. Selenium Manager is
 * never used, so nothing is downloaded. Screenshots of every page visited go to
 * {@code target/screenshots/}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("demo")
class DemoLaunchBrowserIT {

	private static final int PORT = freePort();

	/** Tandem's site. */
	private static final String TANDEM = "http://localhost:" + PORT;

	/** The demo platform's site: another site than Tandem's, as a Moodle is. */
	private static final String DEMO = "http://127.0.0.1:" + PORT;

	private static final String FRAME = "tandem";

	private static final Duration LAUNCH_TIMEOUT = Duration.ofSeconds(15);

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	/**
	 * Selenium looks for a CDP binding matching the browser and warns when it has none;
	 * this test needs none ({@code executeCdpCommand} goes through chromedriver). Held here
	 * so that the level set on them stays.
	 */
	private static final List<Logger> QUIET = List.of(Logger.getLogger("org.openqa.selenium.devtools.CdpVersionFinder"),
			Logger.getLogger("org.openqa.selenium.chromium.ChromiumDriver"));

	private static ChromeDriver driver;

	private static Path profile;

	@DynamicPropertySource
	static void tandem(DynamicPropertyRegistry properties) {
		// No server.address: Tomcat listens on every address, so localhost and 127.0.0.1
		// both reach it (Chromium may resolve localhost to ::1).
		properties.add("server.port", () -> PORT);
		properties.add("tandem.base-url", () -> TANDEM);
		properties.add("tandem.demo.site-url", () -> DEMO);
		properties.add("spring.datasource.url", () -> "jdbc:h2:mem:browser-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
		properties.add("tandem.lti.platforms-dir", () -> "target/no-platform-files");
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
				"--disable-search-engine-choice-screen", "--password-store=basic", "--window-size=1280,1000",
				"--lang=en-US", "--user-data-dir=" + profile.toAbsolutePath());
		// Third-party cookies blocked, as the strictest browsers do: cookie_controls_mode 1
		// is Chrome's "Block third-party cookies" setting (0 allows them, 2 only in
		// incognito); block_third_party_cookies is its older form. The browser speaks
		// English, so that French pages show the launch's locale wins.
		options.setExperimentalOption("prefs", Map.of("profile.cookie_controls_mode", 1,
				"profile.block_third_party_cookies", true, "intl.accept_languages", "en-US,en"));

		// The console (CSP violations, failed loads) goes into the message of a failed launch.
		LoggingPreferences logs = new LoggingPreferences();
		logs.enable(LogType.BROWSER, Level.ALL);
		options.setCapability(ChromeOptions.LOGGING_PREFS, logs);

		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(chromedriver))
			.usingAnyFreePort()
			.withSilent(true)
			.build();
		driver = new ChromeDriver(service, options);
		driver.manage().timeouts().pageLoadTimeout(LAUNCH_TIMEOUT).scriptTimeout(Duration.ofSeconds(5));
	}

	@AfterEach
	void forgetCookies() {
		// Each test starts with a browser that holds no cookie, whatever the previous did.
		driver.switchTo().defaultContent();
		driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
	}

	@AfterAll
	static void stopBrowser() {
		try {
			if (driver != null) {
				driver.quit();
			}
		}
		finally {
			if (profile != null) {
				FileSystemUtils.deleteRecursively(profile.toFile());
			}
		}
	}

	@Test
	void teacherReachesTheTeacherPageInsideTheCrossSiteFrameWithThirdPartyCookiesBlocked() {
		// Control on Tandem's site, at the top: a first-party cookie is kept. It is
		// SameSite=None, so were third-party cookies allowed the frame below would see it.
		driver.get(TANDEM + "/css/tandem.css");
		assertThat(cookiesAfterSetting("tandem_top=1; SameSite=None; Secure; Path=/"))
			.as("cookies of localhost, first party at the top")
			.contains("tandem_top");

		openCourse("");
		// Control on the course page (127.0.0.1, first party): cookies are kept, so their
		// absence in the frame below is third-party blocking, not a browser refusing all.
		assertThat(cookiesAfterSetting("course_none=1; SameSite=None; Secure; Path=/", "course_plain=1; Path=/"))
			.as("cookies of the course page, first party at the top")
			.contains("course_none", "course_plain");
		screenshot("demo-course");

		launch("teacher", "De l’aide pour votre cours");

		assertThat(frameUrl()).startsWith(TANDEM + "/").contains("/teacher?session=");
		assertThat(frameText()).contains("Tina Teacher", "Biologie cellulaire", "BIO101", "Enseignant·e");
		// In the cross-site frame, third-party cookies are blocked: localhost's own cookie,
		// set at the top, is hidden, and a cookie the frame sets is dropped. Both probes
		// fail when the two prefs above are turned off (checked: with cookie_controls_mode
		// 0, the frame reads tandem_top and keeps frame_none). frame_plain has no SameSite,
		// so Lax, which a cross-site frame may not set even when third-party cookies are
		// allowed: it is checked for completeness, frame_none is the probe that matters.
		assertThat(cookiesAfterSetting()).as("cookies the cross-site frame can read").doesNotContain("tandem_top");
		assertThat(cookiesAfterSetting("frame_none=1; SameSite=None; Secure; Path=/", "frame_plain=1; Path=/"))
			.as("cookies the cross-site frame tried to set")
			.doesNotContain("frame_none", "frame_plain");
		// Tandem's links inside the frame carry the session, not a cookie.
		WebElement teacherTab = driver.findElement(By.cssSelector("a.nav-link.active"));
		assertThat(teacherTab.getDomProperty("href")).startsWith(TANDEM + "/teacher?session=");
		screenshot("demo-teacher");
	}

	@Test
	void learnerIsToldInsideTheFrameThatTandemIsForTeachingStaff() {
		openCourse("");

		launch("learner", "Tandem est réservé à l’équipe pédagogique");

		assertThat(frameUrl()).startsWith(TANDEM + "/").contains("/learner?session=");
		assertThat(frameText()).contains("Sam Student", "Biologie cellulaire");
		screenshot("demo-learner");
	}

	@Test
	void engineerReachesTheEngineerPageInsideTheFrame() {
		openCourse("");

		launch("engineer", "Demandes d’aide");

		assertThat(frameUrl()).startsWith(TANDEM + "/").contains("/engineer?session=");
		assertThat(frameText()).contains("Eric Engineer", "Biologie cellulaire", "Ingénieur·e pédagogique");
		screenshot("demo-engineer");
	}

	@Test
	void administratorReachesTheAdministrationPageInsideTheFrame() {
		openCourse("");

		launch("administrator", "Administration de Tandem");

		assertThat(frameUrl()).startsWith(TANDEM + "/").contains("/admin?session=");
		assertThat(frameText()).contains("Admin User", "Administrateur·rice");
		screenshot("demo-administrator");
	}

	@Test
	void englishCourseLaunchesTandemInEnglish() {
		openCourse("?locale=en");
		assertThat(driver.findElement(By.linkText("English")).getDomAttribute("aria-current")).isEqualTo("true");
		screenshot("demo-course-en");

		launch("teacher", "Help with your course");

		assertThat(frameUrl()).startsWith(TANDEM + "/").contains("/teacher?session=");
		assertThat(frameText()).contains("Tina Teacher", "Biologie cellulaire", "Teacher");
		assertThat(script("return document.documentElement.lang;")).isEqualTo("en");
		screenshot("demo-teacher-en");
	}

	/** The course page, at the top, on the demo platform's site. */
	private static void openCourse(String query) {
		driver.switchTo().defaultContent();
		driver.get(DEMO + "/demo" + query);
		assertThat(driver.getCurrentUrl()).isEqualTo(DEMO + "/demo" + query);
		assertThat(driver.findElement(By.cssSelector("iframe[name=" + FRAME + "]")).isDisplayed()).isTrue();
	}

	/**
	 * Clicks a launch button of the course page and waits, inside the frame, for Tandem's
	 * page with the given title. Leaves the driver in the frame.
	 */
	private static void launch(String person, String title) {
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
					List<WebElement> headings = d.findElements(By.tagName("h1"));
					return !headings.isEmpty() && title.equals(headings.get(0).getText());
				});
		}
		catch (TimeoutException ex) {
			String where = describeFrame();
			screenshot("failed-" + person);
			throw new AssertionError("No \"" + title + "\" in the frame after launching as " + person + " within "
					+ LAUNCH_TIMEOUT.toSeconds() + " s; the frame shows " + where + "\nBrowser console:\n"
					+ console(), ex);
		}
	}

	private static String describeFrame() {
		try {
			driver.switchTo().defaultContent();
			driver.switchTo().frame(FRAME);
			return frameUrl() + ":\n" + frameText();
		}
		catch (WebDriverException ex) {
			return "nothing readable (" + ex.getClass().getSimpleName() + ")";
		}
	}

	private static String console() {
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
	 * Sets cookies from the current document, as a page script would, and returns the
	 * names of the cookies the document then sees.
	 */
	private static List<String> cookiesAfterSetting(String... cookies) {
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

	private static String frameUrl() {
		return script("return location.href;");
	}

	private static String frameText() {
		return driver.findElement(By.tagName("body")).getText();
	}

	private static String script(String script) {
		Object result = ((JavascriptExecutor) driver).executeScript(script);
		return result == null ? null : result.toString();
	}

	/**
	 * The whole window, the course page and the frame in it, as a person sees it. Leaves
	 * the driver on the course page.
	 */
	private static void screenshot(String name) {
		driver.switchTo().defaultContent();
		byte[] png = driver.getScreenshotAs(OutputType.BYTES);
		try {
			Files.write(SCREENSHOTS.resolve(name + ".png"), png);
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
