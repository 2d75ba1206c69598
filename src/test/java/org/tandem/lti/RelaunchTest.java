package org.tandem.lti;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tandem.lti.LaunchClient.Page;
import org.tandem.requests.HelpRequestJourneyTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A launch ends the session the same frame had before: the same person, launching the
 * same link of the same course from the same browser. The old session id then opens
 * nothing and sends nothing; the session of another link or another browser stays.
 */
class RelaunchTest extends LaunchTestSupport {

	@Test
	void relaunchEndsThePreviousSessionOfTheFrame() {
		Page first = client.launchAs("teacher");
		Page form = client.open("/requests/new?session=" + first.sessionId());
		Page request = client.submit(form, "/requests?", HelpRequestJourneyTest.requestForm("Before the relaunch"));
		long messages = count("request_message");

		Page second = client.launchAs("teacher");

		assertThat(second.sessionId()).isNotEqualTo(first.sessionId());
		assertThat(client.open(second.url()).status()).isEqualTo(200);
		Page old = client.open(request.url());
		assertThat(old.status()).isEqualTo(401);
		assertThat(old.body()).contains(Messages.html(Messages.french("error.401.detail")));
		Page reply = client.submit(request, "/replies", Map.of("body", "Sent from the old page"));
		assertThat(reply.status()).isEqualTo(401);
		assertThat(reply.body()).contains(Messages.html(Messages.french("error.401.detail")));
		assertThat(count("request_message")).isEqualTo(messages);
	}

	@Test
	void launchOfAnotherLinkOrFromAnotherBrowserLeavesTheSessionAlone() {
		Page first = client.launchAs("teacher");

		client.launchAs("teacher", claims -> claims.put(TestPlatform.LTI + "resource_link", Map.of("id", "77")));
		assertThat(client.open("/teacher?session=" + first.sessionId()).status()).isEqualTo(200);

		LaunchClient otherBrowser = new LaunchClient(TANDEM, PLATFORM, "Firefox on the phone");
		otherBrowser.launchAs("teacher");
		assertThat(client.open("/teacher?session=" + first.sessionId()).status()).isEqualTo(200);
	}

}
