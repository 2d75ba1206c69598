package org.tandem.requests;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tandem.lti.LaunchClient.Page;
import org.tandem.lti.LaunchTestSupport;
import org.tandem.lti.Messages;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A refusal says what really happened and what to do, not that one's role forbids it.
 */
class RefusalReasonsTest extends LaunchTestSupport {

	@Test
	void formWithoutItsCsrfTokenSaysToReloadAndSendAgain() {
		Page teacher = client.launchAs("teacher");

		Page refused = client.post("/requests?session=" + teacher.sessionId(),
				HelpRequestJourneyTest.requestForm("No token"));

		assertThat(refused.status()).isEqualTo(403);
		assertThat(refused.body())
			.contains(Messages.html(Messages.english("error.csrf.title")),
					Messages.html(Messages.english("error.csrf.detail")))
			.doesNotContain(Messages.html(Messages.english("error.403.detail")));
	}

	@Test
	void formOfAnEndedSessionSaysTheSessionEnded() {
		Page refused = client.post("/requests?session=" + "B".repeat(43),
				HelpRequestJourneyTest.requestForm("Session gone"));

		assertThat(refused.status()).isEqualTo(401);
		assertThat(refused.body()).contains(Messages.html(Messages.french("error.401.detail")))
			.contains("Session gone")
			.doesNotContain(Messages.html(Messages.french("error.403.detail")));
	}

	@Test
	void replyToOnesOwnWithdrawnRequestSaysItWasWithdrawn() {
		Page teacher = client.launchAs("teacher");
		Page form = client.open("/requests/new?session=" + teacher.sessionId());
		Page filed = client.submit(form, "/requests?", HelpRequestJourneyTest.requestForm("Withdrawn then answered"));
		long messages = count("request_message");

		Page withdrawn = client.submit(filed, "/withdraw", Map.of("confirmed", "true"));
		Page replied = client.submit(filed, "/replies", Map.of("body", "One more thing"));

		assertThat(withdrawn.body()).contains("Withdrawn");
		assertThat(replied.body()).contains(Messages.html(Messages.english("request.refused.reply-withdrawn")))
			.doesNotContain(Messages.html(Messages.english("error.403.detail")));
		assertThat(count("request_message")).isEqualTo(messages);
	}

}
