package org.tandem.requests;

import org.tandem.lti.TestDatabases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class PostgresRequestStorageTest extends RequestStorageTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry properties) {
		TestDatabases.tandem(properties);
		TestDatabases.postgres(properties);
	}

}
