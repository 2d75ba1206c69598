package org.tandem.demo;

import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo course page shows the course as Moodle has it, and lets the demo user change a
 * module as a teacher does on Moodle's course page.
 */
class DemoCoursePageTest extends DemoSiteTestSupport {

	@Test
	void pageListsTheSectionsAndModulesWithTheirForms() {
		String page = get("", "en").body();

		assertThat(page).contains("Course content (as Moodle has it)", "Division cellulaire", "Manuel : les organites",
				"id=\"rename-107\"", "id=\"rename-107-submit\"", "id=\"description-107\"", "id=\"hide-107\"");
		// Page 114 is hidden in the captured course.
		assertThat(page).contains("id=\"show-114\"", "id=\"module-114-hidden\"").doesNotContain("id=\"hide-114\"");
	}

	@Test
	void pageSpeaksFrenchToAFrenchBrowser() {
		assertThat(get("", "fr").body()).contains("Contenu du cours (tel que Moodle l’a)", "Messages reçus par Moodle");
	}

	@Test
	void scriptTypedAsANameIsShownAsText() {
		post("/course/modules/106/name", Map.of("name", "<script>alert(1)</script>Documents"));

		String page = get("", "en").body();

		assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;Documents").doesNotContain("<script>alert");
	}

	@Test
	void hideAndShowSwapTheButtonAndBadge() {
		post("/course/modules/113/visibility", Map.of("visible", "0"));
		assertThat(get("", "en").body()).contains("id=\"show-113\"", "id=\"module-113-hidden\"");

		HttpResponse<String> shown = post("/course/modules/113/visibility", Map.of("visible", "1", "locale", "fr"));

		assertThat(shown.statusCode()).isEqualTo(302);
		assertThat(shown.headers().firstValue("Location")).hasValue(SITE);
		assertThat(get("", "en").body()).contains("id=\"hide-113\"").doesNotContain("id=\"module-113-hidden\"");
	}

	@Test
	void descriptionIsEditedWithoutMoodlesWrapper() {
		post("/course/modules/105/description", Map.of("description", "<p>Schéma <b>v2</b></p>"));

		assertThat(get("", "en").body()).contains("&lt;p&gt;Schéma &lt;b&gt;v2&lt;/b&gt;&lt;/p&gt;</textarea>");
	}

	@Test
	void emptyNameIsRefused() {
		assertThat(post("/course/modules/109/name", Map.of("name", "  ")).statusCode()).isEqualTo(400);
		assertThat(get("", "en").body()).contains("Leçon : la mitose");
	}

	@Test
	void unknownModuleIsNotFound() {
		assertThat(post("/course/modules/999/name", Map.of("name", "x")).statusCode()).isEqualTo(404);
		assertThat(post("/course/modules/999/description", Map.of("description", "x")).statusCode()).isEqualTo(404);
		assertThat(post("/course/modules/999/visibility", Map.of("visible", "0")).statusCode()).isEqualTo(404);
	}

}
