package org.tandem.lti.launch;

import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.BadJWTException;
import com.nimbusds.jwt.proc.DefaultJWTClaimsVerifier;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import com.nimbusds.jwt.proc.ExpiredJWTException;
import org.tandem.lti.LtiProperties;
import org.tandem.lti.MessageType;
import org.tandem.lti.Platform;
import org.tandem.lti.keys.PlatformKeySets;

import org.springframework.stereotype.Component;

/**
 * Validates an LTI 1.3 id_token (LTI Core 1.3 §5.1, Security Framework §5.1.3): the
 * signature with the platform's keys, then every claim Tandem relies on. The signature is
 * checked before any claim is read.
 */
@Component
public class IdTokenValidator {

	/**
	 * The asymmetric algorithms the LTI Security Framework allows; never none, never
	 * HMAC.
	 */
	static final Set<JWSAlgorithm> ALLOWED_ALGORITHMS = Set.of(JWSAlgorithm.RS256, JWSAlgorithm.RS384,
			JWSAlgorithm.RS512, JWSAlgorithm.ES256, JWSAlgorithm.ES384, JWSAlgorithm.ES512);

	static final String LTI = "https://purl.imsglobal.org/spec/lti/claim/";

	static final String DEEP_LINKING_SETTINGS = "https://purl.imsglobal.org/spec/lti-dl/claim/deep_linking_settings";

	private final LtiProperties properties;

	private final Clock clock;

	private final PlatformKeySets keySets;

	public IdTokenValidator(LtiProperties properties, Clock clock, PlatformKeySets keySets) {
		this.properties = properties;
		this.clock = clock;
		this.keySets = keySets;
	}

	public LaunchClaims validate(String idToken, Platform platform, String expectedNonce) {
		return validate(idToken, platform, expectedNonce, keySets.forPlatform(platform));
	}

	public LaunchClaims validate(String idToken, Platform platform, String expectedNonce,
			JWKSource<SecurityContext> keys) {
		if (idToken == null || idToken.isBlank()) {
			throw new LaunchRefusedException(LaunchProblem.TOKEN_MISSING);
		}
		if (idToken.length() > properties.maxIdTokenSize().toBytes()) {
			throw new LaunchRefusedException(LaunchProblem.TOKEN_TOO_LARGE, properties.maxIdTokenSize().toKilobytes());
		}
		SignedJWT jwt = signed(idToken);
		JWSHeader header = jwt.getHeader();
		if (!ALLOWED_ALGORITHMS.contains(header.getAlgorithm())) {
			throw new LaunchRefusedException(LaunchProblem.ALGORITHM_NOT_ALLOWED, header.getAlgorithm().getName());
		}
		if (header.getKeyID() == null || header.getKeyID().isBlank()) {
			throw new LaunchRefusedException(LaunchProblem.KID_MISSING);
		}
		JWTClaimsSet claims = verified(jwt, keys);
		return claims(claims, platform, expectedNonce);
	}

	private static SignedJWT signed(String idToken) {
		JWT jwt;
		try {
			jwt = JWTParser.parse(idToken);
		}
		catch (ParseException ex) {
			throw new LaunchRefusedException(LaunchProblem.TOKEN_MALFORMED, ex);
		}
		if (jwt instanceof PlainJWT) {
			throw new LaunchRefusedException(LaunchProblem.TOKEN_UNSIGNED);
		}
		if (!(jwt instanceof SignedJWT signed)) {
			throw new LaunchRefusedException(LaunchProblem.TOKEN_MALFORMED);
		}
		return signed;
	}

	private JWTClaimsSet verified(SignedJWT jwt, JWKSource<SecurityContext> keys) {
		DefaultJWTProcessor<SecurityContext> processor = new DefaultJWTProcessor<>();
		// Moodle sends typ JWT; other platforms send none.
		processor.setJWSTypeVerifier(new DefaultJOSEObjectTypeVerifier<>(JOSEObjectType.JWT, null));
		processor.setJWSKeySelector(new JWSVerificationKeySelector<>(ALLOWED_ALGORITHMS, keys));
		DefaultJWTClaimsVerifier<SecurityContext> timeVerifier = new DefaultJWTClaimsVerifier<>(null, null,
				Set.of("exp", "iat"), null) {
			@Override
			protected Date currentTime() {
				return Date.from(clock.instant());
			}
		};
		timeVerifier.setMaxClockSkew((int) properties.clockSkew().toSeconds());
		processor.setJWTClaimsSetVerifier(timeVerifier);
		try {
			return processor.process(jwt, null);
		}
		catch (RateLimitReachedException ex) {
			// The key set was fetched again moments ago: this kid is simply not in it.
			throw new LaunchRefusedException(LaunchProblem.UNKNOWN_KEY, ex, jwt.getHeader().getKeyID());
		}
		catch (KeySourceException ex) {
			throw new LaunchRefusedException(LaunchProblem.KEYS_UNAVAILABLE, ex);
		}
		catch (ExpiredJWTException ex) {
			throw new LaunchRefusedException(LaunchProblem.EXPIRED, ex);
		}
		catch (BadJWTException ex) {
			// Nimbus has no type of its own for a token not yet valid (nbf).
			if (String.valueOf(ex.getMessage()).contains("before use time")) {
				throw new LaunchRefusedException(LaunchProblem.ISSUED_IN_FUTURE, ex);
			}
			throw new LaunchRefusedException(LaunchProblem.CLAIM_MISSING, ex, "exp, iat");
		}
		catch (BadJOSEException ex) {
			if (String.valueOf(ex.getMessage()).contains("no matching key")) {
				throw new LaunchRefusedException(LaunchProblem.UNKNOWN_KEY, ex, jwt.getHeader().getKeyID());
			}
			throw new LaunchRefusedException(LaunchProblem.BAD_SIGNATURE, ex);
		}
		catch (com.nimbusds.jose.JOSEException ex) {
			throw new LaunchRefusedException(LaunchProblem.BAD_SIGNATURE, ex);
		}
	}

