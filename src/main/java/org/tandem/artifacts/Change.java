package org.tandem.artifacts;

import java.util.Set;

import org.tandem.system.MessageKey;

/**
 * A difference between two snapshots of a course, with the areas Moodle says changed.
 *
 * @param before the artifact as it was, null when added
 * @param after the artifact as it is, null when removed
 * @param areas what Moodle's {@code get_updates_since} names for this module
 * ({@code configuration}, {@code contentfiles}...), empty when it names nothing
 */
public record Change(Type type, Artifact before, Artifact after, Set<String> areas) {

	public enum Type implements MessageKey {

		ADDED, REMOVED, MODIFIED, MOVED, RENAMED, SHOWN, HIDDEN;

		@Override
		public String keyPrefix() {
			return "change";
		}

	}

	public Change {
		areas = Set.copyOf(areas);
	}

	/** The artifact this change is about, as last seen. */
	public Artifact artifact() {
		return after != null ? after : before;
	}

}
