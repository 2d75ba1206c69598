package org.tandem.requests;

/**
 * An action the request's state does not allow now (it changed meanwhile, or was already
 * rated): the person is told on the request's page, nothing changes.
 *
 * @param messageKey what to tell them, from the bundles
 */
class RequestActionRefused extends RuntimeException {

	private final String messageKey;

	RequestActionRefused(String messageKey) {
		super(messageKey);
		this.messageKey = messageKey;
	}

	String messageKey() {
		return messageKey;
	}

}
