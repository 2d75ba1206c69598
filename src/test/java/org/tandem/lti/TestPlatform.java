package org.tandem.lti;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
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

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

/**
 * A Moodle stand-in for tests: its site is a WireMock server on 127.0.0.1 that serves the
 * key set at Moodle's path ({@code /mod/lti/certs.php}); it signs id_tokens whose claims
 * are the ones a real Moodle sent ({@link MoodleCaptures}), re-addressed to this site and
 * to the Tandem under test.
 */
public final class TestPlatform {

	public static final String CLIENT_ID = "Qcm8QCVp5S9Z2WP";

	public static final String DEPLOYMENT_ID = "1";

	/** engineer1 of the captured BIO101 course: a non-editing teacher in Moodle. */
	public static final String ENGINEER_SUB = "5";

	public static final String KEYS_PATH = "/mod/lti/certs.php";

	public static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

	private final WireMockServer site;

	private final RSAKey key;

	private final String tandemBaseUrl;

	public TestPlatform(WireMockServer site, String tandemBaseUrl) {
		this.site = site;
		this.tandemBaseUrl = tandemBaseUrl;
		this.key = newKey();
	}

	public static RSAKey newKey() {
		try {
			return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString().substring(0, 20))
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Moodle's issuer is its wwwroot. */
	public String issuer() {
		return "http://127.0.0.1:" + site.port();
	}

	public String origin() {
		return issuer();
	}

	public RSAKey key() {
		return key;
	}

	public PlatformRegistration registration() {
		return new PlatformRegistration("Test Moodle", issuer(), CLIENT_ID, URI.create(issuer() + "/mod/lti/auth.php"),
				URI.create(issuer() + "/mod/lti/token.php"), URI.create(issuer() + KEYS_PATH), null,
				List.of(DEPLOYMENT_ID, "7"), List.of(new PlatformRegistration.Engineer(ENGINEER_SUB, null),
						new PlatformRegistration.Engineer(null, "IGP@example.com")),
				true, null);
	}

	/** Serves these keys at Moodle's key set URL. */
	public void serveKeys(RSAKey... keys) {
		JWKSet set = new JWKSet(List.of(keys).stream().map(k -> (com.nimbusds.jose.jwk.JWK) k.toPublicJWK()).toList());
		site.stubFor(get(urlPathEqualTo(KEYS_PATH)).willReturn(
				aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(set.toString())));
	}

	public void serveKeys() {
		serveKeys(key);
	}

	public int keySetFetches() {
		return site.countRequestsMatching(WireMock.getRequestedFor(urlPathEqualTo(KEYS_PATH)).build()).getCount();
	}

	/**
	 * The claims a real Moodle sent for {@code who}, addressed to this platform and
	 * Tandem.
	 */
	public Map<String, Object> claims(String who, String nonce) {
		Map<String, Object> claims = MoodleCaptures.claims(who);
		long now = Instant.now().getEpochSecond();
		claims.put("iss", issuer());
		claims.put("aud", CLIENT_ID);
		claims.put("nonce", nonce);
		claims.put("iat", now);
		claims.put("exp", now + 60);
		claims.put(LTI + "target_link_uri", tandemBaseUrl + "/lti/launch");
		return claims;
	}

	public String sign(Map<String, Object> claims) {
		return sign(claims, key, header -> {
		});
	}

	public String sign(Map<String, Object> claims, RSAKey signingKey, Consumer<JWSHeader.Builder> header) {
		try {
			JWSHeader.Builder builder = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT)
				.keyID(signingKey.getKeyID());
			header.accept(builder);
			SignedJWT jwt = new SignedJWT(builder.build(), JWTClaimsSet.parse(claims));
			jwt.sign(new RSASSASigner(signingKey));
			return jwt.serialize();
		}
		catch (JOSEException | java.text.ParseException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