	private LaunchClaims claims(JWTClaimsSet claims, Platform platform, String expectedNonce) {
		Instant now = clock.instant();
		if (claims.getIssueTime().toInstant().isAfter(now.plus(properties.clockSkew()))) {
			throw new LaunchRefusedException(LaunchProblem.ISSUED_IN_FUTURE);
		}
		if (!platform.issuer().equals(claims.getIssuer())) {
			throw new LaunchRefusedException(LaunchProblem.ISSUER_MISMATCH, String.valueOf(claims.getIssuer()),
					platform.issuer());
		}
		List<String> audience = claims.getAudience();
		if (!audience.contains(platform.clientId())) {
			throw new LaunchRefusedException(LaunchProblem.AUDIENCE_MISMATCH, platform.clientId());
		}
		String azp = string(claims, "azp");
		if ((audience.size() > 1 || azp != null) && !platform.clientId().equals(azp)) {
			throw new LaunchRefusedException(LaunchProblem.AZP_MISMATCH, platform.clientId());
		}
		String nonce = string(claims, "nonce");
		if (nonce == null || !nonce.equals(expectedNonce)) {
			throw new LaunchRefusedException(LaunchProblem.NONCE_MISMATCH);
		}
		String deploymentId = string(claims, LTI + "deployment_id");
		if (deploymentId == null || deploymentId.isBlank()) {
			throw new LaunchRefusedException(LaunchProblem.DEPLOYMENT_MISSING);
		}
		if (!platform.deploymentIds().contains(deploymentId)) {
			throw new LaunchRefusedException(LaunchProblem.UNKNOWN_DEPLOYMENT, deploymentId, platform.name(),
					platform.source());
		}
		String messageTypeClaim = string(claims, LTI + "message_type");
		MessageType messageType = MessageType.of(messageTypeClaim)
			.orElseThrow(() -> new LaunchRefusedException(LaunchProblem.MESSAGE_TYPE_UNSUPPORTED,
					String.valueOf(messageTypeClaim)));
		String version = string(claims, LTI + "version");
		if (!"1.3.0".equals(version)) {
			throw new LaunchRefusedException(LaunchProblem.VERSION_UNSUPPORTED, String.valueOf(version));
		}
		String subject = claims.getSubject();
		if (subject == null || subject.isBlank()) {
			throw new LaunchRefusedException(LaunchProblem.CLAIM_MISSING, "sub");
		}
		List<String> roles = stringList(claims, LTI + "roles");
		Map<String, Object> context = object(claims, LTI + "context");
		if (context == null || blank(context.get("id"))) {
			throw new LaunchRefusedException(LaunchProblem.CLAIM_MISSING, "context");
		}
		Map<String, Object> resourceLink = object(claims, LTI + "resource_link");
		String deepLinkReturnUrl = null;
		if (messageType == MessageType.RESOURCE_LINK && (resourceLink == null || blank(resourceLink.get("id")))) {
			throw new LaunchRefusedException(LaunchProblem.CLAIM_MISSING, "resource_link");
		}
		if (messageType == MessageType.DEEP_LINKING) {
			Map<String, Object> settings = object(claims, DEEP_LINKING_SETTINGS);
			if (settings == null || blank(settings.get("deep_link_return_url"))) {
				throw new LaunchRefusedException(LaunchProblem.CLAIM_MISSING, "deep_linking_settings");
			}
			deepLinkReturnUrl = settings.get("deep_link_return_url").toString();
		}
		Map<String, Object> presentation = object(claims, LTI + "launch_presentation");
		return new LaunchClaims(subject, string(claims, "name"), string(claims, "given_name"),
				string(claims, "family_name"), string(claims, "email"),
				presentation == null ? null : text(presentation.get("locale")), deploymentId, messageType,
				LisRoles.parse(roles),
				new LaunchClaims.Course(context.get("id").toString(), text(context.get("title")),
						text(context.get("label"))),
				resourceLink == null ? null : text(resourceLink.get("id")),
				resourceLink == null ? null : text(resourceLink.get("title")), deepLinkReturnUrl);
	}

	private static String string(JWTClaimsSet claims, String name) {
		Object value = claims.getClaim(name);
		return value instanceof String s ? s : null;
	}

	private static List<String> stringList(JWTClaimsSet claims, String name) {
		Object value = claims.getClaim(name);
		if (!(value instanceof List<?> list)) {
			throw new LaunchRefusedException(LaunchProblem.CLAIM_MISSING, "roles");
		}
		return list.stream().filter(String.class::isInstance).map(String.class::cast).toList();
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Object> object(JWTClaimsSet claims, String name) {
		Object value = claims.getClaim(name);
		return value instanceof Map<?, ?> map ? (Map<String, Object>) map : null;
	}

	private static boolean blank(Object value) {
		return value == null || value.toString().isBlank();
	}

	private static String text(Object value) {
		return value == null || value.toString().isBlank() ? null : value.toString();
	}

}
