package org.tandem.requests;

import java.util.EnumSet;
import java.util.Set;

import org.tandem.system.MessageKey;

/**
 * A request's life: new → taken → in progress ⇄ waiting for the teacher → resolved →
 * closed; declined (with a reason) while open; withdrawn by the teacher while nobody has
 * taken it. The teacher may reopen their withdrawn request, an engineer a declined one.
 */
public enum RequestStatus implements MessageKey {

	NEW, TAKEN, IN_PROGRESS, WAITING_FOR_TEACHER, RESOLVED, CLOSED, DECLINED, WITHDRAWN;

	/** The statuses an engineer may move a request to from this one. */
	public Set<RequestStatus> next() {
		return switch (this) {
			case NEW -> EnumSet.of(TAKEN, DECLINED);
			case TAKEN -> EnumSet.of(IN_PROGRESS, WAITING_FOR_TEACHER, RESOLVED, DECLINED);
			case IN_PROGRESS -> EnumSet.of(WAITING_FOR_TEACHER, RESOLVED, DECLINED);
			case WAITING_FOR_TEACHER -> EnumSet.of(IN_PROGRESS, RESOLVED, DECLINED);
			case RESOLVED -> EnumSet.of(CLOSED, IN_PROGRESS);
			case CLOSED, DECLINED, WITHDRAWN -> EnumSet.noneOf(RequestStatus.class);
		};
	}

	/**
	 * Where a request ended this way goes when reopened, or null when it cannot be: a
	 * withdrawn or declined request goes back to new, or in progress when an engineer is
	 * in charge. Resolved requests go back through {@link #next()}; closed ones stay
	 * closed.
	 * @param taken an engineer is in charge of it
	 */
	public RequestStatus reopenedTo(boolean taken) {
		return this == WITHDRAWN || this == DECLINED ? (taken ? IN_PROGRESS : NEW) : null;
	}

	public boolean open() {
		return this != RESOLVED && this != CLOSED && this != DECLINED && this != WITHDRAWN;
	}

	/** The teacher may rate the help once it is resolved. */
	public boolean rateable() {
		return this == RESOLVED || this == CLOSED;
	}

	@Override
	public String keyPrefix() {
		return "status";
	}

}
