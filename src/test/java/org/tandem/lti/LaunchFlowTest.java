package org.tandem.lti;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The whole launch over HTTP, as Moodle drives it: login form, redirect to the platform,
 * signed id_token posted back, landing page. Claims are those a real Moodle sent.
 */
class LaunchFlowTest extends LaunchTestSupport {

	@Test
	void loginRedirectsToThePlatformWithEverythingMoodleRequires() {
		LaunchClient.Login login = client.login("teacher");

		assertThat(login.location().toString()).startsWith(PLATFORM.issuer() + "/mod/lti/auth.php?");
		assertThat(login.params()).containsEntry("scope", "openid")
			.containsEntry("response_type", "id_token")
			.containsEntry("response_mode", "form_post")
			.containsEntry("prompt", "none")
			.containsEntry("client_id", TestPlatform.CLIENT_ID)
			.containsEntry("redirect_uri", TANDEM + "/lti/launch")
			.containsEntry("login_hint", "3")
			.containsEntry("lti_message_hint", "{\"cmid\":2,\"launchid\":\"ltilaunch1_1225863948\"}");
		assertThat(login.state()).hasSizeGreaterThanOrEqualTo(43);
		assertThat(login.nonce()).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(login.state());
	}

	@Test
	void loginAlsoWorksWithGet() {
		var form = client.loginForm("teacher");
		var response = client.get("/lti/login?" + LaunchClient.encode(form), "cross-site");

		assertThat(response.statusCode()).isEqualTo(302);
		assertThat(response.headers().firstValue("Location").orElseThrow()).startsWith(PLATFORM.issuer());
	}

	@Test
	void teacherLandsOnTheTeacherPageOfTheirCourse() {
		LaunchClient.Page page = client.launchAs("teacher");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.url()).contains("/teacher?session=");
		assertThat(page.body()).contains("Help with your course", "Tina Teacher", "LTI Lab Course", "Ask for help");
	}

	@Test
	void nonEditingTeacherIsATeacherToo() {
		LaunchClient.Page page = client.launchAs("noneditingteacher", claims -> {
			claims.put("sub", "6");
			claims.put("email", "another.teacher@example.com");
		});

		assertThat(page.url()).contains("/teacher?session=");
	}

	@Test
	void designatedEngineerLaunchingAsInstructorLandsOnTheEngineerPage() {
		// engineer1 of the capture: a non-editing teacher in Moodle, designated by user
		// id.
		LaunchClient.Page page = client.launchAs("noneditingteacher");

		assertThat(page.url()).contains("/engineer?session=");
		assertThat(page.body()).contains("Requests for help", "Engineer", "Teacher");
	}

	@Test
	void engineerIsAlsoKnownByEmailWhateverItsCase() {
		LaunchClient.Page page = client.launchAs("teacher", claims -> claims.put("email", "igp@EXAMPLE.com"));

		assertThat(page.url()).contains("/engineer?session=");
	}

	@Test
	void siteAdministratorLandsOnTheAdministrationPage() {
		LaunchClient.Page page = client.launchAs("siteadmin");

		assertThat(page.url()).contains("/admin?session=");
		assertThat(page.body()).contains("Instructional designers of the site", "Administrator");
	}

	@Test
	void learnerIsToldKindlyThatTandemIsForTeachingStaff() {
		LaunchClient.Page page = client.launchAs("student");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.url()).contains("/learner?session=");
		assertThat(page.body()).contains("Tandem is for teaching staff");
	}

	@Test
	void learnerCannotOpenTheTeacherPage() {
		LaunchClient.Page learner = client.launchAs("student");

		LaunchClient.Page teacherPage = client.open("/teacher?session=" + learner.sessionId());

		assertThat(teacherPage.status()).isEqualTo(403);
	}

	@Test
	void deepLinkingRequestIsRecognised() {
		LaunchClient.Page page = client.launchAs("teacher-deeplinking");

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.url()).contains("/deep-linking?session=");
	}

	@Test
	void launchRecordsThePersonAndTheCourse() {
		client.launchAs("teacher", claims -> {
			claims.put("sub", "launch-records-42");
			claims.put(TestPlatform.LTI + "context",
					java.util.Map.of("id", "record-9", "label", "BIO101", "title", "Biologie cellulaire"));
		});

		var person = jdbc.sql("select name, email, locale from person where subject = 'launch-records-42'")
			.query()
			.singleRow();
		assertThat(person).containsEntry("NAME", "Tina Teacher")
			.containsEntry("EMAIL", "teacher1@example.com")
			.containsEntry("LOCALE", "en");
		var course = jdbc.sql("select title, label from course where context_id = 'record-9'").query().singleRow();
		assertThat(course).containsEntry("TITLE", "Biologie cellulaire").containsEntry("LABEL", "BIO101");
	}

	@Test
	void pagesSpeakTheLanguageOfTheLaunch() {
		LaunchClient.Page page = client.launchAs("teacher",
				claims -> claims.put(TestPlatform.LTI + "launch_presentation", java.util.Map.of("locale", "fr_ca")));

		assertThat(page.body()).contains("De l’aide pour votre cours", "lang=\"fr\"");
	}

	@Test
	void launchPageCarriesTheSessionOnlyInItsLinks() {
		LaunchClient.Login login = client.login("teacher");
		var response = client.postLaunch(PLATFORM.sign(PLATFORM.claims("teacher", login.nonce())), login.state());

		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(response.headers().allValues("Set-Cookie")).isEmpty();
		assertThat(response.body()).containsPattern("href=\"/home\\?session=[A-Za-z0-9_-]{43}\"");
	}

}
