package org.tandem.requests;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.lti.LaunchClient;
import org.tandem.lti.LaunchClient.Page;
import org.tandem.lti.LaunchTestSupport;
import org.tandem.lti.TestPlatform;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each attempt to reach a request one may not: another course's, another platform's, an
 * action of the other role, a form without its CSRF token. Each gets a 404 or 403 and
 * changes nothing.
 */
class RequestAccessTest extends LaunchTestSupport {

	long requestId;

	@BeforeEach
	void aRequestOnCourseTwo() {
		Page teacher = client.launchAs("teacher");
		Page form = client.open("/requests/new?session=" + teacher.sessionId());
		Page filed = client.submit(form, "/requests?", HelpRequestJourneyTest.requestForm("Access test"));
		requestId = HelpRequestJourneyTest.requestId(filed);
	}

	@Test
	void teacherOfAnotherCourseCannotSeeNorAnswerTheRequest() {
		Page other = client.launchAs("teacher",
				claims -> claims.put(TestPlatform.LTI + "context", Map.of("id", "99", "title", "Another course")));
		long messages = messages();

		assertThat(client.open("/requests/" + requestId + "?session=" + other.sessionId()).status()).isEqualTo(404);
		Page reply = postAs(other, "/requests/" + requestId + "/replies", Map.of("body", "sneaky"));

		assertThat(reply.status()).isEqualTo(404);
		assertThat(messages()).isEqualTo(messages);
		assertThat(other.body()).doesNotContain("Access test");
	}

	@Test
	void engineerOfAnotherPlatformSeesNothingOfThisOne() throws Exception {
		onAnotherPlatform(otherClient -> {
			Page engineer = otherClient.launchAs("noneditingteacher");
			assertThat(engineer.url()).contains("/engineer?");

			assertThat(engineer.body()).doesNotContain("Access test");
			assertThat(otherClient.open("/requests/" + requestId + "?session=" + engineer.sessionId()).status())
				.isEqualTo(404);
			Page take = postAs(otherClient, engineer, "/requests/" + requestId + "/take", Map.of());
			assertThat(take.status()).isEqualTo(404);
			assertThat(status()).isEqualTo("NEW");
			long reworks = count("rework");
			assertThat(postAs(otherClient, engineer, "/requests/" + requestId + "/course-check", Map.of()).status())
				.isEqualTo(404);
			assertThat(postAs(otherClient, engineer, "/requests/" + requestId + "/reworks",
					Map.of("title", "Not theirs", "kind", "MEDIATION"))
				.status()).isEqualTo(404);
			assertThat(count("rework")).isEqualTo(reworks);
		});
	}

	@Test
	void learnerCannotAskNorSeeRequests() {
		Page learner = client.launchAs("student");

		assertThat(client.open("/requests/" + requestId + "?session=" + learner.sessionId()).status()).isEqualTo(404);
		assertThat(client.open("/requests/new?session=" + learner.sessionId()).status()).isEqualTo(403);
		assertThat(client.open("/teacher?session=" + learner.sessionId()).status()).isEqualTo(403);
		assertThat(client.open("/engineer?session=" + learner.sessionId()).status()).isEqualTo(403);
	}

	@Test
	void teacherCannotUseTheEngineersActions() {
		Page teacher = client.launchAs("teacher");
		long messages = messages();

		assertThat(postAs(teacher, "/requests/" + requestId + "/take", Map.of()).status()).isEqualTo(403);
		assertThat(postAs(teacher, "/requests/" + requestId + "/status",
				Map.of("seen", "NEW", "to", "DECLINED", "reason", "no"))
			.status()).isEqualTo(403);
		assertThat(postAs(teacher, "/requests/" + requestId + "/status",
				Map.of("seen", "NEW", "to", "DECLINED", "reason", "no", "confirmed", "true"))
			.status()).isEqualTo(403);
		assertThat(postAs(teacher, "/requests/" + requestId + "/notes", Map.of("body", "x")).status()).isEqualTo(403);
		assertThat(postAs(teacher, "/requests/" + requestId + "/time",
				Map.of("workDate", "2026-01-01", "minutes", "5", "activity", "DESIGN", "kind", "MEDIATION"))
			.status()).isEqualTo(403);
		long reworks = count("rework");
		assertThat(postAs(teacher, "/requests/" + requestId + "/reworks",
				Map.of("title", "Self-declared rework", "kind", "MEDIATION"))
			.status()).isEqualTo(403);
		assertThat(count("rework")).isEqualTo(reworks);

		assertThat(status()).isEqualTo("NEW");
		assertThat(messages()).isEqualTo(messages);
	}

