package org.tandem.system;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tandem.lti.LaunchClient.Page;
import org.tandem.lti.LaunchTestSupport;
import org.tandem.lti.Messages;
import org.tandem.lti.TestPlatform;
import org.tandem.requests.HelpRequestJourneyTest;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A form over the size Tomcat parses ({@code server.tomcat.max-http-form-post-size}, 256
 * KB) ends on Tandem's page in the person's language, with what they typed to copy, and
 * one WARN line: no Tomcat page, no stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class OversizedFormTest extends LaunchTestSupport {

	/** Over the limit, as a person pasting a whole document would be. */
	private static final String LONG_TEXT = "Voici tout le chapitre, à relire. ".repeat(9_000);

	@Test
	void replyOverTheLimitComesBackOnTandemsPageWithTheTextKept(CapturedOutput output) {
		Page request = requestPage("teacher", "en");
		long messages = count("request_message");

		Page refused = client.submit(request, "/replies", Map.of("body", LONG_TEXT));

		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.body()).contains(Messages.html(Messages.english("error.413.title")))
			.contains(Messages.html(Messages.english("error.kept")))
			.contains(Messages.html(LONG_TEXT.substring(0, 200)))
			.doesNotContain("HTTP Status");
		assertThat(count("request_message")).isEqualTo(messages);
		ErrorReferencesTestSupport.assertLogged(output, refused.body(), "413");
		assertThat(output.getAll()).doesNotContain("ERROR", "InvalidParameterException", "\tat org.apache");
		assertThat(output.getAll().lines().filter(line -> line.contains(" WARN ") && line.contains("413"))).hasSize(1);
	}

	@Test
	void frenchLaunchReadsTheRefusalInFrench() {
		Page request = requestPage("teacher", "fr");

		Page refused = client.submit(request, "/replies", Map.of("body", LONG_TEXT));

		assertThat(refused.status()).isEqualTo(413);
		assertThat(refused.body()).contains(Messages.html(Messages.french("error.413.title")),
				Messages.html(Messages.french("error.kept")));
	}

	@Test
	void refusalLeadsBackToThePageTheFormWasOn() {
		Page request = requestPage("teacher", "en");
		String csrf = request.body().replaceAll("(?s).*name=\"_csrf\" value=\"([^\"]+)\".*", "$1");

		HttpResponse<String> refused = client.send(HttpRequest
			.newBuilder(URI.create(TANDEM + "/requests/" + HelpRequestJourneyTest.requestId(request)
					+ "/replies?session=" + request.sessionId()))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.header("Sec-Fetch-Site", "same-origin")
			.header("Referer", request.url())
			.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + csrf + "&body=" + "x".repeat(300_000)))
			.build());

		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(refused.body()).contains("href=\"" + Messages.html(request.url()) + "\"",
				Messages.html(Messages.english("error.back")));
	}

	private Page requestPage(String who, String language) {
		Page teacher = client.launchAs(who, claims -> launchPresentation(claims).put("locale", language));
		Page form = client.open("/requests/new?session=" + teacher.sessionId());
		Page filed = client.submit(form, "/requests?", HelpRequestJourneyTest.requestForm("Too long a reply"));
		return filed;
	}

	@SuppressWarnings("unchecked")
	static Map<String, Object> launchPresentation(Map<String, Object> claims) {
		return (Map<String, Object>) claims.get(TestPlatform.LTI + "launch_presentation");
	}

}
