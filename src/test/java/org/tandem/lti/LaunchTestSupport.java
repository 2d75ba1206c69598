package org.tandem.lti;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.tandem.moodle.MoodleWebServices;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * Tandem on a real port with a real database, and a Moodle stand-in on WireMock. The
 * ports and the platform are the same for every test class, so that Spring reuses one
 * application context.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles("test")
public abstract class LaunchTestSupport {

	protected static final int TANDEM_PORT = freePort();

	protected static final String TANDEM = "http://localhost:" + TANDEM_PORT;

	protected static final WireMockServer MOODLE = startMoodle();

	protected static final TestPlatform PLATFORM = new TestPlatform(MOODLE, TANDEM);

	/** A real SMTP server in the JVM: notifications are read as they arrive. */
	protected static final GreenMail MAIL = startMail();

	@Autowired
	protected PlatformRegistry registry;

	@Autowired
	protected JdbcClient jdbc;

	/**
	 * Moodle's web services as the application calls them (real calls), so that a test
	 * can see what the calling thread holds. Declared here, for every launch test, so
	 * that they all keep sharing one application context on one port.
	 */
	@MockitoSpyBean
	protected MoodleWebServices moodleWebServices;

	protected final LaunchClient client = new LaunchClient(TANDEM, PLATFORM);

	@DynamicPropertySource
	static void tandem(DynamicPropertyRegistry properties) {
		properties.add("server.port", () -> TANDEM_PORT);
		properties.add("server.address", () -> "127.0.0.1");
		properties.add("tandem.base-url", () -> TANDEM);
		properties.add("tandem.lti.platforms-dir", () -> "target/no-platform-files");
		properties.add("spring.datasource.url", LaunchTestSupport::database);
		properties.add("spring.mail.host", () -> "127.0.0.1");
		properties.add("spring.mail.port", () -> MAIL.getSmtp().getPort());
		properties.add("tandem.mail.poll-interval", () -> "200ms");
	}

	/** The database of this JVM's tests; subclasses may use PostgreSQL instead. */
	protected static String database() {
		return "jdbc:h2:mem:tandem-" + DATABASE + ";DB_CLOSE_DELAY=-1";
	}

	private static final String DATABASE = UUID.randomUUID().toString();

	@BeforeEach
	void registerPlatform() {
		MOODLE.resetAll();
		PLATFORM.serveKeys();
		registry.register(PLATFORM.registration(), "test-moodle.yml");
	}

	protected long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

	private static GreenMail startMail() {
		GreenMail mail = new GreenMail(new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
		mail.start();
		return mail;
	}

	private static WireMockServer startMoodle() {
		WireMockServer server = new WireMockServer(
				WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
		server.start();
		return server;
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** What a launching client does on that platform. */
	@FunctionalInterface
	protected interface OnPlatform {

		void launchFrom(LaunchClient client) throws Exception;

	}

	/**
	 * Runs the steps from a second platform registered beside the first, its Moodle
	 * served on 127.0.0.1 for the steps' time: what another platform's people get.
	 */
	protected void onAnotherPlatform(OnPlatform steps) throws Exception {
		WireMockServer otherSite = new WireMockServer(
				WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
		otherSite.start();
		try {
			TestPlatform otherPlatform = new TestPlatform(otherSite, TANDEM);
			otherPlatform.serveKeys();
			registry.register(otherPlatform.registration(), "other-moodle.yml");
			steps.launchFrom(new LaunchClient(TANDEM, otherPlatform));
		}
		finally {
			otherSite.stop();
		}
	}

}
