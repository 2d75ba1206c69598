package org.tandem.lti;

import org.tandem.system.MessageKey;

/**
 * What a person is to Tandem in one launch. A person may hold several; they land on the
 * page of the first one in this order.
 */
public enum Role implements MessageKey {

	/** Designated as an instructional designer for the platform in its registration. */
	ENGINEER,
	/** Moodle's site administrators (LTI system or institution Administrator). */
	ADMINISTRATOR,
	/** Instructor of the course: Moodle sends it for editing and non-editing teachers. */
	TEACHER,
	/** Everyone else: Tandem is for teaching staff. */
	LEARNER;

	/** The Spring Security authority: {@code ROLE_TEACHER}. */
	public String authority() {
		return "ROLE_" + name();
	}

	@Override
	public String keyPrefix() {
		return "role";
	}

}
