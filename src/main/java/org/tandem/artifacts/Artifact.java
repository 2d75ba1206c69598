package org.tandem.artifacts;

/**
 * A piece of the course as one snapshot saw it: a section, or a course module (activity
 * or resource, known by its cmid).
 *
 * @param type the module's type ({@code page}, {@code quiz}...), or {@code section}
 * @param sectionId the section a module is in; a section's own id
 * @param position a section's number in the course; a module's place in its section
 * @param fingerprint a digest of what can change besides name and visibility:
 * description, availability, completion, the files' names, sizes and times
 */
public record Artifact(Kind kind, long id, String type, String name, long sectionId, int position, boolean visible,
		String url, String fingerprint) {

	public enum Kind {

		SECTION, MODULE

	}

	/**
	 * The key that tells sections and modules apart, as ids of both may be equal:
	 * {@code M:103}.
	 */
	public String key() {
		return key(kind, id);
	}

	public static String key(Kind kind, long id) {
		return kind.name().charAt(0) + ":" + id;
	}

}
