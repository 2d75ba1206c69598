package org.tandem.requests.time;

import org.tandem.system.MessageKey;

/** What an engineer's logged time was spent on. */
public enum TimeActivity implements MessageKey {

	MEETING, DESIGN, PRODUCTION, TRAINING;

	@Override
	public String keyPrefix() {
		return "activity";
	}

}
