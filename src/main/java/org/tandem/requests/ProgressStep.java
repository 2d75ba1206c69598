package org.tandem.requests;

import java.util.List;

import org.tandem.system.MessageKey;

/**
 * The steps the teacher sees their request go through, in their words: the engineer's
 * statuses, with "waiting for the teacher" as "waiting for you", and resolved and closed
 * as one. Declined and withdrawn are ends, not steps: the page says them plainly.
 */
enum ProgressStep implements MessageKey {

	FILED, TAKEN, IN_PROGRESS, WAITING_FOR_YOU, RESOLVED;

	/** The step a request in this status is at, or null when it ended without help. */
	static ProgressStep of(RequestStatus status) {
		return switch (status) {
			case NEW -> FILED;
			case TAKEN -> TAKEN;
			case IN_PROGRESS -> IN_PROGRESS;
			case WAITING_FOR_TEACHER -> WAITING_FOR_YOU;
			case RESOLVED, CLOSED -> RESOLVED;
			case DECLINED, WITHDRAWN -> null;
		};
	}

	/** The whole line, for the page to list. */
	public List<ProgressStep> line() {
		return List.of(values());
	}

	public boolean before(ProgressStep other) {
		return ordinal() < other.ordinal();
	}

	@Override
	public String keyPrefix() {
		return "progress";
	}

}
