package org.tandem.requests;

/**
 * An action the request's state does not allow now (it changed meanwhile, or was already
 * rated): the person is told on the request's page, nothing changes.
 *
 * @param messageKey what to tell them, from the bundles
 */
class RequestActionRefused extends RuntimeException {

	private final long requestId;

	private final String messageKey;

	RequestActionRefused(long requestId, String messageKey) {
		super(messageKey);
		this.requestId = requestId;
		this.messageKey = messageKey;
	}

	long requestId() {
		return requestId;
	}

	String messageKey() {
		return messageKey;
	}

}
