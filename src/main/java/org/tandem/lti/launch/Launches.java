package org.tandem.lti.launch;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.lti.LaunchSession;
import org.tandem.lti.LtiProperties;
import org.tandem.lti.Platform;
import org.tandem.lti.PlatformRegistry;
import org.tandem.lti.Role;
import org.tandem.system.SupportedLocales;
import org.tandem.system.TandemProperties;

import org.springframework.stereotype.Service;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The two steps of an LTI 1.3 launch (OIDC third-party initiated login, then the id_token
 * post), as the LTI Security Framework §5.1.1 describes them.
 */
@Service
public class Launches {

	private static final Logger log = LoggerFactory.getLogger(Launches.class);

	private final PlatformRegistry registry;

	private final LoginStates states;

	private final IdTokenValidator validator;

	private final LaunchRecorder recorder;

	private final TandemProperties tandem;

	private final String platformsDir;

	Launches(PlatformRegistry registry, LoginStates states, IdTokenValidator validator, LaunchRecorder recorder,
			TandemProperties tandem, LtiProperties properties) {
		this.platformsDir = properties.platformsDir().toString();
		this.registry = registry;
		this.states = states;
		this.validator = validator;
		this.recorder = recorder;
		this.tandem = tandem;
	}

	/** The one redirect URI registered in Moodle: any difference and Moodle refuses. */
	String redirectUri() {
		return tandem.url("/lti/launch");
	}

	/**
	 * Checks a login initiation and returns where to send the browser: the platform's
	 * auth endpoint.
	 */
	public URI login(LoginInitiation login) {
		require("iss", login.issuer());
		require("login_hint", login.loginHint());
		require("target_link_uri", login.targetLinkUri());
		Platform platform = platform(login.issuer(), login.clientId());
		if (!isTandems(login.targetLinkUri())) {
			throw new LaunchRefusedException(LaunchProblem.FOREIGN_TARGET_LINK, login.targetLinkUri(),
					tandem.url("/lti/launch"));
		}
		String deploymentId = blankToNull(login.deploymentId());
		if (deploymentId != null && !platform.deploymentIds().contains(deploymentId)) {
			throw new LaunchRefusedException(LaunchProblem.UNKNOWN_DEPLOYMENT, deploymentId, platform.name(),
					platform.source());
		}
		LoginStates.IssuedLogin issued = states.issue(platform, deploymentId);
		MultiValueMap<String, String> query = new LinkedMultiValueMap<>();
		query.add("scope", "openid");
		query.add("response_type", "id_token");
		query.add("response_mode", "form_post");
		query.add("prompt", "none");
		query.add("client_id", platform.clientId());
		query.add("redirect_uri", redirectUri());
		query.add("login_hint", login.loginHint());
		query.add("state", issued.state());
		query.add("nonce", issued.nonce());
		if (login.messageHint() != null) {
			// Opaque: echoed back unchanged.
			query.add("lti_message_hint", login.messageHint());
		}
		// Every value strictly form-encoded: Moodle's hints are JSON, with braces and
		// quotes.
		query.replaceAll(
				(name, values) -> values.stream().map(v -> URLEncoder.encode(v, StandardCharsets.UTF_8)).toList());
		return UriComponentsBuilder.fromUri(platform.authUrl()).queryParams(query).build(true).toUri();
	}

	/**
	 * Validates the platform's answer and records who launched where. The state is used
	 * only once everything else holds, so a refused launch stores nothing.
	 * @param origin the request's {@code Origin} header: the post must come from the
	 * platform's own page, which stops a login CSRF (an attacker posting their own token
	 * from their site into a victim's browser)
	 */
	public LaunchSession launch(String idToken, String state, String origin) {
		if (state == null || state.isBlank()) {
			throw new LaunchRefusedException(LaunchProblem.STATE_MISSING);
		}
		LoginStates.IssuedLogin login = states.find(state)
			.orElseThrow(() -> new LaunchRefusedException(LaunchProblem.STATE_UNKNOWN));
		if (login.used()) {
			throw new LaunchRefusedException(LaunchProblem.STATE_USED);
		}
		Platform platform = registry.byId(login.platformId())
			.filter(Platform::enabled)
			.orElseThrow(() -> new LaunchRefusedException(LaunchProblem.STATE_UNKNOWN));
		if (origin == null || !(origin.equals(platform.authOrigin()) || origin.equals(platform.origin()))) {
			throw new LaunchRefusedException(LaunchProblem.FOREIGN_ORIGIN, String.valueOf(origin),
					platform.authOrigin());
		}
		LaunchClaims claims = validator.validate(idToken, platform, login.nonce());
		if (!states.use(login)) {
			throw new LaunchRefusedException(LaunchProblem.STATE_USED);
		}
		long personId = recorder.person(platform, claims);
		long courseId = recorder.course(platform, claims.course());
		Set<Role> roles = EnumSet.noneOf(Role.class);
		roles.addAll(claims.roles());
		if (registry.isEngineer(platform, claims.subject(), claims.email())) {
			roles.add(Role.ENGINEER);
		}
		if (roles.isEmpty()) {
			roles.add(Role.LEARNER);
		}
		Locale locale = SupportedLocales.of(claims.locale());
		log.info("Launch of person {} ({}) in course {} of platform '{}' as {}", personId, claims.subject(),
				claims.course().contextId(), platform.name(), roles);
		return new LaunchSession(platform.id(), platform.name(), claims.deploymentId(), courseId,
				claims.course().contextId(), claims.course().title(), claims.course().label(), personId,
				claims.subject(), claims.displayName(), claims.email(), locale, Set.copyOf(roles), claims.messageType(),
				claims.resourceLinkId());
	}

	private Platform platform(String issuer, String clientId) {
		List<Platform> candidates = registry.byIssuer(issuer);
		if (candidates.isEmpty()) {
			throw new LaunchRefusedException(LaunchProblem.UNKNOWN_ISSUER, issuer, platformsDir);
		}
		if (blankToNull(clientId) == null) {
			if (candidates.size() > 1) {
				throw new LaunchRefusedException(LaunchProblem.CLIENT_ID_REQUIRED, issuer);
			}
			return candidates.get(0);
		}
		return candidates.stream()
			.filter(p -> p.clientId().equals(clientId))
			.findFirst()
			.orElseThrow(() -> new LaunchRefusedException(LaunchProblem.UNKNOWN_CLIENT, clientId, issuer));
	}

	/** The target must be Tandem itself: same origin, under its base path. */
	private boolean isTandems(String targetLinkUri) {
		try {
			URI target = URI.create(targetLinkUri);
			URI base = tandem.baseUrl();
			String basePath = base.getPath() == null ? "" : base.getPath().replaceAll("/$", "");
			return Platform.originOf(base).equals(Platform.originOf(target)) && target.getPath() != null
					&& (target.getPath().equals(basePath) || target.getPath().startsWith(basePath + "/"));
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			return false;
		}
	}

	private static void require(String name, String value) {
		if (value == null || value.isBlank()) {
			throw new LaunchRefusedException(LaunchProblem.LOGIN_PARAMETER_MISSING, name);
		}
	}

	private static String blankToNull(String value) {
		return value == null || value.isBlank() ? null : value;
	}

	/**
	 * The parameters of a third-party initiated login (LTI Security Framework §5.1.1.1).
	 */
	public record LoginInitiation(String issuer, String loginHint, String targetLinkUri, String messageHint,
			String clientId, String deploymentId) {
	}

}
