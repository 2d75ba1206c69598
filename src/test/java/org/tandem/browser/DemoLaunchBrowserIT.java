package org.tandem.browser;

import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo course in a real browser, as a person uses it: the course page on 127.0.0.1
 * frames Tandem on localhost (another site), the launch buttons post into the frame, and
 * Tandem's page must appear there although the browser blocks third-party cookies, as
 * Chrome, Safari and Firefox do or may do under Moodle. Tandem keeps its session in the
 * page's links, never in a cookie; this test shows it holds in a browser. The set-up
 * (Tandem, the demo platform, Chromium) is in {@link BrowserSupport}; screenshots of
 * every page visited go to {@code target/screenshots/}.
 */
class DemoLaunchBrowserIT extends BrowserSupport {

	@AfterEach
	void forgetCookies() {
		// Each test starts with a browser that holds no cookie, whatever the previous
		// did.
		driver.switchTo().defaultContent();
		driver.executeCdpCommand("Network.clearBrowserCookies", Map.of());
	}

	@Test
	void teacherReachesTheTeacherPageInsideTheCrossSiteFrameWithThirdPartyCookiesBlocked() {
		keepTandemCookieAtTop();

		openCourse("");
		// Control on the course page (127.0.0.1, first party): cookies are kept, so their
		// absence in the frame below is third-party blocking, not a browser refusing all.
		assertThat(cookiesAfterSetting("course_none=1; SameSite=None; Secure; Path=/", "course_plain=1; Path=/"))
			.as("cookies of the course page, first party at the top")
			.contains("course_none", "course_plain");
		assertThat(driver.findElement(By.tagName("header")).getText()).contains("BIO101 · Biologie cellulaire");
		screenshot("demo-course");

		launch("teacher", "De l’aide pour votre cours");

		assertThat(frameUrl()).startsWith(TANDEM + "/").contains("/teacher?session=");
		assertThat(frameText()).contains("Tina Teacher", "Biologie cellulaire", "Enseignant·e");
		assertFrameCookiesBlocked();
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

		launch("administrator", "Tandem sur Tandem demo platform");

		assertThat(frameUrl()).startsWith(TANDEM + "/").contains("/admin?session=");
		assertThat(frameText()).contains("Admin User", "Administrateur·rice", "Ingénieur·e·s pédagogiques du site",
				"Eric Engineer", "Vue du cours (services web de Moodle)", "127.0.0.1");
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

}
