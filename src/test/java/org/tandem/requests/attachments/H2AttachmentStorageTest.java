package org.tandem.requests.attachments;

import org.tandem.lti.TestDatabases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class H2AttachmentStorageTest extends AttachmentStorageTests {

	@DynamicPropertySource
	static void h2(DynamicPropertyRegistry properties) {
		TestDatabases.tandem(properties);
		TestDatabases.h2(properties);
	}

}
