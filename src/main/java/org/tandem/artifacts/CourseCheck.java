package org.tandem.artifacts;

/**
 * What a check of the course found.
 *
 * @param problemKey the message that says why Moodle could not be read, when
 * {@link Outcome#FAILED}
 * @param snapshot the course as Moodle has it, null unless {@link Outcome#CHECKED}
 * @param newChanges how many changes this check stored
 */
public record CourseCheck(Outcome outcome, String problemKey, SnapshotRecord snapshot, int newChanges) {

	public enum Outcome {

		/** Moodle answered: the snapshot is the course now. */
		CHECKED,
		/** The platform has no web services: the course cannot be seen. */
		NOT_CONFIGURED,
		/** Moodle refused or could not be reached. */
		FAILED

	}

	public boolean checked() {
		return outcome == Outcome.CHECKED;
	}

}
