package org.tandem.artifacts;

import java.time.Instant;
import java.util.Set;

/**
 * A change as stored, once, with the two snapshots that show it.
 *
 * @param nameBefore null when added
 * @param nameAfter null when removed
 * @param areas what Moodle says changed in a module ({@code configuration},
 * {@code contentfiles}...), empty when it names nothing
 * @param beforeSeenAt when Moodle last showed the course as it was before the change: the
 * change was made after that, and before {@code detectedAt}
 * @param detectedAt when the later snapshot was taken
 */
public record CourseChange(long id, long courseId, long beforeSnapshotId, long afterSnapshotId, Change.Type type,
		Artifact.Kind artifactKind, long artifactId, String artifactType, String nameBefore, String nameAfter,
		Set<String> areas, Instant beforeSeenAt, Instant detectedAt) {

	public CourseChange {
		areas = Set.copyOf(areas);
	}

	/** The artifact's name as last seen. */
	public String name() {
		return nameAfter != null ? nameAfter : nameBefore;
	}

	/**
	 * Whether the change may have been made before this time: Moodle had not shown the
	 * course since. A change found by the check right after a request was filed may be
	 * the teacher's own edit of the minutes before.
	 */
	public boolean mayPredate(Instant time) {
		return beforeSeenAt.isBefore(time);
	}

	public String artifactKey() {
		return Artifact.key(artifactKind, artifactId);
	}

}
