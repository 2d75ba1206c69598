package org.tandem.artifacts;

import java.net.URI;

import org.tandem.moodle.MoodleUrls;

/** Where a course and its artifacts open in Moodle, for the pages that link to them. */
public final class CourseLinks {

	private CourseLinks() {
	}

	public static String course(URI site, String contextId) {
		return MoodleUrls.course(site, contextId);
	}

	/**
	 * A section opens on its own page (Moodle 4.4 and later), a module on its view page.
	 */
	public static String artifact(URI site, Artifact.Kind kind, long id, String type) {
		return kind == Artifact.Kind.SECTION ? MoodleUrls.section(site, id) : MoodleUrls.module(site, type, id);
	}

}
