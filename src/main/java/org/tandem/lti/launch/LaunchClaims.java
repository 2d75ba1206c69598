package org.tandem.lti.launch;

import java.util.Set;

import org.tandem.lti.MessageType;
import org.tandem.lti.Role;

/**
 * What a validated id_token says, in Tandem's terms. Personal data (names, e-mail) may be
 * absent: a platform may withhold it.
 */
public record LaunchClaims(String subject, String name, String givenName, String familyName, String email,
		String locale, String deploymentId, MessageType messageType, Set<Role> roles, Course course,
		String resourceLinkId, String resourceLinkTitle, String deepLinkReturnUrl) {

	public record Course(String contextId, String title, String label) {
	}

	/** The best name to greet the person with, or null when the platform sent none. */
	String displayName() {
		if (name != null && !name.isBlank()) {
			return name;
		}
		String joined = ((givenName == null ? "" : givenName) + " " + (familyName == null ? "" : familyName)).trim();
		return joined.isEmpty() ? null : joined;
	}

}
