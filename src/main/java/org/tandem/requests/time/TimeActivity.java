package org.tandem.requests.time;

import org.tandem.artifacts.HelpKind;
import org.tandem.system.MessageKey;

/** What an engineer's logged time was spent on. */
public enum TimeActivity implements MessageKey {

	MEETING, DESIGN, PRODUCTION, TRAINING;

	/**
	 * Whether time spent so counts as this kind of help. Designing the scenario is what
	 * médiation means, and producing the course in Moodle what médiatisation means, so
	 * each fits its own kind only; a meeting or a training of the teacher can be about
	 * either (the scenario, or how to set up a quiz), so it fits both.
	 */
	public boolean fits(HelpKind kind) {
		return switch (this) {
			case DESIGN -> kind == HelpKind.MEDIATION;
			case PRODUCTION -> kind == HelpKind.MEDIATISATION;
			case MEETING, TRAINING -> true;
		};
	}

	@Override
	public String keyPrefix() {
		return "activity";
	}

}
