package org.tandem.lti.platform;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.validation.Validation;
import jakarta.validation.Validator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;
import org.tandem.lti.LtiProperties;
import org.tandem.lti.Platform;
import org.tandem.lti.PlatformRegistration;
import org.tandem.lti.PlatformRegistry;
import org.tandem.lti.TestLtiProperties;

import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.core.env.PropertyResolver;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.mock.env.MockEnvironment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * Platform files as administrators write them: the shipped example reads, examples are
 * skipped, and a mistake stops the start with a message naming the file and the field.
 */
class PlatformRegistrationFilesTest {

	private final Validator validator = Validation.buildDefaultValidatorFactory().getValidator();

	private final PlatformRegistry registry = Mockito.mock(PlatformRegistry.class);

	@TempDir
	Path dir;

	@Test
	void shippedMoodleExampleIsAValidRegistration() throws IOException {
		PlatformRegistration example = PlatformRegistrationFiles
			.read(Path.of("lti-config/platforms/moodle.example.yml"), new StandardEnvironment());

		assertThat(validator.validate(example)).isEmpty();
		assertThat(example.issuer()).isEqualTo("https://moodle.univ-example.fr");
		assertThat(example.jwksUrl()).hasToString("https://moodle.univ-example.fr/mod/lti/certs.php");
		assertThat(example.siteUrl()).hasToString("https://moodle.univ-example.fr");
		assertThat(example.deploymentIds()).containsExactly("1");
		assertThat(example.engineers()).hasSize(2);
	}

	@Test
	void registersEachFileAndSkipsExamples() throws IOException {
		Files.copy(Path.of("lti-config/platforms/moodle.example.yml"), dir.resolve("moodle.yml"));
		Files.copy(Path.of("lti-config/platforms/moodle.example.yml"), dir.resolve("other.example.yml"));
		Mockito.when(registry.register(any(), any())).thenReturn(platform());

		files().run(new DefaultApplicationArguments());

		verify(registry).register(any(), eq(dir.resolve("moodle.yml").toString()));
		verify(registry, never()).register(any(), eq(dir.resolve("other.example.yml").toString()));
	}

	@Test
	void missingFieldStopsTheStartNamingTheFileAndTheField() throws IOException {
		Files.writeString(dir.resolve("broken.yml"), """
				name: Broken
				issuer: https://moodle.example.edu
				auth-url: https://moodle.example.edu/mod/lti/auth.php
				token-url: https://moodle.example.edu/mod/lti/token.php
				jwks-url: https://moodle.example.edu/mod/lti/certs.php
				deployment-ids: ["1"]
				engineers:
				  - {}
				""");

		assertThatThrownBy(() -> files().run(new DefaultApplicationArguments())).hasMessageContaining("broken.yml")
			.hasMessageContaining("'client-id'")
			.hasMessageContaining("lms-user-id or email");
	}

	@Test
	void misspeltFieldStopsTheStartNamingTheFile() throws IOException {
		Files.writeString(dir.resolve("typo.yml"), """
				name: Typo
				issuer: https://moodle.example.edu
				client-id: abc
				auth-url: https://moodle.example.edu/mod/lti/auth.php
				token-url: https://moodle.example.edu/mod/lti/token.php
				jwks_url: https://moodle.example.edu/mod/lti/certs.php
				deployment-ids: ["1"]
				""");

		assertThatThrownBy(() -> files().run(new DefaultApplicationArguments())).hasMessageContaining("typo.yml")
			.hasMessageContaining("jwks_url");
	}

	@Test
	void placeholderTakesItsValueFromTheConfigurationAndCommentsAreLeftAlone() throws IOException {
		Files.writeString(dir.resolve("secret.yml"), """
				# token: ${NOT_SET} in a comment is not read
				name: Secret
				issuer: https://moodle.example.edu
				client-id: ${TEST_CLIENT_ID}
				auth-url: https://moodle.example.edu/mod/lti/auth.php
				token-url: https://moodle.example.edu/mod/lti/token.php
				jwks-url: https://moodle.example.edu/mod/lti/certs.php
				deployment-ids: ["1"]
				web-services:
				  token: ${MOODLE_WS_TOKEN}
				""");
		Mockito.when(registry.register(any(), any())).thenReturn(platform());

		files(new MockEnvironment().withProperty("TEST_CLIENT_ID", "from-env")
			.withProperty("MOODLE_WS_TOKEN", "0123456789abcdef0123456789abcdef"))
			.run(new DefaultApplicationArguments());

		ArgumentCaptor<PlatformRegistration> registered = ArgumentCaptor.forClass(PlatformRegistration.class);
		verify(registry).register(registered.capture(), eq(dir.resolve("secret.yml").toString()));
		assertThat(registered.getValue().clientId()).isEqualTo("from-env");
		assertThat(registered.getValue().webServices().token()).isEqualTo("0123456789abcdef0123456789abcdef");
	}

	@Test
	void placeholderNotSetStopsTheStartNamingTheFileAndTheName() throws IOException {
		Files.writeString(dir.resolve("unset.yml"), """
				name: Unset
				issuer: https://moodle.example.edu
				client-id: ${UNSET_CLIENT_ID}
				auth-url: https://moodle.example.edu/mod/lti/auth.php
				token-url: https://moodle.example.edu/mod/lti/token.php
				jwks-url: https://moodle.example.edu/mod/lti/certs.php
				deployment-ids: ["1"]
				""");

		assertThatThrownBy(() -> files().run(new DefaultApplicationArguments())).hasMessageContaining("unset.yml")
			.hasMessageContaining("UNSET_CLIENT_ID");
		verify(registry, never()).register(any(), any());
	}

	private PlatformRegistrationFiles files() {
		return files(new StandardEnvironment());
	}

	private PlatformRegistrationFiles files(PropertyResolver placeholders) {
		LtiProperties properties = TestLtiProperties.bind("tandem.lti.platforms-dir", dir.toString());
		return new PlatformRegistrationFiles(properties, registry, validator, placeholders);
	}

	private static Platform platform() {
		return new Platform(1, "Moodle", "https://moodle.univ-example.fr", "c", java.net.URI.create("https://a"),
				java.net.URI.create("https://t"), java.net.URI.create("https://k"), java.net.URI.create("https://s"),
				"moodle.yml", true, java.util.Set.of("1"));
	}

}