	@Test
	void engineerCannotRateNorWithdrawForTheTeacher() {
		Page engineer = client.launchAs("noneditingteacher",
				claims -> claims.put(TestPlatform.LTI + "context", Map.of("id", "elsewhere", "title", "Elsewhere")));

		assertThat(postAs(engineer, "/requests/" + requestId + "/withdraw", Map.of()).status()).isEqualTo(403);
		assertThat(postAs(engineer, "/requests/" + requestId + "/withdraw", Map.of("confirmed", "true")).status())
			.isEqualTo(403);
		assertThat(postAs(engineer, "/requests/" + requestId + "/rating", Map.of("rating", "1")).status())
			.isEqualTo(403);
		assertThat(status()).isEqualTo("NEW");
	}

	/** Each ended the request their own way: only they take it up again. */
	@Test
	void teacherCannotReopenADeclinedRequestNorAnEngineerAWithdrawnOne() {
		Page teacher = client.launchAs("teacher");
		Page engineer = client.launchAs("noneditingteacher");
		jdbc.sql("update help_request set status = 'DECLINED' where id = ?").param(requestId).update();
		assertThat(postAs(teacher, "/requests/" + requestId + "/reopen", Map.of("seen", "DECLINED")).status())
			.isEqualTo(403);
		assertThat(status()).isEqualTo("DECLINED");

		jdbc.sql("update help_request set status = 'WITHDRAWN' where id = ?").param(requestId).update();
		// Instructor of the course too, as Moodle makes designers: still not the teacher
		// who asked.
		assertThat(postAs(engineer, "/requests/" + requestId + "/reopen", Map.of("seen", "WITHDRAWN")).status())
			.isEqualTo(403);
		assertThat(status()).isEqualTo("WITHDRAWN");
	}

	@Test
	void engineerWhoIsInstructorOfTheCourseStillCannotRateTheirOwnHelp() {
		// Instructor of course 2, as Moodle makes them.
		Page engineer = client.launchAs("noneditingteacher");

		assertThat(engineer.body()).contains("Access test");
		Page request = client.open("/requests/" + requestId + "?session=" + engineer.sessionId());
		assertThat(request.body()).doesNotContain("/withdraw?");
		assertThat(postAs(engineer, "/requests/" + requestId + "/withdraw", Map.of()).status()).isEqualTo(403);
		assertThat(postAs(engineer, "/requests/" + requestId + "/rating", Map.of("rating", "5")).status())
			.isEqualTo(403);
		assertThat(status()).isEqualTo("NEW");
	}

	@Test
	void requestCannotBeAssignedToSomeoneWhoIsNotAnEngineer() {
		Page engineer = client.launchAs("noneditingteacher");
		long teacherId = jdbc.sql("select requester_id from help_request where id = ?")
			.param(requestId)
			.query(Long.class)
			.single();

		Page assign = postAs(engineer, "/requests/" + requestId + "/assignee",
				Map.of("engineer", Long.toString(teacherId)));

		assertThat(assign.status()).isEqualTo(400);
		assertThat(jdbc.sql("select assignee_id from help_request where id = ?")
			.param(requestId)
			.query(Long.class)
			.optional()).isEmpty();
	}

	@Test
	void formPostedWithoutItsCsrfTokenChangesNothing() {
		Page teacher = client.launchAs("teacher");
		long messages = messages();

		Page reply = client.post("/requests/" + requestId + "/replies?session=" + teacher.sessionId(),
				Map.of("body", "no token"));

		assertThat(reply.status()).isEqualTo(403);
		assertThat(messages()).isEqualTo(messages);
	}

	@Test
	void unknownRequestIsA404PageNotAnError() {
		Page teacher = client.launchAs("teacher");

		Page page = client.open("/requests/999999999?session=" + teacher.sessionId());
		Page notANumber = client.open("/requests/abc?session=" + teacher.sessionId());

		assertThat(page.status()).isEqualTo(404);
		assertThat(page.body()).contains("This page does not exist");
		assertThat(notANumber.status()).isEqualTo(400);
	}

	private Page postAs(Page from, String path, Map<String, String> fields) {
		return postAs(client, from, path, fields);
	}

	/**
	 * Posts as this session would from one of its pages: with its own, valid CSRF token.
	 */
	private static Page postAs(LaunchClient client, Page from, String path, Map<String, String> fields) {
		Page withForm = client.open("/engineer/templates?session=" + from.sessionId());
		if (withForm.status() != 200) {
			withForm = client.open("/requests/new?session=" + from.sessionId());
		}
		Matcher csrf = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(withForm.body());
		Map<String, String> body = new HashMap<>(fields);
		if (csrf.find()) {
			body.put("_csrf", csrf.group(1));
		}
		return client.post(path + "?session=" + from.sessionId(), body);
	}

	private long messages() {
		return jdbc.sql("select count(*) from request_message where request_id = ?")
			.param(requestId)
			.query(Long.class)
			.single();
	}

	private String status() {
		return jdbc.sql("select status from help_request where id = ?").param(requestId).query(String.class).single();
	}

}
