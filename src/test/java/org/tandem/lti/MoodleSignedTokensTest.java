package org.tandem.lti;

import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.tandem.lti.keys.PlatformKeySets;
import org.tandem.lti.launch.IdTokenValidator;
import org.tandem.lti.launch.LaunchClaims;
import org.tandem.lti.launch.LaunchProblem;
import org.tandem.lti.launch.LaunchRefusedException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The id_tokens a real Moodle 4.5 signed verify through Tandem's own validator against
 * Moodle's key set, with the clock set a few seconds after they were issued; changing one
 * byte breaks them.
 */
class MoodleSignedTokensTest {

	private static final Platform MOODLE = new Platform(1, "LTI Lab Moodle", "http://127.0.0.1:8000", "Qcm8QCVp5S9Z2WP",
			URI.create("http://127.0.0.1:8000/mod/lti/auth.php"), URI.create("http://127.0.0.1:8000/mod/lti/token.php"),
			URI.create("http://127.0.0.1:8000/mod/lti/certs.php"), URI.create("http://127.0.0.1:8000"), "moodle.yml",
			true, Set.of("1"));

	@ParameterizedTest
	@ValueSource(strings = { "teacher", "noneditingteacher", "student", "siteadmin", "teacher-deeplinking" })
	void realMoodleTokenVerifies(String who) throws ParseException {
		Map<String, Object> claims = MoodleCaptures.claims(who);

		LaunchClaims launch = validatorAt(claims).validate(MoodleCaptures.signedToken(who), MOODLE,
				(String) claims.get("nonce"), keys());

		assertThat(launch.subject()).isEqualTo(claims.get("sub"));
		assertThat(launch.course().contextId()).isEqualTo("2");
		assertThat(launch.course().title()).isEqualTo("LTI Lab Course");
		assertThat(launch.deploymentId()).isEqualTo("1");
	}

	@ParameterizedTest
	@ValueSource(strings = { "teacher", "noneditingteacher", "student", "siteadmin", "teacher-deeplinking" })
	void oneByteChangedAnywhereAndItFails(String who) throws ParseException {
		Map<String, Object> claims = MoodleCaptures.claims(who);
		String token = MoodleCaptures.signedToken(who);
		IdTokenValidator validator = validatorAt(claims);
		int[] positions = { token.indexOf('.') + 10, token.lastIndexOf('.') - 10, token.length() - 5 };

		for (int position : positions) {
			char original = token.charAt(position);
			String changed = token.substring(0, position) + (original == 'A' ? 'B' : 'A')
					+ token.substring(position + 1);
			assertThatThrownBy(() -> validator.validate(changed, MOODLE, (String) claims.get("nonce"), keys()))
				.isInstanceOf(LaunchRefusedException.class);
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "teacher" })
	void realMoodleTokenIsRefusedOnceExpired(String who) throws ParseException {
		Map<String, Object> claims = MoodleCaptures.claims(who);
		Instant expired = Instant.ofEpochSecond(((Number) claims.get("exp")).longValue()).plusSeconds(11);

		assertThatThrownBy(() -> validator(Clock.fixed(expired, ZoneOffset.UTC))
			.validate(MoodleCaptures.signedToken(who), MOODLE, (String) claims.get("nonce"), keys()))
			.isInstanceOfSatisfying(LaunchRefusedException.class,
					ex -> assertThat(ex.problem()).isEqualTo(LaunchProblem.EXPIRED));
	}

	@ParameterizedTest
	@ValueSource(strings = { "teacher" })
	void rolesOfTheCapturesAreRead(String who) throws ParseException {
		assertThat(roles("teacher")).containsExactly(Role.TEACHER);
		assertThat(roles("noneditingteacher")).containsExactly(Role.TEACHER);
		assertThat(roles("student")).containsExactly(Role.LEARNER);
		assertThat(roles("siteadmin")).containsExactlyInAnyOrder(Role.ADMINISTRATOR, Role.TEACHER);
	}

	private Set<Role> roles(String who) throws ParseException {
		Map<String, Object> claims = MoodleCaptures.claims(who);
		return validatorAt(claims)
			.validate(MoodleCaptures.signedToken(who), MOODLE, (String) claims.get("nonce"), keys())
			.roles();
	}

	private static IdTokenValidator validatorAt(Map<String, Object> claims) {
		Instant issued = Instant.ofEpochSecond(((Number) claims.get("iat")).longValue());
		return validator(Clock.fixed(issued.plusSeconds(5), ZoneOffset.UTC));
	}

	static IdTokenValidator validator(Clock clock) {
		LtiProperties defaults = TestLtiProperties.bind();
		return new IdTokenValidator(defaults, clock, new PlatformKeySets(defaults));
	}

	private static ImmutableJWKSet<com.nimbusds.jose.proc.SecurityContext> keys() throws ParseException {
		return new ImmutableJWKSet<>(JWKSet.parse(MoodleCaptures.moodleKeySet()));
	}

}
