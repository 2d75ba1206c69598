package org.tandem.system;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tandem.lti.LaunchClient.Page;
import org.tandem.lti.LaunchTestSupport;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;

/**
 * The reference an error page shows is the one its log line carries, whatever the status:
 * an operator given the reference finds what happened.
 */
@ExtendWith(OutputCaptureExtension.class)
class ErrorReferencesTest extends LaunchTestSupport {

	@Test
	void unauthorisedPageReferenceIsInTheLog(CapturedOutput output) {
		HttpResponse<String> response = client.get("/teacher", "none");

		assertThat(response.statusCode()).isEqualTo(401);
		assertLogged(output, response.body(), "401");
	}

	@Test
	void forbiddenPageReferenceIsInTheLog(CapturedOutput output) {
		String session = client.launchAs("teacher").sessionId();

		HttpResponse<String> response = client.get("/engineer?session=" + session, "same-origin");

		assertThat(response.statusCode()).isEqualTo(403);
		assertLogged(output, response.body(), "403");
	}

	@Test
	void notFoundPageReferenceIsInTheLog(CapturedOutput output) {
		String session = client.launchAs("teacher").sessionId();

		HttpResponse<String> response = client.get("/no-such-page?session=" + session, "same-origin");

		assertThat(response.statusCode()).isEqualTo(404);
		assertLogged(output, response.body(), "404");
	}

	@Test
	void wrongMethodPageReferenceIsInTheLog(CapturedOutput output) {
		HttpResponse<String> response = client.get("/lti/launch", "none");

		assertThat(response.statusCode()).isEqualTo(405);
		assertLogged(output, response.body(), "405");
	}

	@Test
	void badRequestPageReferenceIsInTheLog(CapturedOutput output) {
		String session = client.launchAs("teacher").sessionId();

		HttpResponse<String> response = client.get("/requests/abc?session=" + session, "same-origin");

		assertThat(response.statusCode()).isEqualTo(400);
		assertLogged(output, response.body(), "400");
	}

	@Test
	void serverErrorPageReferenceIsInTheLog(CapturedOutput output) {
		Page admin = client.launchAs("siteadmin");
		doThrow(new IllegalStateException("broken on purpose")).when(moodleWebServices).siteInfo(any());

		Page failed = client.submit(admin, "/admin/web-services?",
				Map.of("siteUrl", PLATFORM.issuer(), "token", "0123456789abcdef0123456789abcdef"));

		assertThat(failed.status()).isEqualTo(500);
		assertLogged(output, failed.body(), "Unexpected error");
	}

	@Test
	void tooLargePageReferenceIsInTheLog(CapturedOutput output) {
		HttpResponse<String> response = postForm("/lti/launch", "id_token=" + "a".repeat(300_000));

		assertThat(response.statusCode()).isEqualTo(413);
		assertLogged(output, response.body(), "413");
	}

	private HttpResponse<String> postForm(String path, String body) {
		return client.send(HttpRequest.newBuilder(URI.create(TANDEM + path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Sec-Fetch-Site", "same-origin")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build());
	}

	private static void assertLogged(CapturedOutput output, String page, String what) {
		ErrorReferencesTestSupport.assertLogged(output, page, what);
	}

}
