package org.tandem.lti;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What protects Tandem's pages once a launch opened a session: the session is honoured
 * only from Tandem's own pages, each page opens only for the roles it serves, framing is
 * limited to registered platforms, and every error is a page with a correlation id.
 */
@ExtendWith(OutputCaptureExtension.class)
class PageSecurityTest extends LaunchTestSupport {

	@Test
	void pagesMayBeFramedOnlyByRegisteredPlatformsAndSendTheUsualHeaders() {
		LaunchClient.Page page = client.launchAs("teacher");
		HttpResponse<String> response = client.get(page.url(), "same-origin");

		String csp = response.headers().firstValue("Content-Security-Policy").orElseThrow();
		assertThat(csp).contains("frame-ancestors 'self' ")
			.contains(PLATFORM.origin())
			.contains("script-src 'self'")
			.contains("object-src 'none'");
		assertThat(response.headers().firstValue("X-Frame-Options")).isEmpty();
		assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
		assertThat(response.headers().firstValue("Referrer-Policy")).contains("same-origin");
		assertThat(response.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
	}

	@Test
	void sessionIsHonouredOnlyFromTandemsOwnPages() {
		String session = client.launchAs("teacher").sessionId();

		assertThat(client.get("/teacher?session=" + session, "same-origin").statusCode()).isEqualTo(200);
		assertThat(client.get("/teacher?session=" + session, null).statusCode()).isEqualTo(200);
		assertThat(client.get("/teacher?session=" + session, "cross-site").statusCode()).isEqualTo(401);
		assertThat(client.get("/teacher?session=" + session, "same-site").statusCode()).isEqualTo(401);
		assertThat(client.get("/teacher?session=" + session, "none").statusCode()).isEqualTo(401);
	}

	@Test
	void madeUpSessionOpensNothing() {
		HttpResponse<String> response = client.get("/teacher?session=" + "A".repeat(43), "same-origin");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains(Messages.html(Messages.french("error.401.title")));
	}

	@Test
	void pageOpenedWithoutALaunchAsksToOpenTandemFromMoodle() {
		HttpResponse<String> response = client.get("/teacher", "none");

		assertThat(response.statusCode()).isEqualTo(401);
		assertThat(response.body()).contains(Messages.html(Messages.french("error.401.detail")));
	}

	@Test
	void teacherCannotOpenTheEngineerOrAdministratorPages() {
		String session = client.launchAs("teacher").sessionId();

		assertThat(client.get("/engineer?session=" + session, "same-origin").statusCode()).isEqualTo(403);
		HttpResponse<String> admin = client.get("/admin?session=" + session, "same-origin");
		assertThat(admin.statusCode()).isEqualTo(403);
		assertThat(admin.body()).contains("This page is not for you");
	}

	@Test
	void formPostedWithoutTheCsrfTokenIsRefused() {
		String session = client.launchAs("teacher").sessionId();

		HttpResponse<String> response = client
			.send(HttpRequest.newBuilder(URI.create(TANDEM + "/teacher?session=" + session))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.header("Sec-Fetch-Site", "same-origin")
				.POST(HttpRequest.BodyPublishers.ofString("title=x"))
				.build());

		assertThat(response.statusCode()).isEqualTo(403);
	}

	@Test
	void unknownPageIsA404PageInTheLaunchLanguage() {
		String session = client.launchAs("teacher").sessionId();

		HttpResponse<String> response = client.get("/no-such-page?session=" + session, "same-origin");

		assertThat(response.statusCode()).isEqualTo(404);
		assertThat(response.body()).contains("This page does not exist").containsPattern("[0-9a-f]{12}");
	}

	@Test
	void refusalLogLineCarriesTheCorrelationIdShownOnThePage(CapturedOutput output) {
		Map<String, String> form = client.loginForm("teacher");
		form.put("iss", "https://moodle.unknown.example");

		HttpResponse<String> response = client.postLogin(form);

		String id = response.headers().firstValue("X-Correlation-Id").orElseThrow();
		assertThat(response.body()).contains(id);
		assertThat(output.getOut()).containsPattern("\\[" + id + "\\].*Launch refused: UNKNOWN_ISSUER");
	}

	@Test
	void toolKeySetPublishesThePublicKeyWithAKid() {
		HttpResponse<String> response = client.get("/.well-known/jwks.json", null);

		assertThat(response.statusCode()).isEqualTo(200);
		@SuppressWarnings("unchecked")
		Map<String, Object> keySet = JsonMapper.builder().build().readValue(response.body(), Map.class);
		@SuppressWarnings("unchecked")
		Map<String, Object> key = ((java.util.List<Map<String, Object>>) keySet.get("keys")).get(0);
		assertThat(key).containsEntry("kty", "RSA")
			.containsEntry("use", "sig")
			.containsEntry("alg", "RS256")
			.containsKey("kid")
			.doesNotContainKeys("d", "p", "q");
	}

}
