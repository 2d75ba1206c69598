package org.tandem.requests;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.artifacts.HelpKind;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
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
		return file(course, topic, at, "Title", "Need");
	}

	long file(long course, Topic topic, Instant at, String title, String need) {
		return file(teacher, course, topic, at, null, title, need);
	}

	long file(long requester, long course, Topic topic, Instant at, FilingToken form) {
		return file(requester, course, topic, at, form, "Title", "Need");
	}

	long file(long requester, long course, Topic topic, Instant at, FilingToken form, String title, String need) {
		return requests.insert(new HelpRequest(0, platform, course, requester, "1", topic.kind(), topic, title, need,
				null, null, null, null, WorkMode.MESSAGES, RequestStatus.NEW, null, null, at, at, null, at, true, null,
				null, null), form);
	}

	/**
	 * A teacher's form sent twice at once (a double click, two instances) files one
	 * request; the other sending is refused by the database and finds it. Another
	 * teacher's form and requests filed without a form never collide.
	 */
	@Test
	void formSentTwiceAtOnceFilesOneRequest() throws Exception {
		FilingToken form = FilingToken.fresh();
		List<Callable<Long>> sendings = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			sendings.add(() -> transactions
				.execute(status -> file(teacher, courseA, Topic.ACTIVITIES, Instant.now(), form)));
		}
		ExecutorService pool = Executors.newFixedThreadPool(4);
		List<Long> filed = new ArrayList<>();
		int refused = 0;
		try {
			for (Future<Long> sending : pool.invokeAll(sendings)) {
				try {
					filed.add(sending.get());
				}
				catch (ExecutionException ex) {
					assertThat(ex.getCause()).isInstanceOf(DuplicateKeyException.class);
					refused++;
				}
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(filed).hasSize(1);
		assertThat(refused).isEqualTo(3);
		assertThat(requests.filedFrom(teacher, form)).contains(filed.get(0));
		assertThat(requests.filedFrom(engineer, form)).isEmpty();
		file(engineer, courseA, Topic.ACTIVITIES, Instant.now(), form);
		file(courseA, Topic.ACTIVITIES, Instant.now());
		file(courseA, Topic.ACTIVITIES, Instant.now());
	}

	List<Long> search(String q) {
		return requests
			.queue(platform, new QueueFilter(null, null, null, null, null, q, null, null, 0), engineer, 0, 100)
			.stream()
			.map(HelpRequest::id)
			.toList();
	}

	@Test
	void searchIgnoresCaseAndAccentsInTitleNeedAndConversation() {
		Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
		long exam = file(courseA, Topic.ASSESSMENT, t0, "Repenser l’Évaluation finale", "Le CŒUR du cours");
		long quiz = file(courseB, Topic.MOODLE_SETUP, t0.plusSeconds(1), "Quiz", "Les réglages du test");
		long other = file(courseB, Topic.ACTIVITIES, t0.plusSeconds(2), "Forum", "Un forum par groupe, 100 % actif");
		requests.addMessage(quiz, teacher, false, "Les ÉTUDIANTS voient la correction trop tôt", t0.plusSeconds(3));
		requests.addMessage(other, engineer, true, "En attente de la vidéo du studio", t0.plusSeconds(4));

		assertThat(search("evaluation")).containsExactly(exam);
		assertThat(search("ÉVALUATION")).containsExactly(exam);
		assertThat(search("l'evaluation")).as("either apostrophe").containsExactly(exam);
		assertThat(search("coeur")).as("ligatures").containsExactly(exam);
		assertThat(search("reglages")).as("in the need").containsExactly(quiz);
		assertThat(search("etudiants")).as("in a reply").containsExactly(quiz);
		assertThat(search("studio")).as("in an internal note, for engineers").containsExactly(other);
		assertThat(search("  correction   quiz ")).as("every word, anywhere").containsExactly(quiz);
		assertThat(search("correction forum")).isEmpty();
		assertThat(search("%")).as("like's wildcards are letters").containsExactly(other);
		assertThat(search("_")).isEmpty();
		assertThat(search("   ")).containsExactlyInAnyOrder(exam, quiz, other);
		assertThat(requests.countsByStatus(platform,
				new QueueFilter(null, null, null, null, null, "evaluation", null, null, 0), engineer))
			.containsEntry(RequestStatus.NEW, 1L);
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

		QueueFilter all = new QueueFilter(null, null, null, null, null, null, null, null, 0);
		List<HelpRequest> first = requests.queue(platform, all, engineer, 0, 50);
		assertThat(first).hasSize(50);
		assertThat(first.get(0).id()).as("most recent activity first").isEqualTo(ids.get(0));
		assertThat(requests.queue(platform, all, engineer, 50, 50)).hasSize(10);
		assertThat(requests.queue(platform, new QueueFilter(null, null, null, courseA, null, null, null, null, 0),
				engineer, 0, 100))
			.hasSize(30)
			.allMatch(r -> r.courseId() == courseA);
		assertThat(requests.queue(platform,
				new QueueFilter(null, HelpKind.MEDIATION, Topic.ASSESSMENT, null, null, null, null, null, 0), engineer,
				0, 100))
			.hasSize(20);
		assertThat(requests.queue(platform,
				new QueueFilter(null, null, null, null, QueueFilter.Assignee.ME, null, null, null, 0), engineer, 0,
				100))
			.extracting(HelpRequest::id)
			.containsExactly(ids.get(0));
		assertThat(requests.queue(platform,
				new QueueFilter(null, null, null, null, QueueFilter.Assignee.NOBODY, null, null, null, 0), engineer, 0,
				100))
			.hasSize(59);
		Map<RequestStatus, Long> counts = requests.countsByStatus(platform,
				new QueueFilter(RequestStatus.NEW, null, null, null, null, null, null, null, 0), engineer);
		assertThat(counts).containsEntry(RequestStatus.NEW, 59L)
			.containsEntry(RequestStatus.TAKEN, 1L)
			.containsEntry(RequestStatus.CLOSED, 0L);
		assertThat(requests.coursesWithRequests(platform)).containsExactlyInAnyOrder(courseA, courseB);
	}

	List<Long> sorted(QueueSort sort, QueueSort.Order order) {
		return requests
			.queue(platform, new QueueFilter(null, null, null, null, null, null, sort, order, 0), engineer, 0, 100)
			.stream()
			.map(HelpRequest::id)
			.toList();
	}

	@Test
	void queueSortsByEachColumnBothWaysWithMissingValuesLast() {
		Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
		long other = insert(
				"insert into person (platform_id, subject, name, last_launch_at) values (?, 'a', 'Adam', ?)", "person");
		jdbc.sql("update person set name = 'Zoé' where id = ?").param(engineer).update();
		long r1 = file(courseB, Topic.ASSESSMENT, t0, "charlie", "Need");
		long r2 = file(courseA, Topic.ASSESSMENT, t0, "Alpha", "Need");
		long r3 = file(courseA, Topic.ASSESSMENT, t0, "bravo", "Need");
		String update = """
				update help_request set wished_date = ?, status = ?, assignee_id = ?, first_response_at = ?,
				  awaiting_reply = ?, last_teacher_message_at = ?, last_activity_at = ? where id = ?""";
		jdbc.sql(update)
			.params(java.sql.Date.valueOf("2026-03-01"), "NEW", null, null, true, ts(t0), ts(t0.plusSeconds(1)), r1)
			.update();
		jdbc.sql(update)
			.params(null, "IN_PROGRESS", engineer, ts(t0.plusSeconds(5)), true, ts(t0.plusSeconds(50)),
					ts(t0.plusSeconds(60)), r2)
			.update();
		jdbc.sql(update)
			.params(java.sql.Date.valueOf("2026-02-01"), "RESOLVED", other, ts(t0.plusSeconds(5)), false,
					ts(t0.plusSeconds(20)), ts(t0.plusSeconds(30)), r3)
			.update();
		QueueSort.Order asc = QueueSort.Order.ASC;
		QueueSort.Order desc = QueueSort.Order.DESC;

		assertThat(sorted(null, null)).as("latest activity first").containsExactly(r2, r3, r1);
		assertThat(sorted(QueueSort.ACTIVITY, asc)).containsExactly(r1, r3, r2);
		assertThat(sorted(QueueSort.NUMBER, null)).containsExactly(r3, r2, r1);
		assertThat(sorted(QueueSort.NUMBER, asc)).containsExactly(r1, r2, r3);
		assertThat(sorted(QueueSort.TITLE, null)).as("whatever the case").containsExactly(r2, r3, r1);
		assertThat(sorted(QueueSort.TITLE, desc)).containsExactly(r1, r3, r2);
		assertThat(sorted(QueueSort.COURSE, null)).as("then the newest").containsExactly(r3, r2, r1);
		assertThat(sorted(QueueSort.COURSE, desc)).containsExactly(r1, r3, r2);
		assertThat(sorted(QueueSort.STATUS, null)).as("in the order of a request's life").containsExactly(r1, r2, r3);
		assertThat(sorted(QueueSort.STATUS, desc)).containsExactly(r3, r2, r1);
		assertThat(sorted(QueueSort.WAITING, null)).as("the longest wait first, nobody waiting last")
			.containsExactly(r1, r2, r3);
		assertThat(sorted(QueueSort.WAITING, asc)).containsExactly(r2, r1, r3);
		assertThat(sorted(QueueSort.WISHED, null)).as("the soonest first, none last").containsExactly(r3, r1, r2);
		assertThat(sorted(QueueSort.WISHED, desc)).containsExactly(r1, r3, r2);
		assertThat(sorted(QueueSort.ENGINEER, null)).as("nobody last").containsExactly(r3, r2, r1);
		assertThat(sorted(QueueSort.ENGINEER, desc)).containsExactly(r2, r3, r1);
	}

	private static java.sql.Timestamp ts(Instant instant) {
		return java.sql.Timestamp.from(instant);
	}

	@Test
	void newsAreWhatOthersDidSinceTheEngineerLastOpenedTheRequest() {
		Instant t0 = Instant.parse("2026-01-01T00:00:00Z");
		long colleague = insert("insert into person (platform_id, subject, last_launch_at) values (?, 'c', ?)",
				"person");
		long never = file(courseA, Topic.ACTIVITIES, t0);
		long quiet = file(courseA, Topic.ACTIVITIES, t0);
		long replied = file(courseA, Topic.ACTIVITIES, t0);
		long noted = file(courseA, Topic.ACTIVITIES, t0);
		long moved = file(courseA, Topic.ACTIVITIES, t0);
		long own = file(courseA, Topic.ACTIVITIES, t0);
		long readSince = file(courseA, Topic.ACTIVITIES, t0);
		for (long id : List.of(quiet, replied, noted, moved, own, readSince)) {
			requests.viewed(engineer, id, t0.plusSeconds(10));
		}
		requests.addMessage(replied, teacher, false, "Here is the exam", t0.plusSeconds(20));
		requests.addMessage(noted, colleague, true, "Called her", t0.plusSeconds(20));
		requests.addEvent(moved, colleague, RequestRepository.EventType.STATUS, "TAKEN", "IN_PROGRESS", null,
				t0.plusSeconds(20));
		requests.addMessage(own, engineer, false, "My answer", t0.plusSeconds(20));
		requests.addEvent(own, engineer, RequestRepository.EventType.STATUS, "TAKEN", "IN_PROGRESS", null,
				t0.plusSeconds(20));
		requests.addMessage(readSince, teacher, false, "Thanks", t0.plusSeconds(20));
		requests.viewed(engineer, readSince, t0.plusSeconds(30));
		List<Long> all = List.of(never, quiet, replied, noted, moved, own, readSince);

		assertThat(requests.withNews(engineer, all)).containsExactlyInAnyOrder(never, replied, noted, moved);
		assertThat(requests.withNews(colleague, all)).as("each engineer's own")
			.containsExactlyInAnyOrderElementsOf(all);
		assertThat(requests.withNews(engineer, List.of())).isEmpty();
	}

	@Test
	void twoPagesOpeningARequestForTheFirstTimeAtOnceBothKeepTheView() throws Exception {
		long id = file(courseA, Topic.ACTIVITIES, Instant.now());
		Instant at = Instant.now();
		List<Callable<Boolean>> views = new ArrayList<>();
		for (int i = 0; i < 8; i++) {
			views.add(() -> {
				requests.viewed(engineer, id, at);
				return true;
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(8);
		try {
			for (Future<Boolean> viewed : pool.invokeAll(views)) {
				assertThat(viewed.get()).isTrue();
			}
		}
		finally {
			pool.shutdown();
		}
		assertThat(requests.withNews(engineer, List.of(id))).isEmpty();
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
