package org.tandem.artifacts;

import java.util.Set;

/**
 * A difference between two snapshots of a course, with the areas Moodle says changed.
 *
 * @param before the artifact as it was, null when added
 * @param after the artifact as it is, null when removed
 * @param areas what Moodle's {@code get_updates_since} names for this module
 * ({@code configuration}, {@code contentfiles}...), empty when it names nothing
 */
public record Change(Type type, Artifact before, Artifact after, Set<String> areas) {

	public enum Type {

		ADDED, REMOVED, MODIFIED, MOVED, RENAMED, SHOWN, HIDDEN

	}

	public Change {
		areas = Set.copyOf(areas);
	}

	/** The artifact this change is about, as last seen. */
	public Artifact artifact() {
		return after != null ? after : before;
	}

}
