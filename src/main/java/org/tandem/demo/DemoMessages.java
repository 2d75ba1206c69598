package org.tandem.demo;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The Moodle messages Tandem sent through the demo's web services, newest first, so that
 * the course page shows a newcomer what Tandem sends. Only the last ones are kept.
 */
@Component
@Profile("demo")
class DemoMessages {

	private static final int KEPT = 20;

	private final Deque<Message> recent = new ArrayDeque<>();

	/**
	 * Moodle keeps one conversation per pair of users: here the service account and each
	 * recipient.
	 */
	private final Map<DemoUser, Long> conversations = new HashMap<>();

	private long lastId;

	synchronized Message receive(DemoUser to, String text, Instant at) {
		long conversation = conversations.computeIfAbsent(to, user -> (long) conversations.size() + 1);
		Message message = new Message(++lastId, conversation, to, text, at);
		recent.addFirst(message);
		if (recent.size() > KEPT) {
			recent.removeLast();
		}
		return message;
	}

	synchronized List<Message> recent() {
		return List.copyOf(recent);
	}

	/** A message as Moodle stored it; {@code text} is what Tandem sent (HTML). */
	record Message(long id, long conversationId, DemoUser to, String text, Instant at) {

		public String recipient() {
			return to.givenName + " " + to.familyName;
		}

	}

}
