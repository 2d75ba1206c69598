package org.tandem.requests.attachments;

import org.tandem.lti.TestDatabases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class PostgresAttachmentStorageTest extends AttachmentStorageTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry properties) {
		TestDatabases.tandem(properties);
		TestDatabases.postgres(properties);
	}

}
