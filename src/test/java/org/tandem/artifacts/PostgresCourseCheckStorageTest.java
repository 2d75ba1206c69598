package org.tandem.artifacts;

import org.tandem.lti.TestDatabases;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

class PostgresCourseCheckStorageTest extends CourseCheckStorageTests {

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry properties) {
		TestDatabases.tandem(properties);
		TestDatabases.postgres(properties);
	}

}
