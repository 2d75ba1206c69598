package org.tandem.moodle;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/**
 * Web services are called only on the platform's own site host, whoever asks: the admin
 * page or any other caller of {@link MoodleSites#connect}.
 */
class SiteAddressesTest {

	static final URI PLATFORM_SITE = URI.create("https://moodle.example.edu");

	@ParameterizedTest
	@ValueSource(strings = { "https://moodle.example.edu", " https://moodle.example.edu/moodle/ ",
			"http://MOODLE.example.edu:8080/moodle" })
	void siteOnThePlatformsHostIsAccepted(String typed) {
		assertThat(SiteAddresses.accepted(typed, PLATFORM_SITE)).hasToString(typed.strip());
	}

	@ParameterizedTest
	@CsvSource({ "https://intranet.example.org/moodle, OTHER_HOST", "http://10.0.0.12, OTHER_HOST",
			"https://moodle.example.edu.evil.example, OTHER_HOST", "moodle.example.edu, NOT_A_SITE",
			"ftp://moodle.example.edu, NOT_A_SITE", "https://admin@moodle.example.edu, NOT_A_SITE",
			"https://moodle.example.edu/?x=1, NOT_A_SITE", "https://moodle.example.edu/#top, NOT_A_SITE",
			"https://moodle example, NOT_A_SITE" })
	void otherAddressesAreRefusedSayingWhy(String typed, SiteUrlRefused.Reason reason) {
		assertThatThrownBy(() -> SiteAddresses.accepted(typed, PLATFORM_SITE))
			.isInstanceOfSatisfying(SiteUrlRefused.class, refused -> assertThat(refused.reason()).isEqualTo(reason))
			.satisfies(
					refused -> assertThat(((SiteUrlRefused) refused).platformHost()).isEqualTo("moodle.example.edu"));
	}

	@Test
	void connectRefusesAnotherHostWithoutCallingItNorKeepingAnything() {
		JdbcClient jdbc = mock(JdbcClient.class);
		MoodleWebServices webServices = mock(MoodleWebServices.class);
		MoodleSites sites = new MoodleSites(jdbc, webServices,
				new MoodleProperties(Duration.ofSeconds(1), Duration.ofSeconds(1), "k".repeat(32)), Clock.systemUTC());

		assertThatThrownBy(() -> sites.connect(1, PLATFORM_SITE, URI.create("http://10.0.0.12/moodle"),
				"0123456789abcdef0123456789abcdef", "test"))
			.isInstanceOfSatisfying(SiteUrlRefused.class,
					refused -> assertThat(refused.reason()).isEqualTo(SiteUrlRefused.Reason.OTHER_HOST))
			.hasMessageNotContaining("0123456789abcdef");
		verifyNoInteractions(webServices, jdbc);
	}

}
