package org.tandem.requests;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.stubbing.Answer;
import org.tandem.artifacts.CourseChecks;
import org.tandem.lti.LaunchClient.Page;
import org.tandem.lti.TestDatabases;
import org.tandem.lti.TestPlatform;
import org.tandem.moodle.WebServicesTestSupport;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.doAnswer;
import static org.tandem.moodle.WebServiceStubs.call;
import static org.tandem.moodle.WebServiceStubs.capture;

/**
 * No course check holds a database connection while it waits on Moodle: the teacher's
 * form, the check after filing, and the engineer's "Check the course now". Each call to
 * Moodle notes what its thread holds at that moment.
 */
class CourseCheckConnectionsTest extends WebServicesTestSupport {

	/** What a thread held when it called Moodle, and which check it was doing. */
	record MoodleCall(String function, String check, boolean transaction, boolean connection) {

		boolean holdsNothing() {
			return !transaction && !connection;
		}

	}

	/** The checks' entry points, as they start on the calling thread's stack. */
	static final String ENGINEERS = RequestController.class.getName() + ".checkCourse";

	static final String AFTER_FILING = CourseCheckOnNews.class.getName() + ".filed";

	static final String FORMS = CourseChecks.class.getName() + ".lambda$checkWithinFormWait";

	static final Set<String> CHECKS = Set.of(ENGINEERS, AFTER_FILING, FORMS);

	@Autowired
	DataSource dataSource;

	final List<MoodleCall> calls = new CopyOnWriteArrayList<>();

	@BeforeEach
	void noteWhatEachMoodleCallHolds() {
		connectWebServices(CourseArtifactsTest.TOKEN);
		MOODLE.stubFor(call("core_course_get_contents").willReturn(capture("bio101/02-get-contents-before.json")));
		MOODLE.stubFor(call("core_course_get_updates_since")
			.willReturn(capture("bio101/08-get-updates-since-unchanged-course.json")));
		Answer<Object> noting = invocation -> {
			calls.add(new MoodleCall(invocation.getMethod().getName(), check(),
					TransactionSynchronizationManager.isActualTransactionActive(),
					TestDatabases.heldByThisThread(dataSource)));
			return invocation.callRealMethod();
		};
		// The spy is reset after each test: it calls Moodle as is then.
		doAnswer(noting).when(moodleWebServices).courseContents(any(), anyString());
		doAnswer(noting).when(moodleWebServices).updatesSince(any(), anyString(), anyLong());
	}

	@Test
	void teachersFormReadsTheCourseHoldingNoConnection() {
		client.open(HelpRequestJourneyTest.link(launchInBio101("teacher"), "/requests/new"));

		// the form waits for its check
		assertThat(callsOf(FORMS)).isNotEmpty().allMatch(MoodleCall::holdsNothing);
	}

	@Test
	void checkAfterFilingReadsTheCourseHoldingNoConnection() {
		file("Connexions après l'envoi");

		// the form's check left a snapshot: this one also asks Moodle what changed
		await().until(() -> callsOf(AFTER_FILING).size() == 2);
		assertThat(callsOf(AFTER_FILING)).extracting(MoodleCall::function)
			.containsExactly("courseContents", "updatesSince");
		assertThat(callsOf(AFTER_FILING)).allMatch(MoodleCall::holdsNothing);
	}

	@Test
	void engineersCheckReadsTheCourseHoldingNoConnection() {
		long id = file("Connexions du contrôle");
		Page engineer = client.open(HelpRequestJourneyTest.requestLink(launchInBio101("noneditingteacher"), id));

		Page checked = client.submit(engineer, "/course-check", Map.of());

		assertThat(checked.body()).contains("Course checked");
		assertThat(callsOf(ENGINEERS)).extracting(MoodleCall::function)
			.containsExactly("courseContents", "updatesSince");
		assertThat(callsOf(ENGINEERS)).allMatch(MoodleCall::holdsNothing);
	}

	List<MoodleCall> callsOf(String check) {
		return calls.stream().filter(c -> c.check().equals(check)).toList();
	}

	/** The check whose entry point is on the calling thread's stack. */
	static String check() {
		return StackWalker.getInstance()
			.walk(frames -> frames.map(f -> f.getClassName() + "." + f.getMethodName())
				.flatMap(frame -> CHECKS.stream().filter(frame::startsWith))
				.findFirst()
				.orElse("another caller"));
	}

	Page launchInBio101(String who) {
		return client.launchAs(who, claims -> claims.put(TestPlatform.LTI + "context",
				Map.of("id", "14", "label", "BIO101", "title", "Biologie cellulaire")));
	}

	long file(String title) {
		Page form = client.open(HelpRequestJourneyTest.link(launchInBio101("teacher"), "/requests/new"));
		return HelpRequestJourneyTest
			.requestId(client.submit(form, "/requests?", HelpRequestJourneyTest.requestForm(title)));
	}

}
