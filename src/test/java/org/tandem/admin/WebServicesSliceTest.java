package org.tandem.admin;

import java.net.URI;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tandem.lti.Directory;
import org.tandem.lti.LaunchSession;
import org.tandem.lti.Platform;
import org.tandem.lti.PlatformRegistry;
import org.tandem.lti.Role;
import org.tandem.lti.session.PageSlices;
import org.tandem.moodle.MoodleException;
import org.tandem.moodle.MoodleSites;
import org.tandem.moodle.SiteUrlRefused;
import org.tandem.notifications.Recipients;
import org.tandem.system.FormFields;
import org.tandem.system.TandemProperties;
import org.tandem.system.TimeFormats;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.BDDMockito.given;
import static org.mockito.BDDMockito.then;
import static org.mockito.Mockito.never;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;
import static org.tandem.lti.Messages.english;
import static org.tandem.lti.Messages.html;
import static org.tandem.lti.session.PageSlices.as;

/**
 * The web-services form of the admin page, alone: the address must be on the platform's
 * site host, and each refusal is said next to the field it concerns.
 */
@WebMvcTest(WebServicesController.class)
@PageSlices.Secured
@Import({ AdminPage.class, TimeFormats.class, FormFields.class, WebServicesSliceTest.Zone.class })
class WebServicesSliceTest {

	static final LaunchSession ADMIN = PageSlices.launch(2, Role.ADMINISTRATOR);

	static final URI SITE = URI.create("https://moodle.example.edu");

	static final Platform PLATFORM = new Platform(PageSlices.PLATFORM_ID, "Test Moodle", SITE.toString(), "client",
			URI.create(SITE + "/mod/lti/auth.php"), URI.create(SITE + "/mod/lti/token.php"),
			URI.create(SITE + "/mod/lti/certs.php"), SITE, "test-moodle.yml", true, Set.of("1"));

	static final String TOKEN = "8c1f4e2a9b7d4c6e0f3a5b8d2e7c9a41";

	@TestConfiguration(proxyBeanMethods = false)
	static class Zone {

		@Bean
		TandemProperties tandemProperties() {
			return new TandemProperties(URI.create("http://localhost:8080"), ZoneId.of("Europe/Paris"));
		}

	}

	@Autowired
	MockMvc mvc;

	@MockitoBean
	MoodleSites sites;

	@MockitoBean
	PlatformRegistry registry;

	@MockitoBean
	Directory directory;

	/** The page lists no engineer here, so nobody's reach is asked. */
	@MockitoBean
	Recipients recipients;

	@BeforeEach
	void platform() {
		given(registry.byId(PageSlices.PLATFORM_ID)).willReturn(Optional.of(PLATFORM));
		given(sites.canKeepTokens()).willReturn(true);
		given(sites.connection(anyLong())).willReturn(Optional.empty());
		given(directory.engineers(anyLong())).willReturn(List.of());
	}

	@Test
	void addressOnThePlatformsHostIsConnected() throws Exception {
		mvc.perform(connect(" https://MOODLE.example.edu/moodle ", TOKEN)).andExpect(redirectedUrl("/admin"));

		then(sites).should()
			.connect(PageSlices.PLATFORM_ID, SITE, URI.create("https://MOODLE.example.edu/moodle"), TOKEN, "admin");
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://intranet.example.org/moodle", "http://10.0.0.12/moodle",
			"https://moodle.example.edu.evil.example" })
	void siteOnAnotherHostIsRefusedWithTheFieldError(String address) throws Exception {
		mvc.perform(connect(address, TOKEN))
			.andExpect(status().isOk())
			.andExpect(view().name("admin/platform"))
			.andExpect(model().attributeHasFieldErrorCode("webServicesForm", "siteUrl",
					"admin.web-services.site-url.other-host"))
			.andExpect(content().string(
					allOf(containsString(html(english("admin.web-services.site-url.other-host", "moodle.example.edu"))),
							containsString("value=\"" + address + "\""), not(containsString(TOKEN)))));
		then(sites).should(never()).connect(anyLong(), any(), any(), anyString(), anyString());
	}

	@ParameterizedTest
	@ValueSource(strings = { "moodle.example.edu", "ftp://moodle.example.edu", "https://admin@moodle.example.edu",
			"https://moodle.example.edu/?x=1", "https://moodle.example.edu/#top", "https://moodle example" })
	void addressThatIsNotASitesIsRefusedWithTheFieldError(String address) throws Exception {
		mvc.perform(connect(address, TOKEN))
			.andExpect(view().name("admin/platform"))
			.andExpect(model().attributeHasFieldErrorCode("webServicesForm", "siteUrl",
					"admin.web-services.site-url.invalid"))
			.andExpect(content().string(containsString(html(english("admin.web-services.site-url.invalid")))));
		then(sites).should(never()).connect(anyLong(), any(), any(), anyString(), anyString());
	}

	@Test
	void addressAndTokenMistakesAreSaidTogether() throws Exception {
		mvc.perform(connect("https://intranet.example.org", ""))
			.andExpect(model().attributeHasFieldErrorCode("webServicesForm", "siteUrl",
					"admin.web-services.site-url.other-host"))
			.andExpect(model().attributeHasFieldErrorCode("webServicesForm", "token", "NotEmpty"));
		then(sites).should(never()).connect(anyLong(), any(), any(), anyString(), anyString());
	}

	@Test
	void addressRefusedByTheSitesIsTheSameFieldError() throws Exception {
		given(sites.connect(anyLong(), any(), any(), anyString(), anyString()))
			.willThrow(new SiteUrlRefused(SiteUrlRefused.Reason.OTHER_HOST, "https://moodle.example.edu", SITE));

		mvc.perform(connect(SITE.toString(), TOKEN))
			.andExpect(view().name("admin/platform"))
			.andExpect(model().attributeHasFieldErrorCode("webServicesForm", "siteUrl",
					"admin.web-services.site-url.other-host"));
	}

	@Test
	void tokenMoodleRefusesIsSaidNextToTheToken() throws Exception {
		given(sites.connect(anyLong(), any(), any(), anyString(), anyString())).willThrow(new MoodleException(
				MoodleException.Problem.INVALID_TOKEN, "core_webservice_get_site_info", "invalidtoken", null));

		mvc.perform(connect(SITE.toString(), TOKEN))
			.andExpect(view().name("admin/platform"))
			.andExpect(model().attributeHasFieldErrorCode("webServicesForm", "token", "moodle.problem.invalid-token"))
			.andExpect(content().string(
					allOf(containsString(html(english("moodle.problem.invalid-token"))), not(containsString(TOKEN)))));
	}

	@Test
	void onlyTheAdministratorSetsTheWebServices() throws Exception {
		mvc.perform(connect(SITE.toString(), TOKEN).with(as(PageSlices.launch(3, Role.TEACHER))))
			.andExpect(status().isForbidden());
		then(sites).should(never()).connect(anyLong(), any(), any(), anyString(), anyString());
	}

	private static MockHttpServletRequestBuilder connect(String siteUrl, String token) {
		return post("/admin/web-services").with(as(ADMIN)).with(csrf()).param("siteUrl", siteUrl).param("token", token);
	}

}
