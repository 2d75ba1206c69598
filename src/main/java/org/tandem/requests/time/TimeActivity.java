package org.tandem.requests.time;

/** What an engineer's logged time was spent on. */
public enum TimeActivity {

	MEETING, DESIGN, PRODUCTION, TRAINING;

	public String key() {
		return "activity." + name().toLowerCase(java.util.Locale.ROOT);
	}

}
