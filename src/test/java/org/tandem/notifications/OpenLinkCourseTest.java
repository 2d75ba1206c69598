package org.tandem.notifications;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.tandem.lti.LaunchClient.Page;
import org.tandem.lti.LaunchTestSupport;
import org.tandem.lti.TestPlatform;
import org.tandem.requests.HelpRequestJourneyTest;

import org.springframework.beans.factory.annotation.Autowired;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A mail link is honoured by a launch in the request's own course; a launch elsewhere
 * lands as usual and leaves the link waiting for the right course.
 */
class OpenLinkCourseTest extends LaunchTestSupport {

	@Autowired
	OpenLinks links;

	@Test
	void linkWaitsForALaunchInItsOwnCourse() {
		Page teacher = client.launchAs("teacher");
		Page form = client.open("/requests/new?session=" + teacher.sessionId());
		long id = HelpRequestJourneyTest
			.requestId(client.submit(form, "/requests?", HelpRequestJourneyTest.requestForm("Link of course 2")));
		long personId = jdbc.sql("select requester_id from help_request where id = ?")
			.param(id)
			.query(Long.class)
			.single();
		String token = links.create(personId, id);
		assertThat(client.get("/open/" + token, "none").statusCode()).isEqualTo(302);

		Page elsewhere = client.launchAs("teacher",
				claims -> claims.put(TestPlatform.LTI + "context", Map.of("id", "99", "title", "Another course")));

		assertThat(elsewhere.status()).isEqualTo(200);
		assertThat(elsewhere.url()).contains("/teacher?");
		Page own = client.launchAs("teacher");
		assertThat(own.url()).contains("/requests/" + id + "?");
		assertThat(own.body()).contains("Link of course 2");
		assertThat(client.launchAs("teacher").url()).as("used once").contains("/teacher?");
	}

}
