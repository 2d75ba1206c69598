package org.tandem.lti;

import java.io.IOException;
import java.io.UncheckedIOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The databases storage tests run on: H2 as the first run has it, and a real PostgreSQL
 * from the embedded binaries published on Maven Central, started once for the test run.
 */
public final class TestDatabases {

	private static EmbeddedPostgres postgres;

	private TestDatabases() {
	}

	/** What a Tandem without a web server needs: an address, and no platform files. */
	public static void tandem(DynamicPropertyRegistry properties) {
		properties.add("tandem.base-url", () -> "http://localhost:8080");
		properties.add("tandem.lti.platforms-dir", () -> "target/no-platform-files");
	}

	public static void h2(DynamicPropertyRegistry properties) {
		properties.add("spring.datasource.url",
				() -> "jdbc:h2:mem:storage-" + java.util.UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
	}

	public static void postgres(DynamicPropertyRegistry properties) {
		EmbeddedPostgres server = postgres();
		properties.add("spring.datasource.url", () -> server.getJdbcUrl("postgres", "postgres"));
		properties.add("spring.datasource.username", () -> "postgres");
		properties.add("spring.datasource.password", () -> "");
	}

	static synchronized EmbeddedPostgres postgres() {
		if (postgres == null) {
			try {
				postgres = EmbeddedPostgres.builder().start();
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			Runtime.getRuntime().addShutdownHook(new Thread(() -> {
				try {
					postgres.close();
				}
				catch (IOException ex) {
					// the JVM is leaving anyway
				}
			}));
		}
		return postgres;
	}

}
