package org.tandem.admin;

import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.lti.LaunchSession;
import org.tandem.lti.MessageType;
import org.tandem.lti.PlatformRegistry;
import org.tandem.lti.Role;
import org.tandem.lti.TestDatabases;
import org.tandem.lti.TestPlatform;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.authentication;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.tandem.lti.Messages.english;
import static org.tandem.lti.Messages.html;

/**
 * Without {@code tandem.moodle.token-key} Tandem keeps no token: the admin page says what
 * Tandem's operator must do, shows no form, and refuses a token posted anyway.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@TestPropertySource(properties = "tandem.moodle.token-key=")
class WebServicesWithoutKeyTest {

	static final WireMockServer MOODLE = new WireMockServer(
			WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());

	static {
		MOODLE.start();
	}

	static final TestPlatform PLATFORM = new TestPlatform(MOODLE, "http://localhost:8080");

	@Autowired
	MockMvc mvc;

	@Autowired
	PlatformRegistry registry;

	@Autowired
	JdbcClient jdbc;

	Authentication admin;

	@DynamicPropertySource
	static void tandem(DynamicPropertyRegistry properties) {
		TestDatabases.tandem(properties);
		TestDatabases.h2(properties);
	}

	@BeforeEach
	void launchedAsAdministrator() {
		long platform = registry.register(PLATFORM.registration(), "test-moodle.yml").id();
		LaunchSession launch = new LaunchSession(platform, "Test Moodle", TestPlatform.DEPLOYMENT_ID, 1, "2",
				"LTI Lab Course", "LTILAB", 1, "2", "Admin User", "admin@example.com", Locale.ENGLISH,
				Set.of(Role.ADMINISTRATOR), MessageType.RESOURCE_LINK, "1");
		admin = new UsernamePasswordAuthenticationToken(launch, "",
				List.of(new SimpleGrantedAuthority(Role.ADMINISTRATOR.authority())));
	}

	@AfterAll
	static void stopMoodle() {
		MOODLE.stop();
	}

	@Test
	void pageSaysWhatTheOperatorMustSetAndShowsNoForm() throws Exception {
		mvc.perform(get("/admin").with(authentication(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(html(english("admin.web-services.no-key")))))
			.andExpect(content().string(not(containsString("name=\"token\""))));
	}

	@Test
	void tokenPostedAnywayIsRefusedAndMoodleIsNotCalled() throws Exception {
		mvc.perform(post("/admin/web-services").with(authentication(admin))
			.with(csrf())
			.param("siteUrl", PLATFORM.issuer())
			.param("token", "0123456789abcdef0123456789abcdef"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(html(english("admin.web-services.no-key")))));

		assertThat(jdbc.sql("select count(*) from moodle_service").query(Long.class).single()).isZero();
		assertThat(MOODLE.getAllServeEvents()).isEmpty();
	}

}
