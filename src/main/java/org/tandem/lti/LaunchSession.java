package org.tandem.lti;

import java.io.Serializable;
import java.util.Locale;
import java.util.Set;

/**
 * Who launched Tandem, from which platform, deployment and course, as what. It is the
 * principal of the session a valid launch opens; pages read it, later features build on
 * it.
 *
 * @param displayName null when the platform sent no name
 * @param email null when the platform sent no e-mail
 * @param resourceLinkId the LTI link launched (Moodle: the activity's instance id), null
 * for deep linking
 */
public record LaunchSession(long platformId, String platformName, String deploymentId, long courseId, String contextId,
		String courseTitle, String courseLabel, long personId, String subject, String displayName, String email,
		Locale locale, Set<Role> roles, MessageType messageType, String resourceLinkId) implements Serializable {

	public boolean has(Role role) {
		return roles.contains(role);
	}

	/**
	 * The page this person lands on: the first of their roles in {@link Role}'s order.
	 */
	public Role landingRole() {
		return roles.stream().min(Enum::compareTo).orElse(Role.LEARNER);
	}

}
