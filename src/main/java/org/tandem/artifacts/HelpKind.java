package org.tandem.artifacts;

/**
 * The two sides of an instructional designer's help. Every request, time entry and rework
 * carries one, so that reports can show the design work, which is the part that goes
 * unseen.
 */
public enum HelpKind {

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

	public String key() {
		return "kind." + name().toLowerCase(java.util.Locale.ROOT);
	}

}
