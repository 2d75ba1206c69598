package org.tandem.lti;

import java.util.Arrays;
import java.util.Optional;

/** The LTI messages Tandem takes. */
public enum MessageType {

	RESOURCE_LINK("LtiResourceLinkRequest"), DEEP_LINKING("LtiDeepLinkingRequest");

	private final String claim;

	MessageType(String claim) {
		this.claim = claim;
	}

	public static Optional<MessageType> of(String claim) {
		return Arrays.stream(values()).filter(t -> t.claim.equals(claim)).findFirst();
	}

}
