package org.tandem.notifications;

/**
 * One piece of news for one person, as a message tells it: {@code mail.<event>.*} or
 * {@code moodle-message.<event>}.
 *
 * @param actor who did it
 * @param detail what was said or decided, quoted
 * @param link the recipient's own link to the request, null when they never launched
 * Tandem (they are sent to Moodle's course instead)
 */
record Notice(String event, String actor, String title, String course, String detail, String link) {

	/** What a notification item keeps of a text, the longest a reply is. */
	static final int MAX_DETAIL = 10000;

	Notice {
		detail = detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL - 1) + "…" : detail;
	}

}
