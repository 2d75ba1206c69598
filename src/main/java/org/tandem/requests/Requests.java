package org.tandem.requests;

import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules read of requests, by id: the listeners of this module's events look
 * up what the event names. Access rules stay in {@link HelpDesk}: nothing here is shown
 * to a viewer as is.
 */
@Service
@Transactional(readOnly = true)
public class Requests {

	private final RequestRepository requests;

	Requests(RequestRepository requests) {
		this.requests = requests;
	}

	public Optional<RequestSummary> find(long id) {
		return requests.find(id)
			.map(r -> new RequestSummary(r.id(), r.platformId(), r.courseId(), r.requesterId(), r.assigneeId(),
					r.title(), r.need(), r.resourceLinkId()));
	}

	/** A reply of the request's conversation; internal notes are never read here. */
	public Optional<String> reply(long requestId, long messageId) {
		return requests.reply(requestId, messageId);
	}

}
