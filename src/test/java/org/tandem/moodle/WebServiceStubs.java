package org.tandem.moodle;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;

/**
 * Moodle's web services on WireMock, answering with the bodies a Moodle 4.5 sent
 * ({@code src/test/resources/moodle/webservices/}): HTTP 200 and JSON, errors included.
 */
public final class WebServiceStubs {

	public static final String ENDPOINT = "/webservice/rest/server.php";

	private WebServiceStubs() {
	}

	/** A call of this function (and, when given, with this parameter in its body). */
	public static MappingBuilder call(String function, String... params) {
		MappingBuilder call = post(ENDPOINT).withRequestBody(containing("wsfunction=" + function));
		for (String param : params) {
			call = call.withRequestBody(containing(param));
		}
		return call;
	}

	/** Moodle's answer: this capture, as Moodle sent it. */
	public static ResponseDefinitionBuilder capture(String path) {
		return json(text("moodle/webservices/" + path));
	}

	public static ResponseDefinitionBuilder json(String body) {
		return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
	}

	/** Moodle is down: the connection is cut. */
	public static ResponseDefinitionBuilder down() {
		return aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
	}

	/**
	 * Serves the site info of the capture: the service offers every function Tandem
	 * needs.
	 */
	public static void serveSiteInfo(WireMockServer moodle) {
		moodle.stubFor(call("core_webservice_get_site_info").willReturn(capture("bio101/01-site-info.json")));
	}

	public static String text(String resource) {
		try (InputStream in = WebServiceStubs.class.getClassLoader().getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalArgumentException("No test resource " + resource);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
