package org.tandem.artifacts;

import org.tandem.system.MessageKey;

/**
 * The two sides of an instructional designer's help. Every request, time entry and rework
 * carries one, so that reports can show the design work, which is the part that goes
 * unseen.
 */
public enum HelpKind implements MessageKey {

	/**
	 * Designing the pedagogical scenario: objectives, progression, activities,
	 * assessment.
	 */
	MEDIATION,
	/**
	 * Production and set-up: Moodle, activities and quizzes, media, accessibility,
	 * grades.
	 */
	MEDIATISATION;

	@Override
	public String keyPrefix() {
		return "kind";
	}

}
