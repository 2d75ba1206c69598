package org.tandem.requests;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.artifacts.HelpKind;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Requests as stored, on each database Tandem runs on: the queue's filters and counts,
 * paging, the conversation's order, and a status change two engineers make at once.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles("test")
abstract class RequestStorageTests {

	@Autowired
	RequestRepository requests;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	TransactionTemplate transactions;

	long platform;

	long courseA;

	long courseB;

	long teacher;

	long engineer;

	@BeforeEach
	void world() {
		String tag = Long.toString(System.nanoTime());
		Instant now = Instant.now();
		jdbc.sql("""
				insert into platform (issuer, client_id, name, auth_url, token_url, jwks_url, site_url, source, enabled,
				  updated_at) values (?, 'c', 'P', 'http://a', 'http://t', 'http://k', 'http://s', 'test', true, ?)""")
			.params("http://moodle-" + tag, java.sql.Timestamp.from(now))
			.update();
		platform = jdbc.sql("select id from platform where issuer = ?")
			.param("http://moodle-" + tag)
			.query(Long.class)
			.single();
		courseA = insert("insert into course (platform_id, context_id, title, last_launch_at) values (?, 'A', 'A', ?)",
				"course");
		courseB = insert("insert into course (platform_id, context_id, title, last_launch_at) values (?, 'B', 'B', ?)",
				"course");
		teacher = insert("insert into person (platform_id, subject, last_launch_at) values (?, 't', ?)", "person");
		engineer = insert("insert into person (platform_id, subject, last_launch_at) values (?, 'e', ?)", "person");
	}

	private long insert(String sql, String table) {
		jdbc.sql(sql).params(platform, java.sql.Timestamp.from(Instant.now())).update();
		return jdbc.sql("select max(id) from " + table + " where platform_id = ?")
			.param(platform)
			.query(Long.class)
			.single();
	}

	long file(long course, Topic topic, Instant at) {
		return requests.insert(new HelpRequest(0, platform, course, teacher, "1", topic.kind(), topic, "Title", "Need",
				null, null, null, null, WorkMode.MESSAGES, RequestStatus.NEW, null, null, at, at, null, at, true, null,
				null, null));
	}

	@Test
	void queueFiltersCountsAndPages() {
		Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 60; i++) {
			ids.add(file(i % 2 == 0 ? courseA : courseB, i % 3 == 0 ? Topic.ASSESSMENT : Topic.MOODLE_SETUP,
					t0.plusSeconds(i)));
		}
		requests.assign(ids.get(0), engineer, t0.plusSeconds(100));
		requests.moveStatus(ids.get(0), RequestStatus.NEW, RequestStatus.TAKEN, null, t0.plusSeconds(100));

