package org.tandem.moodle;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tandem.lti.PlatformRegistration;
import org.tandem.lti.TestDatabases;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;

/**
 * Where each platform's web-service token is kept: encrypted under the configured key,
 * set by a registration (unchecked: Moodle may be down at start) or by the admin page.
 */
@ExtendWith(OutputCaptureExtension.class)
class MoodleSitesTest extends WebServicesTestSupport {

	static final String TOKEN = "0b9d7e5c3a1f4d2e8c6b4a2f0e9d7c5b";

	@Autowired
	MoodleWebServices webServices;

	@Autowired
	DataSource dataSource;

	@Test
	void keyShorterThan32CharactersStopsTheStartNamingTheVariable() {
		assertThatThrownBy(() -> sites("only-31-characters-0123456789ab")).isInstanceOf(IllegalStateException.class)
			.hasMessageContaining("TANDEM_MOODLE_TOKEN_KEY")
			.hasMessageContaining("32");
		assertThat(sites("").canKeepTokens()).isFalse();
		assertThat(sites("k".repeat(32)).canKeepTokens()).isTrue();
	}

	@Test
	void registrationNamingWebServicesKeepsTheTokenEncryptedUnchecked() {
		registry.register(registration(new PlatformRegistration.WebServices(null, TOKEN)), "test-moodle.yml");

		WebServiceConnection connection = sites.connection(platformId).orElseThrow();
		assertThat(connection.siteUrl()).hasToString(PLATFORM.issuer());
		assertThat(connection.source()).isEqualTo("registration");
		assertThat(connection.tokenEnd()).isEqualTo("7c5b");
		assertThat(connection.checkedAt()).isNull();
		assertThat(sites.of(platformId)).map(MoodleSite::token).contains(TOKEN);
		assertThat(jdbc.sql("select token_encrypted from moodle_service where platform_id = ?")
			.param(platformId)
			.query(String.class)
			.single()).isNotBlank().doesNotContain(TOKEN);

		registry.register(PLATFORM.registration(), "test-moodle.yml");
		assertThat(sites.of(platformId)).as("a registration silent about web services leaves them")
			.map(MoodleSite::token)
			.contains(TOKEN);

		URI internal = URI.create("http://moodle.internal:8080");
		registry.register(registration(new PlatformRegistration.WebServices(internal, "another-token-0001")),
				"test-moodle.yml");
		assertThat(sites.of(platformId)).as("the file's token is set again at each start")
			.contains(new MoodleSite(internal, "another-token-0001"));
	}

	@Test
	void pagesNeverSeeMoreThanHalfOfAShortToken() {
		registry.register(registration(new PlatformRegistration.WebServices(null, "abcd")), "test-moodle.yml");

		assertThat(sites.connection(platformId).orElseThrow().tokenEnd()).isEqualTo("cd");
	}

	@Test
	void tokenStoredUnderAnotherKeyCannotBeReadAndTheLogSaysToSetItAgain(CapturedOutput output) {
		registry.register(registration(new PlatformRegistration.WebServices(null, TOKEN)), "test-moodle.yml");
		MoodleSites otherKey = sites("another-key-0123456789abcdef-0123456789");

		assertThat(otherKey.of(platformId)).isEmpty();
		assertThat(otherKey.check(platformId)).as("nothing to check, Moodle not called").isEmpty();
		assertThat(otherKey.connection(platformId)).as("the page still shows what was set").isPresent();
		assertThat(output.getAll()).contains("cannot be decrypted", "set the token again").doesNotContain(TOKEN);
		assertThat(MOODLE.getAllServeEvents()).noneMatch(event -> event.getRequest().getUrl().contains("webservice"));
	}

	@Test
	void checkingATokenWithMoodleHoldsNoConnectionWhileMoodleAnswers() {
		List<Boolean> held = new CopyOnWriteArrayList<>();
		doAnswer(invocation -> {
			held.add(TestDatabases.heldByThisThread(dataSource));
			return invocation.callRealMethod();
		}).when(moodleWebServices).siteInfo(any());

		connectWebServices(TOKEN);
		assertThat(sites.check(platformId)).isPresent();

		assertThat(held).as("when the token is set, then checked again").containsExactly(false, false);
	}

	private MoodleSites sites(String key) {
		return new MoodleSites(jdbc, webServices,
				new MoodleProperties(Duration.ofSeconds(1), Duration.ofSeconds(1), key), Clock.systemUTC());
	}

	private static PlatformRegistration registration(PlatformRegistration.WebServices webServices) {
		PlatformRegistration r = PLATFORM.registration();
		return new PlatformRegistration(r.name(), r.issuer(), r.clientId(), r.authUrl(), r.tokenUrl(), r.jwksUrl(),
				r.siteUrl(), r.deploymentIds(), r.engineers(), r.enabled(), webServices);
	}

}
