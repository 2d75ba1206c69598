package org.tandem.moodle;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tandem.lti.PlatformRegistry;
import org.tandem.lti.TestDatabases;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A registration file that names web services, as the shipped example shows them once
 * uncommented: Tandem starts, registers the platform and keeps the token, encrypted.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class RegistrationFileWebServicesTest {

	static final Path EXAMPLE = Path.of("lti-config/platforms/moodle.example.yml");

	static final String TOKEN = "0123456789abcdef0123456789abcdef";

	static final Path PLATFORMS = platformsFolder();

	@Autowired
	PlatformRegistry registry;

	@Autowired
	MoodleSites sites;

	@Autowired
	JdbcClient jdbc;

	@DynamicPropertySource
	static void tandem(DynamicPropertyRegistry properties) {
		TestDatabases.h2(properties);
		properties.add("tandem.base-url", () -> "http://localhost:8080");
		properties.add("tandem.lti.platforms-dir", PLATFORMS::toString);
	}

	@Test
	void tokenOfTheRegistrationFileIsKeptEncryptedAtStart(CapturedOutput output) {
		long platform = registry.byIssuer("https://moodle.univ-example.fr").get(0).id();

		WebServiceConnection connection = sites.connection(platform).orElseThrow();
		assertThat(connection.siteUrl()).hasToString("https://moodle.univ-example.fr");
		assertThat(connection.source()).isEqualTo("registration");
		assertThat(connection.tokenEnd()).isEqualTo("cdef");
		assertThat(connection.checkedAt()).as("not checked: Moodle may be down at start").isNull();
		assertThat(sites.of(platform)).map(MoodleSite::token).contains(TOKEN);
		assertThat(jdbc.sql("select * from moodle_service").query().listOfRows().toString()).doesNotContain(TOKEN);
		assertThat(output.getAll()).contains("Registered platform").doesNotContain(TOKEN);
	}

	/** The shipped example, its web-services section uncommented. */
	private static Path platformsFolder() {
		try {
			String example = Files.readString(EXAMPLE);
			String section = example.substring(example.indexOf("# web-services:"))
				.lines()
				.map(line -> line.substring(2))
				.collect(Collectors.joining("\n"));
			assertThat(section).contains("token: " + TOKEN);
			Path folder = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "platforms");
			Files.writeString(folder.resolve("moodle.yml"), example + "\n" + section + "\n");
			return folder;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
