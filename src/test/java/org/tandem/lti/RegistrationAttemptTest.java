package org.tandem.lti;

import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tandem.system.ErrorReferencesTestSupport;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Moodle's dynamic registration opens the tool's registration URL with
 * {@code openid_configuration} and {@code registration_token} (captured in
 * {@code moodle/registration/initiation.json}). Until Tandem supports it, the
 * administrator reads how to register Tandem by hand, in their language.
 */
@ExtendWith(OutputCaptureExtension.class)
class RegistrationAttemptTest extends LaunchTestSupport {

	private static final String INITIATION = "?openid_configuration=http%3A%2F%2F127.0.0.1%3A8000%2Fmod%2Flti%2Fopenid-configuration.php&registration_token=eyJ0eXAiOiJKV1QiLCJhbGciOiJSUzI1NiJ9.e30.c2ln";

	@Test
	void registrationUrlExplainsManualRegistrationWithTandemsValues(CapturedOutput output) {
		HttpResponse<String> response = get("/lti/register" + INITIATION, "en");

		assertThat(response.statusCode()).isEqualTo(501);
		assertThat(response.body()).contains(Messages.html(Messages.english("lti.registration.title")))
			.contains(TANDEM + "/lti/launch", TANDEM + "/lti/login", TANDEM + "/.well-known/jwks.json")
			.contains("lti-config/moodle/README.md")
			.doesNotContain(Messages.html(Messages.english("error.401.detail")));
		ErrorReferencesTestSupport.assertLogged(output, response.body(), "dynamic registration");
	}

	@Test
	void toolUrlReachedByMoodlesRegistrationSaysTheSameInFrench(CapturedOutput output) {
		HttpResponse<String> response = get("/" + INITIATION, "fr");

		assertThat(response.statusCode()).isEqualTo(501);
		assertThat(response.body()).contains(Messages.html(Messages.french("lti.registration.title")),
				TANDEM + "/lti/launch");
		ErrorReferencesTestSupport.assertLogged(output, response.body(), "dynamic registration");
	}

	@Test
	void registrationUrlWithoutParametersSaysTheSame() {
		HttpResponse<String> response = get("/lti/register", "fr");

		assertThat(response.statusCode()).isEqualTo(501);
		assertThat(response.body()).contains(Messages.html(Messages.french("lti.registration.title")));
	}

	private HttpResponse<String> get(String path, String language) {
		return client.send(HttpRequest.newBuilder(URI.create(TANDEM + path))
			.header("Accept-Language", language)
			.header("Sec-Fetch-Site", "cross-site")
			.GET()
			.build());
	}

}
