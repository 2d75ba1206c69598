package org.tandem.moodle;

import java.net.URI;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.tandem.lti.LaunchTestSupport;

import org.springframework.beans.factory.annotation.Autowired;

/**
 * Launch tests of the test platform's web services: each test starts and ends with none,
 * since the application, and so the database, is shared by every test class.
 */
public abstract class WebServicesTestSupport extends LaunchTestSupport {

	@Autowired
	protected MoodleSites sites;

	/** The test platform's id. */
	protected long platformId;

	@BeforeEach
	@AfterEach
	void noWebServices() {
		platformId = registry.byIssuer(PLATFORM.issuer()).get(0).id();
		sites.disconnect(platformId);
	}

	/**
	 * Gives the test platform web services at its site, the WireMock Moodle, with this
	 * token, checked against the captured site info as the admin page does.
	 */
	protected void connectWebServices(String token) {
		WebServiceStubs.serveSiteInfo(MOODLE);
		URI site = URI.create(PLATFORM.issuer());
		sites.connect(platformId, site, site, token, "test");
	}

}
