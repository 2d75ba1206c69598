package org.tandem.system;

import java.util.List;
import java.util.Map;

/**
 * The question a page asks before an action that cannot be taken back (withdraw, decline,
 * delete, remove). The page's form posts again to the action, with the fields first
 * posted and {@value #CONFIRMED}=true, and only then is it done: plain HTML, so that it
 * works in Moodle's frame without JavaScript.
 *
 * @param question the question's message key
 * @param arguments the question's arguments (what is at stake: a title, a name)
 * @param action where the confirmed form posts
 * @param fields the fields first posted, posted again as they were
 * @param confirm the message key of the button that does it
 * @param cancel where cancelling leads back to
 */
public record Confirmation(String question, List<Object> arguments, String action, Map<String, String> fields,
		String confirm, String cancel) {

	/** The field that says the person answered yes. */
	public static final String CONFIRMED = "confirmed";

	/** The page that asks. */
	public static final String VIEW = "confirm";

	public Object[] argumentArray() {
		return arguments.toArray();
	}

}
