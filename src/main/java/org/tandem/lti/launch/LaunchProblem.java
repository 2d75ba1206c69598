package org.tandem.lti.launch;

import org.tandem.system.MessageKey;

import org.springframework.http.HttpStatus;

/**
 * Why a login or a launch is refused. Each has a page in the user's language
 * ({@code launch.problem.<key>.*} in the message bundles): what went wrong, and what the
 * Moodle administrator should check.
 */
public enum LaunchProblem implements MessageKey {

	// At login (/lti/login)
	LOGIN_PARAMETER_MISSING(HttpStatus.BAD_REQUEST), UNKNOWN_ISSUER(HttpStatus.BAD_REQUEST),
	UNKNOWN_CLIENT(HttpStatus.BAD_REQUEST), CLIENT_ID_REQUIRED(HttpStatus.BAD_REQUEST),
	FOREIGN_TARGET_LINK(HttpStatus.BAD_REQUEST), UNKNOWN_DEPLOYMENT(HttpStatus.BAD_REQUEST),

	// The platform answered the authentication request with an error
	LOGIN_REQUIRED(HttpStatus.UNAUTHORIZED), PLATFORM_ERROR(HttpStatus.BAD_REQUEST),

	// At launch (/lti/launch): the state and the request
	STATE_MISSING(HttpStatus.BAD_REQUEST), STATE_UNKNOWN(HttpStatus.BAD_REQUEST), STATE_USED(HttpStatus.BAD_REQUEST),
	FOREIGN_ORIGIN(HttpStatus.FORBIDDEN),

	// The id_token itself
	TOKEN_MISSING(HttpStatus.BAD_REQUEST), TOKEN_TOO_LARGE(HttpStatus.CONTENT_TOO_LARGE),
	TOKEN_MALFORMED(HttpStatus.BAD_REQUEST), TOKEN_UNSIGNED(HttpStatus.UNAUTHORIZED),
	ALGORITHM_NOT_ALLOWED(HttpStatus.UNAUTHORIZED), KID_MISSING(HttpStatus.UNAUTHORIZED),
	UNKNOWN_KEY(HttpStatus.UNAUTHORIZED), BAD_SIGNATURE(HttpStatus.UNAUTHORIZED),
	// 424: the platform's key set, which this launch depends on, could not be had; never
	// a 5xx
	KEYS_UNAVAILABLE(HttpStatus.FAILED_DEPENDENCY), EXPIRED(HttpStatus.UNAUTHORIZED),
	ISSUED_IN_FUTURE(HttpStatus.UNAUTHORIZED), ISSUER_MISMATCH(HttpStatus.UNAUTHORIZED),
	AUDIENCE_MISMATCH(HttpStatus.UNAUTHORIZED), AZP_MISMATCH(HttpStatus.UNAUTHORIZED),
	NONCE_MISMATCH(HttpStatus.UNAUTHORIZED), DEPLOYMENT_MISSING(HttpStatus.BAD_REQUEST),
	MESSAGE_TYPE_UNSUPPORTED(HttpStatus.BAD_REQUEST), VERSION_UNSUPPORTED(HttpStatus.BAD_REQUEST),
	CLAIM_MISSING(HttpStatus.BAD_REQUEST);

	private final HttpStatus status;

	LaunchProblem(HttpStatus status) {
		this.status = status;
	}

	public HttpStatus status() {
		return status;
	}

	/**
	 * The key, {@code launch.problem.unknown-issuer}, is itself a prefix: the messages
	 * are its {@code .title}, {@code .detail} and {@code .admin}.
	 */
	@Override
	public String keyPrefix() {
		return "launch.problem";
	}

}
