package org.tandem.system;

import java.time.Duration;

import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Hands again to their listeners the events a listener has not finished with: the
 * instance crashed or was stopped after the action was saved, or the listener failed. An
 * event younger than {@code tandem.events.resubmit-after} is left alone, as its listener
 * may still be at work; each instance claims what it resubmits, so that two instances do
 * not both send it.
 */
@Component
class EventResubmission {

	private final IncompleteEventPublications incomplete;

	private final EventProperties properties;

	EventResubmission(IncompleteEventPublications incomplete, EventProperties properties) {
		this.incomplete = incomplete;
		this.properties = properties;
	}

	@Scheduled(fixedDelayString = "${tandem.events.resubmit-interval:1m}",
			initialDelayString = "${tandem.events.resubmit-interval:1m}")
	void resubmit() {
		resubmitOlderThan(properties.resubmitAfter());
	}

	void resubmitOlderThan(Duration age) {
		incomplete.resubmitIncompletePublications(ResubmissionOptions.defaults().withMinAge(age));
	}

}
