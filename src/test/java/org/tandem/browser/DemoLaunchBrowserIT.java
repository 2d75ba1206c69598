package org.tandem.browser;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
		profile = Files.createTempDirectory("tandem-chromium-");
		Files.createDirectories(SCREENSHOTS);

		ChromeOptions options = new ChromeOptions();
		options.setBinary(chromium);
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-quic", "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
				"--disable-component-update", "--disable-sync", "--disable-extensions",
				"--disable-search-engine-choice-screen", "--password-store=basic", "--window-size=1280,1000",
				"--user-data-dir=" + profile.toAbsolutePath());
		// Third-party cookies blocked, as the strictest browsers do: cookie_controls_mode 1
		// is Chrome's "Block third-party cookies" setting (0 allows them, 2 only in
		// incognito); block_third_party_cookies is its older form.
		options.setExperimentalOption("prefs",
				Map.of("profile.cookie_controls_mode", 1, "profile.block_third_party_cookies", true));

		org.openqa.selenium.logging.LoggingPreferences logs = new org.openqa.selenium.logging.LoggingPreferences();
		logs.enable(org.openqa.selenium.logging.LogType.BROWSER, java.util.logging.Level.ALL);
		logs.enable(org.openqa.selenium.logging.LogType.PERFORMANCE, java.util.logging.Level.ALL);
		options.setCapability("goog:loggingPrefs", logs);
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
		// Control: a first-party cookie on Tandem's site, at the top, is kept. Were
		// third-party cookies allowed, the frame below would see it (it is SameSite=None).
		driver.get(TANDEM + "/css/tandem.css");
		assertThat(script("document.cookie = 'tandem_first_party=1; SameSite=None; Secure'; return document.cookie;"))
			.as("a first-party cookie set at the top on localhost")
			.contains("tandem_first_party=1");

		openCourse("");
		// Control: first-party cookies work on the course page, so the absence of the
		// probes below is third-party blocking, not a browser refusing every cookie.
		assertThat(script("document.cookie = 'course_probe=1; SameSite=None; Secure'; "
				+ "document.cookie = 'course_plain=1'; return document.cookie;"))
			.as("first-party cookies on the course page (127.0.0.1)")
			.contains("course_probe=1", "course_plain=1");
		screenshot("demo-course");

		launch("teacher", "De l’aide pour votre cours");

		assertThat(frameUrl()).startsWith(TANDEM + "/").contains("/teacher?session=");
		assertThat(frameText()).contains("Tina Teacher", "Biologie cellulaire", "BIO101", "Enseignant·e");
		// Third-party cookies are blocked in the frame: the localhost cookie set at the top
		// is not visible, and the frame cannot set one, with or without SameSite=None.
		assertThat(script("return document.cookie;")).as("cookies readable in the cross-site frame")
			.doesNotContain("tandem_first_party");
		assertThat(script("document.cookie = 'probe=1; SameSite=None; Secure'; "
				+ "document.cookie = 'probe_plain=1'; return document.cookie;"))
			.as("cookies the cross-site frame tried to set")
			.doesNotContain("probe=1")
			.doesNotContain("probe_plain=1");
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
		assertThat(driver.findElement(By.id("launch-teacher")).getText()).isEqualTo("Open as the teacher (Tina)");
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
			driver.manage().logs().get("browser").forEach(e -> System.err.println("BROWSER " + e));
			driver.manage().logs().get("performance").forEach(e -> { if (e.getMessage().contains("Network.requestWillBeSent\"") || e.getMessage().contains("loadingFailed") || e.getMessage().contains("responseReceived\"")) System.err.println("PERF " + e.getMessage().substring(0, Math.min(600, e.getMessage().length()))); });
			screenshot("failed-" + person);
			throw new AssertionError("No \"" + title + "\" in the frame after launching as " + person + " within "
					+ LAUNCH_TIMEOUT.toSeconds() + " s; the frame shows " + where, ex);
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
