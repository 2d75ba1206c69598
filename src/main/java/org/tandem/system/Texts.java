package org.tandem.system;

/** What forms and files give as optional text: blank means none. */
public final class Texts {

	private Texts() {
	}

	/** Null for null or blank text, else the text stripped of white space. */
	public static String blankToNull(String text) {
		return text == null || text.isBlank() ? null : text.strip();
	}

	/**
	 * As {@link #blankToNull}, but trimmed ({@link String#trim()}: control characters and
	 * ASCII spaces) as engineers' ids and e-mail addresses have always been stored, so
	 * that they keep matching.
	 */
	public static String blankToNullTrimmed(String text) {
		return text == null || text.isBlank() ? null : text.trim();
	}

}