		QueueFilter all = new QueueFilter(null, null, null, null, null, 0);
		List<HelpRequest> first = requests.queue(platform, all, engineer, 0, 50);
		assertThat(first).hasSize(50);
		assertThat(first.get(0).id()).as("most recent activity first").isEqualTo(ids.get(0));
		assertThat(requests.queue(platform, all, engineer, 50, 50)).hasSize(10);
		assertThat(requests.queue(platform, new QueueFilter(null, null, null, courseA, null, 0), engineer, 0, 100))
			.hasSize(30)
			.allMatch(r -> r.courseId() == courseA);
		assertThat(requests.queue(platform, new QueueFilter(null, HelpKind.MEDIATION, Topic.ASSESSMENT, null, null, 0),
				engineer, 0, 100))
			.hasSize(20);
		assertThat(requests.queue(platform, new QueueFilter(null, null, null, null, QueueFilter.Assignee.ME, 0),
				engineer, 0, 100))
			.extracting(HelpRequest::id)
			.containsExactly(ids.get(0));
		assertThat(requests.queue(platform, new QueueFilter(null, null, null, null, QueueFilter.Assignee.NOBODY, 0),
				engineer, 0, 100))
			.hasSize(59);
		Map<RequestStatus, Long> counts = requests.countsByStatus(platform,
				new QueueFilter(RequestStatus.NEW, null, null, null, null, 0), engineer);
		assertThat(counts).containsEntry(RequestStatus.NEW, 59L)
			.containsEntry(RequestStatus.TAKEN, 1L)
			.containsEntry(RequestStatus.CLOSED, 0L);
		assertThat(requests.coursesWithRequests(platform)).containsExactlyInAnyOrder(courseA, courseB);
	}

	@Test
	void conversationKeepsItsOrderAndNotesStayInternal() {
		Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
		long id = file(courseA, Topic.ACTIVITIES, t0);
		requests.addMessage(id, teacher, false, "first", t0.plusSeconds(1));
		requests.addMessage(id, engineer, true, "note", t0.plusSeconds(2));
		requests.addMessage(id, engineer, false, "answer", t0.plusSeconds(3));

		assertThat(requests.messages(id, true)).extracting(RequestRepository.Message::body)
			.containsExactly("first", "note", "answer");
		assertThat(requests.messages(id, false)).extracting(RequestRepository.Message::body)
			.containsExactly("first", "answer");
	}

	/**
	 * What the first-answer clock reads for a page of requests: their status changes
	 * only, each request's in order; a reopened request loses its decline reason.
	 */
	@Test
	void statusChangesOfSeveralRequestsComeInTheirOrder() {
		Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
		long declined = file(courseA, Topic.ACTIVITIES, t0);
		long quiet = file(courseB, Topic.ACTIVITIES, t0);
		requests.addEvent(declined, engineer, RequestRepository.EventType.ASSIGNEE, null, "1", null, t0);
		requests.moveStatus(declined, RequestStatus.NEW, RequestStatus.DECLINED, "Not ours", t0.plusSeconds(60));
		requests.addEvent(declined, engineer, RequestRepository.EventType.STATUS, "NEW", "DECLINED", "Not ours",
				t0.plusSeconds(60));
		assertThat(requests.find(declined).orElseThrow().declineReason()).isEqualTo("Not ours");
		requests.moveStatus(declined, RequestStatus.DECLINED, RequestStatus.NEW, null, t0.plusSeconds(120));
		requests.addEvent(declined, engineer, RequestRepository.EventType.STATUS, "DECLINED", "NEW", null,
				t0.plusSeconds(120));

		Map<Long, List<RequestRepository.Event>> changes = requests.statusChanges(List.of(declined, quiet));

		assertThat(changes).containsOnlyKeys(declined);
		assertThat(changes.get(declined)).extracting(RequestRepository.Event::to).containsExactly("DECLINED", "NEW");
		assertThat(requests.find(declined).orElseThrow().declineReason()).isNull();
		assertThat(requests.find(declined).orElseThrow().firstAnswerWait(changes.get(declined), t0.plusSeconds(180)))
			.as("waiting before the decline and since the reopening")
			.isEqualTo(java.time.Duration.ofSeconds(120));
		assertThat(requests.statusChanges(List.of())).isEmpty();
	}

	@Test
	void twoEngineersMovingTheSameRequestAtOnceMakeOneChange() throws Exception {
		long id = file(courseA, Topic.ACTIVITIES, Instant.now());
		List<Callable<Boolean>> moves = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			RequestStatus to = i % 2 == 0 ? RequestStatus.TAKEN : RequestStatus.DECLINED;
			moves.add(() -> requests.moveStatus(id, RequestStatus.NEW, to, "r", Clock.systemUTC().instant()));
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		long winners = 0;
		try {
			for (Future<Boolean> moved : pool.invokeAll(moves)) {
				winners += moved.get() ? 1 : 0;
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(winners).isEqualTo(1);
	}

	@Test
	void ratingIsKeptOnce() {
		long id = file(courseA, Topic.ACTIVITIES, Instant.now());

		assertThat(requests.rate(id, 4, "good", Instant.now())).isTrue();
		assertThat(requests.rate(id, 1, "changed my mind", Instant.now())).isFalse();
		assertThat(requests.find(id).orElseThrow().rating()).isEqualTo(4);
	}

	/**
	 * The event registry keeps an event whole, whatever its text: a decline reason of the
	 * longest size, which JSON escaping doubles.
	 */
	@Test
	void eventWithTheLongestDeclineReasonIsKeptUntilHandled() {
		long id = file(courseA, Topic.values()[0], Instant.now());
		String reason = "\"\n".repeat(1000);

		transactions.executeWithoutResult(status -> events
			.publishEvent(new RequestStatusChanged(id, engineer, RequestStatus.NEW, RequestStatus.DECLINED, reason)));

		await().untilAsserted(
				() -> assertThat(jdbc.sql("select count(*) from event_publication where serialized_event like ?")
					.param("%\"requestId\":" + id + ",%")
					.query(Long.class)
					.single()).isZero());
	}

}
