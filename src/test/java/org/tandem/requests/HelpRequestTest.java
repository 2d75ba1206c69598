package org.tandem.requests;

import java.time.Instant;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.tandem.artifacts.HelpKind;

import static org.assertj.core.api.Assertions.assertThat;

class HelpRequestTest {

	static final LocalDate TODAY = LocalDate.parse("2025-03-02");

	static HelpRequest wished(LocalDate date, RequestStatus status) {
		return new HelpRequest(1, 1, 1, 1, "1", HelpKind.MEDIATION, Topic.ASSESSMENT, "T", "N", null, null, null, date,
				WorkMode.MESSAGES, status, null, null, Instant.EPOCH, Instant.EPOCH, null, Instant.EPOCH, true, null,
				null, null);
	}

	@Test
	void wishedDatePastIsOverdueWhileTheRequestIsOpen() {
		assertThat(wished(TODAY.minusDays(1), RequestStatus.IN_PROGRESS).overdue(TODAY)).isTrue();
		assertThat(wished(TODAY, RequestStatus.NEW).overdue(TODAY)).as("the wished day itself").isFalse();
		assertThat(wished(null, RequestStatus.NEW).overdue(TODAY)).isFalse();
		for (RequestStatus ended : new RequestStatus[] { RequestStatus.RESOLVED, RequestStatus.CLOSED,
				RequestStatus.DECLINED, RequestStatus.WITHDRAWN }) {
			assertThat(wished(TODAY.minusDays(1), ended).overdue(TODAY)).as(ended.name()).isFalse();
		}
	}

}
