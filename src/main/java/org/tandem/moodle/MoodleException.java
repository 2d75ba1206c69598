package org.tandem.moodle;

import org.tandem.system.MessageKey;

/**
 * Moodle refused a call (it answers errors with HTTP 200 and an {@code exception}
 * object), or could not be reached. The problem says what an administrator should fix.
 */
public class MoodleException extends RuntimeException {

	/**
	 * What went wrong, each with a message in the bundles: {@code moodle.problem.<key>}.
	 */
	public enum Problem implements MessageKey {

		/** The token is unknown, expired or revoked. */
		INVALID_TOKEN,
		/** The function is not in the external service of the token. */
		FUNCTION_NOT_IN_SERVICE,
		/**
		 * The token's external service is switched off: Moodle refuses each of its
		 * functions, the site info included.
		 */
		SERVICE_DISABLED,
		/** No course with this id. */
		COURSE_NOT_FOUND,
		/** The service account cannot see this course (a capability or an override). */
		COURSE_NOT_ACCESSIBLE,
		/** Messaging is disabled on the site. */
		MESSAGING_DISABLED,
		/** The service account's role lacks a capability the function checks. */
		MISSING_CAPABILITY,
		/** Moodle refused the call's parameters. */
		INVALID_PARAMETER,
		/** Web services or the REST protocol are turned off (Moodle answers HTTP 403). */
		WEB_SERVICES_OFF,
		/**
		 * Moodle is down, in maintenance, too slow, or answered something that is not its
		 * JSON: worth trying again later.
		 */
		UNAVAILABLE,
		/** Any other error Moodle reports. */
		OTHER;

		@Override
		public String keyPrefix() {
			return "moodle.problem";
		}

	}

	private final Problem problem;

	private final String function;

	public MoodleException(Problem problem, String function, String detail, Throwable cause) {
		super(function + ": " + problem + (detail == null ? "" : " (" + detail + ")"), cause);
		this.problem = problem;
		this.function = function;
	}

	public Problem problem() {
		return problem;
	}

	public String function() {
		return function;
	}

}
