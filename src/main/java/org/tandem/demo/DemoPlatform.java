package org.tandem.demo;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.tandem.system.TandemProperties;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * A small LTI 1.3 platform built into Tandem for trying it without a Moodle. It is
 * registered like any platform, from a registration file ({@code demo/platform.yml}), and
 * signs id_tokens shaped like Moodle 4.5's with a key of its own, which Tandem fetches
 * from its key set URL: every demo launch goes through Tandem's real validation, and the
 * demo talks to Tandem over HTTP only, as Moodle does. Only in the {@code demo} profile.
 */
@Component
@Profile("demo")
class DemoPlatform {

	static final String CLIENT_ID = "tandem-demo";

	static final String DEPLOYMENT_ID = "1";

	static final DemoCourse COURSE = new DemoCourse("14", "Biologie cellulaire", "BIO101");

	private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

	private final DemoProperties properties;

	private final TandemProperties tandem;

	private final Clock clock;

	private final RSAKey key;

	DemoPlatform(DemoProperties properties, TandemProperties tandem, Clock clock) throws JOSEException {
		this.properties = properties;
		this.tandem = tandem;
		this.clock = clock;
		// A fresh key at each start: the demo platform keeps nothing.
		this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
			.keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.RS256)
			.generate();
	}

	/** The token of the demo's web services, which its registration gives Tandem. */
	boolean isWebServiceToken(String token) {
		return token != null && MessageDigest.isEqual(properties.webServiceToken().getBytes(StandardCharsets.UTF_8),
				token.getBytes(StandardCharsets.UTF_8));
	}

	String issuer() {
		return properties.url("/demo");
	}

	String tandemUrl(String path) {
		return tandem.url(path);
	}

	JWKSet publicKeys() {
		return new JWKSet(key.toPublicJWK());
	}

	/**
	 * An id_token as Moodle 4.5 signs it for a resource link launch (claims and their
	 * shapes).
	 */
	String idToken(DemoUser user, String nonce, String locale) {
		Instant now = clock.instant();
		JWTClaimsSet claims = new JWTClaimsSet.Builder().claim("nonce", nonce)
			.issueTime(Date.from(now))
			.expirationTime(Date.from(now.plusSeconds(60)))
			.issuer(issuer())
			.audience(CLIENT_ID)
			.subject(user.id)
			.claim(LTI + "deployment_id", DEPLOYMENT_ID)
			.claim(LTI + "target_link_uri", tandem.url("/lti/launch"))
			.claim(LTI + "lis", Map.of("person_sourcedid", "", "course_section_sourcedid", ""))
			.claim(LTI + "roles", user.roles)
			.claim(LTI + "context",
					Map.of("id", COURSE.id(), "label", COURSE.label(), "title", COURSE.title(), "type",
							List.of("CourseSection")))
			.claim(LTI + "message_type", "LtiResourceLinkRequest")
			.claim(LTI + "resource_link", Map.of("title", "Tandem", "description", "", "id", "1"))
			.claim("given_name", user.givenName)
			.claim("family_name", user.familyName)
			.claim("name", user.givenName + " " + user.familyName)
			.claim(LTI + "ext", Map.of("user_username", user.username, "lms", "moodle-2"))
			.claim("email", user.email())
			.claim(LTI + "launch_presentation",
					Map.of("locale", locale, "document_target", "iframe", "return_url", properties.url("/demo")))
			.claim(LTI + "tool_platform",
					Map.of("product_family_code", "moodle", "version", "2024100706", "name", "Tandem demo",
							"description", "Tandem's built-in demo platform"))
			.claim(LTI + "version", "1.3.0")
			.build();
		SignedJWT jwt = new SignedJWT(
				new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build(),
				claims);
		try {
			jwt.sign(new RSASSASigner(key));
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("The demo platform cannot sign", ex);
		}
		return jwt.serialize();
	}

	record DemoCourse(String id, String title, String label) {
	}

}
