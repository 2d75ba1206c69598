package org.tandem.requests;

import org.tandem.system.MessageKey;

/** How the teacher would like to work with the engineer. */
public enum WorkMode implements MessageKey {

	MEETING, VIDEO_CALL, MESSAGES;

	@Override
	public String keyPrefix() {
		return "work-mode";
	}

}
