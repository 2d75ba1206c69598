package org.tandem.artifacts;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import org.tandem.TestWorld;
import org.tandem.lti.TestDatabases;
import org.tandem.moodle.CourseContents;
import org.tandem.moodle.MoodleSites;
import org.tandem.moodle.MoodleWebServices;
import org.tandem.moodle.SiteInfo;
import org.tandem.moodle.WebServiceStubs;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.ApplicationModuleTest.BootstrapMode;
import org.springframework.modulith.test.AssertablePublishedEvents;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoBean;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.when;

/**
 * The artifacts module with the modules it uses directly (Moodle's, the system's), and
 * not the requests module it serves: a rework it records is told by ReworkRecorded alone.
 * Moodle is a mock answering BIO101's captures, before and after the designer's edits.
 */
// The system module's clock is injected as java.time.Clock, which Modulith does not count
// as a use of that module: it is included by name.
@ApplicationModuleTest(mode = BootstrapMode.DIRECT_DEPENDENCIES, extraIncludes = "system")
@ActiveProfiles("test")
class ArtifactsModuleTest {

	@DynamicPropertySource
	static void h2(DynamicPropertyRegistry properties) {
		TestDatabases.tandem(properties);
		TestDatabases.h2(properties);
	}

	@MockitoBean
	MoodleWebServices webServices;

	final Reworks reworks;

	final CourseChecks checks;

	final CourseHistory history;

	final MoodleSites sites;

	final JdbcClient jdbc;

	TestWorld world;

	long request;

	long engineer;

	ArtifactsModuleTest(Reworks reworks, CourseChecks checks, CourseHistory history, MoodleSites sites,
			JdbcClient jdbc) {
		this.reworks = reworks;
		this.checks = checks;
		this.history = history;
		this.sites = sites;
		this.jdbc = jdbc;
	}

	@BeforeEach
	void world() {
		world = TestWorld.create(jdbc);
		request = world.request("Revoir l'évaluation");
		engineer = world.person("5", "Eve Engineer", "engineer1@example.com");
	}

	@Test
	void reworkOfAChangeMoodleShowedIsPublishedOnceWithTheArtifactsName(AssertablePublishedEvents events) {
		CourseChange renamed = renameSeenByTwoChecks();

		assertThat(reworks.fromChange(request, engineer, renamed, HelpKind.MEDIATION, null, Instant.now())).isTrue();
		assertThat(reworks.fromChange(request, engineer, renamed, HelpKind.MEDIATION, null, Instant.now()))
			.as("recorded once")
			.isFalse();

		assertThat(events.ofType(ReworkRecorded.class)).containsExactly(
				new ReworkRecorded(request, engineer, HelpKind.MEDIATION, "Présentation du cours et objectifs", true));
	}

	@Test
	void workOutsideMoodleIsPublishedWithItsTitle(AssertablePublishedEvents events) {
		reworks.outside(request, engineer, "Scénario pédagogique v2", "https://docs.example.org/scenario",
				HelpKind.MEDIATION, "Progression en 4 semaines", Instant.now());

		assertThat(events.ofType(ReworkRecorded.class)).containsExactly(
				new ReworkRecorded(request, engineer, HelpKind.MEDIATION, "Scénario pédagogique v2", false));
	}

	/**
	 * The rename of module 103, as a check finds it after one that saw the course before.
	 */
	private CourseChange renameSeenByTwoChecks() {
		when(webServices.siteInfo(any())).thenReturn(new SiteInfo("Moodle", "https://moodle.example.org", "4.5",
				"tandem", SiteInfo.NEEDED.stream().map(SiteInfo.Function::new).toList()));
		sites.connect(world.platformId, world.site, world.site, "token-0123456789abcdef", "test");
		when(webServices.courseContents(any(), eq("14"))).thenReturn(contents("02-get-contents-before.json"))
			.thenReturn(contents("03-get-contents-after.json"));
		CourseKey course = new CourseKey(world.courseId, world.platformId, "14");
		assertThat(checks.check(course).checked()).isTrue();
		assertThat(checks.check(course).newChanges()).isPositive();
		return history.changesSince(world.courseId, Instant.EPOCH)
			.stream()
			.filter(c -> c.type() == Change.Type.RENAMED && c.artifactId() == 103)
			.findFirst()
			.orElseThrow();
	}

	private static List<CourseContents.Section> contents(String capture) {
		return JsonMapper.builder()
			.build()
			.readValue(WebServiceStubs.text("moodle/webservices/bio101/" + capture),
					new TypeReference<List<CourseContents.Section>>() {
					});
	}

}
