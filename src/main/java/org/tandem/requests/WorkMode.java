package org.tandem.requests;

/** How the teacher would like to work with the engineer. */
public enum WorkMode {

	MEETING, VIDEO_CALL, MESSAGES;

	public String key() {
		return "work-mode." + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

}
