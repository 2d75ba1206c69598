package org.tandem.moodle;

import java.net.URI;

/**
 * Every address Tandem builds into a Moodle site, in one place: Moodle's paths change
 * between versions (sections moved to {@code /course/section.php} in 4.4), and nothing
 * outside this module should know them.
 */
public final class MoodleUrls {

	private MoodleUrls() {
	}

	/** The course page: {@code /course/view.php?id=<course id>}. */
	public static String course(URI site, String courseId) {
		return base(site) + "/course/view.php?id=" + courseId;
	}

	/** A course module: {@code /mod/<type>/view.php?id=<cmid>}. */
	public static String module(URI site, String type, long cmid) {
		return base(site) + "/mod/" + type + "/view.php?id=" + cmid;
	}

	/**
	 * A section of the course: {@code /course/section.php?id=<id>} (Moodle 4.4 and
	 * later).
	 */
	public static String section(URI site, long sectionId) {
		return base(site) + "/course/section.php?id=" + sectionId;
	}

	/**
	 * A Tandem activity of the course, by its instance id: Moodle sends that id as the
	 * launch's resource link id.
	 */
	public static String ltiActivity(URI site, String instanceId) {
		return base(site) + "/mod/lti/view.php?l=" + instanceId;
	}

	private static String base(URI site) {
		String url = site.toString();
		return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
	}

}
