package org.tandem.lti;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Storage on PostgreSQL, the production database. */
class PostgresStorageTest extends StorageTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry properties) {
		TestDatabases.tandem(properties);
		TestDatabases.postgres(properties);
	}

}
