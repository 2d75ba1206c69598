package org.tandem.demo;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
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
import org.tandem.lti.PlatformRegistration;
import org.tandem.lti.PlatformRegistry;
import org.tandem.system.TandemProperties;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * A small LTI 1.3 platform built into Tandem for trying it without a Moodle. It registers
 * itself like any platform and signs id_tokens shaped like Moodle 4.5's with a key of its
 * own, so every demo launch goes through Tandem's real validation. Only in the
 * {@code demo} profile.
 */
@Component
@Profile("demo")
@Order(1)
class DemoPlatform implements ApplicationRunner {

	static final String CLIENT_ID = "tandem-demo";

	static final String DEPLOYMENT_ID = "1";

	static final DemoCourse COURSE = new DemoCourse("14", "Biologie cellulaire", "BIO101");

	private static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

	private final DemoProperties properties;

	private final TandemProperties tandem;

	private final PlatformRegistry registry;

	private final Clock clock;

	private final RSAKey key;

	/** The token of the demo's web services, shaped like Moodle's (32 hex digits). */
	private final String webServiceToken;

	DemoPlatform(DemoProperties properties, TandemProperties tandem, PlatformRegistry registry, Clock clock)
			throws JOSEException {
		this.properties = properties;
		this.tandem = tandem;
		this.registry = registry;
		this.clock = clock;
		// A fresh key and token at each start: the demo platform keeps nothing.
		this.key = new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString())
			.keyUse(KeyUse.SIGNATURE)
			.algorithm(JWSAlgorithm.RS256)
			.generate();
		byte[] token = new byte[16];
		new SecureRandom().nextBytes(token);
		this.webServiceToken = HexFormat.of().formatHex(token);
	}

	@Override
	public void run(ApplicationArguments args) {
		registry.register(registration(), "the demo platform (org.tandem.demo.DemoPlatform)");
	}

	PlatformRegistration registration() {
		return new PlatformRegistration("Tandem demo platform", issuer(), CLIENT_ID,
				URI.create(properties.url("/demo/auth")), URI.create(properties.url("/demo/token")),
				URI.create(properties.url("/demo/jwks.json")), URI.create(properties.url("/demo")),
				List.of(DEPLOYMENT_ID), List.of(new PlatformRegistration.Engineer(DemoUser.ENGINEER.id, null)), true,
				new PlatformRegistration.WebServices(URI.create(properties.url("/demo")), webServiceToken));
	}

	boolean isWebServiceToken(String token) {
		return token != null && MessageDigest.isEqual(webServiceToken.getBytes(StandardCharsets.UTF_8),
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
