package org.tandem.lti;

import java.util.UUID;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Storage on H2, the embedded database of the first run. */
class H2StorageTest extends StorageTests {

	@DynamicPropertySource
	static void h2(DynamicPropertyRegistry properties) {
		common(properties);
		properties.add("spring.datasource.url", () -> "jdbc:h2:mem:storage-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
	}

}
