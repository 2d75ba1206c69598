package org.tandem.lti;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.tandem.lti.launch.Launches;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.argumentSet;

/**
 * Launches that must be accepted, after the 1EdTech LTI 1.3 certification guide's valid
 * launch cases: role variants, and every degree of personal data a platform may withhold.
 */
class AcceptedLaunchesTest extends LaunchTestSupport {

	private static final String ROLES = TestPlatform.LTI + "roles";

	static Arguments accepted(String name, String landing, Consumer<Map<String, Object>> edit) {
		return argumentSet(name, landing, edit);
	}

	static Stream<Arguments> launches() {
		return Stream.of(
				accepted("several roles", "/admin",
						claims -> claims.put(ROLES,
								List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
										"http://purl.imsglobal.org/vocab/lis/v2/membership#Learner",
										"http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator"))),
				accepted("a short role name", "/teacher", claims -> claims.put(ROLES, List.of("Instructor"))),
				accepted("a teaching assistant sub-role", "/teacher",
						claims -> claims.put(ROLES, List
							.of("http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant"))),
				accepted("an unknown role beside a known one", "/teacher",
						claims -> claims.put(ROLES,
								List.of("http://example.edu/roles#Wizard",
										"http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor"))),
				accepted("only unknown roles", "/learner",
						claims -> claims.put(ROLES, List.of("http://example.edu/roles#Wizard", "Mentor"))),
				accepted("no roles at all (an empty list)", "/learner", claims -> claims.put(ROLES, List.of())),
				accepted("an LTI 1.1 role URN", "/teacher",
						claims -> claims.put(ROLES, List.of("urn:lti:role:ims/lis/Instructor"))),
				accepted("no name", "/teacher", claims -> {
					claims.remove("name");
					claims.remove("given_name");
					claims.remove("family_name");
				}), accepted("e-mail only", "/teacher", claims -> {
					claims.remove("name");
					claims.remove("given_name");
					claims.remove("family_name");
					claims.remove(TestPlatform.LTI + "lis");
				}), accepted("names only", "/teacher", claims -> claims.remove("email")),
				accepted("given and family names without a full name", "/teacher", claims -> claims.remove("name")),
				accepted("no personal data at all", "/teacher", claims -> {
					claims.remove("name");
					claims.remove("given_name");
					claims.remove("family_name");
					claims.remove("email");
					claims.remove(TestPlatform.LTI + "lis");
					claims.remove(TestPlatform.LTI + "ext");
					claims.remove(TestPlatform.LTI + "launch_presentation");
				}), accepted("an aud array holding the client id, with azp", "/teacher", claims -> {
					claims.put("aud", List.of(TestPlatform.CLIENT_ID, "another-tool"));
					claims.put("azp", TestPlatform.CLIENT_ID);
				}),
				accepted("a second registered deployment", "/teacher",
						claims -> claims.put(TestPlatform.LTI + "deployment_id", "7")),
				accepted("a context without title or label", "/teacher",
						claims -> claims.put(TestPlatform.LTI + "context", Map.of("id", "2"))),
				accepted("a locale Tandem does not speak", "/teacher",
						claims -> claims.put(TestPlatform.LTI + "launch_presentation",
								Map.of("locale", "de", "document_target", "iframe"))),
				accepted("a token issued a few seconds ahead of Tandem's clock", "/teacher", claims -> {
					long now = java.time.Instant.now().getEpochSecond();
					claims.put("iat", now + 5);
					claims.put("exp", now + 65);
				}));
	}

	@ParameterizedTest
	@MethodSource("launches")
	void acceptsAndLands(String landing, Consumer<Map<String, Object>> edit) {
		LaunchClient.Page page = client.launchAs("teacher", claims -> {
			claims.put("sub", "accepted-" + System.nanoTime());
			edit.accept(claims);
		});

		assertThat(page.status()).as(page.body()).isEqualTo(200);
		assertThat(page.url()).contains(landing + "?session=");
	}

	@ParameterizedTest
	@MethodSource("launches")
	void withoutPersonalDataThePageStillSaysWhoIsLaunching(String landing, Consumer<Map<String, Object>> edit) {
		LaunchClient.Page page = client.launchAs("teacher", claims -> {
			claims.remove("name");
			claims.remove("given_name");
			claims.remove("family_name");
			claims.remove("email");
			edit.accept(claims);
		});

		assertThat(page.status()).isEqualTo(200);
		assertThat(page.body()).doesNotContain("Tina");
	}

}
