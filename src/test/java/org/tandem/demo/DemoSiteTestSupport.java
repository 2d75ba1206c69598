package org.tandem.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Tandem with its demo platform on a free port, the demo site on 127.0.0.1 as a newcomer
 * runs it. The settings are the same for every subclass, so that they share one
 * application context, hence one demo course: each test changes modules no other test
 * looks at.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
@ActiveProfiles({ "test", "demo" })
abstract class DemoSiteTestSupport {

	static final int PORT = freePort();

	/** The demo platform's site, as Moodle's wwwroot. */
	static final String SITE = "http://127.0.0.1:" + PORT + "/demo";

	private static final HttpClient HTTP = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

	@DynamicPropertySource
	static void demo(DynamicPropertyRegistry properties) {
		properties.add("server.port", () -> PORT);
		properties.add("tandem.base-url", () -> "http://localhost:" + PORT);
		properties.add("tandem.demo.site-url", () -> "http://127.0.0.1:" + PORT);
		properties.add("tandem.lti.platforms-dir", () -> "target/no-platform-files");
		properties.add("spring.datasource.url", () -> "jdbc:h2:mem:demo-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
	}

	/** A form posted as the browser posts the course page's forms. */
	static HttpResponse<String> post(String path, Map<String, String> form) {
		String body = form.entrySet()
			.stream()
			.map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
			.collect(Collectors.joining("&"));
		return send(HttpRequest.newBuilder(URI.create(SITE + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	static HttpResponse<String> get(String path, String language) {
		return send(HttpRequest.newBuilder(URI.create(SITE + path)).header("Accept-Language", language).build());
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static int freePort() {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
