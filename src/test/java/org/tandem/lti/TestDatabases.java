package org.tandem.lti;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sql.DataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import org.springframework.jdbc.datasource.ConnectionHolder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.transaction.support.TransactionSynchronizationManager;

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

	/**
	 * A database of its own on the shared server, for each test context: contexts run
	 * scheduled jobs (key rotation) that must not touch another test's rows.
	 */
	public static void postgres(DynamicPropertyRegistry properties) {
		String url = newPostgresDatabase();
		properties.add("spring.datasource.url", () -> url);
		properties.add("spring.datasource.username", () -> "postgres");
		properties.add("spring.datasource.password", () -> "");
	}

	/**
	 * Creates an empty database on the shared embedded server; its JDBC URL (user
	 * postgres, no password).
	 */
	public static String newPostgresDatabase() {
		EmbeddedPostgres server = postgres();
		String name = "tandem_" + java.util.UUID.randomUUID().toString().replace("-", "");
		try (java.sql.Connection connection = server.getPostgresDatabase().getConnection();
				java.sql.Statement statement = connection.createStatement()) {
			statement.execute("create database " + name);
		}
		catch (java.sql.SQLException ex) {
			throw new IllegalStateException(ex);
		}
		return server.getJdbcUrl("postgres", name);
	}

	/**
	 * Whether the calling thread holds a connection of this data source: its
	 * transaction's, or one a transaction scope without a transaction (propagation
	 * NOT_SUPPORTED, SUPPORTS) keeps bound since its first read, until the scope ends.
	 */
	public static boolean heldByThisThread(DataSource dataSource) {
		return TransactionSynchronizationManager.isActualTransactionActive()
				|| TransactionSynchronizationManager.getResource(dataSource) instanceof ConnectionHolder holder
						&& holder.getConnectionHandle() != null;
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
