package org.tandem;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;

/**
 * Each top-level package is a feature module: no cycles between them, and a module uses
 * only what another exposes at its root. {@code lti} knows nothing of the features that
 * build on it.
 */
class ModuleStructureTest {

	@Test
	void modulesDependOnEachOtherOneWayThroughTheirPublicTypes() {
		ApplicationModules.of(TandemApplication.class).verify();
	}

}
