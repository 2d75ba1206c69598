package org.tandem.requests;

import org.tandem.artifacts.HelpKind;
import org.tandem.system.MessageKey;

/**
 * The engineer's filters on the platform's queue; null means any.
 *
 * @param course Tandem's course id
 */
record QueueFilter(RequestStatus status, HelpKind kind, Topic topic, Long course, Assignee assignee, Integer page) {

	QueueFilter {
		assignee = assignee == null ? Assignee.ANYONE : assignee;
		page = page == null || page < 0 ? 0 : page;
	}

	enum Assignee implements MessageKey {

		ANYONE, ME, NOBODY;

		@Override
		public String keyPrefix() {
			return "queue.assignee";
		}

	}

}
