package org.tandem.notifications;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tandem.lti.TestDatabases;
import org.tandem.moodle.MoodleSite;
import org.tandem.moodle.MoodleSites;
import org.tandem.moodle.MoodleWebServices;
import org.tandem.moodle.MoodleWebServices.MessageResult;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/**
 * A mail server that fails never loses a notification: it is retried with a growing wait,
 * logged at each failure, and given up with an error after the last attempt. A send that
 * dies leaves its notification claimed until the claim's lease expires, then it is sent
 * once; an exception nobody expected fails one notification, not the poll.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class OutboxTest {

	@DynamicPropertySource
	static void h2(DynamicPropertyRegistry properties) {
		TestDatabases.tandem(properties);
		TestDatabases.h2(properties);
		// the application's own outbox polls on the system clock; tests poll theirs
		properties.add("tandem.mail.poll-interval", () -> "1d");
	}

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MailProperties properties;

	final org.tandem.lti.StorageClock clock = new org.tandem.lti.StorageClock(Instant.parse("2026-03-01T08:00:00Z"));

	@BeforeEach
	void empty() {
		jdbc.sql("delete from notification").update();
	}

	@Test
	void failingServerIsRetriedWithAGrowingWaitThenGivenUpWithAnError(CapturedOutput output) {
		Outbox outbox = outbox(new FailingSender());
		outbox.enqueue(null, "teacher@example.com", "Subject", "Body");

		outbox.sendDue();
		Map<String, Object> first = row();
		assertThat(first).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPTS", 1);
		assertThat((String) first.get("LAST_ERROR")).contains("SMTP down");
		assertThat(output.getOut()).contains("failed (attempt 1)");

		outbox.sendDue();
		assertThat(row()).as("not before its next attempt").containsEntry("ATTEMPTS", 1);

		for (int attempt = 2; attempt <= properties.maxAttempts(); attempt++) {
			clock.advance(Duration.ofHours(1));
			outbox.sendDue();
		}
		assertThat(row()).containsEntry("STATUS", "FAILED").containsEntry("ATTEMPTS", properties.maxAttempts());
		assertThat(output.getOut()).contains("Gave up e-mail");
	}

	@Test
	void mailIsSentOnceThenMarkedSent() {
		RecordingSender sender = new RecordingSender();
		Outbox outbox = outbox(sender);
		outbox.enqueue(null, "teacher@example.com", "Subject", "Body");

		outbox.sendDue();
		outbox.sendDue();

		assertThat(sender.sent).hasSize(1);
		assertThat(sender.sent.get(0).getTo()).containsExactly("teacher@example.com");
		assertThat(row()).containsEntry("STATUS", "SENT");
	}

	@Test
	void withoutAMailServerMailsWait() {
		Outbox outbox = new Outbox(jdbc, new StaticListableBeanFactory().getBeanProvider(JavaMailSender.class),
				properties, clock);
		outbox.enqueue(null, "teacher@example.com", "Subject", "Body");

		outbox.sendDue();

		assertThat(row()).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPTS", 0);
	}

	@Test
	void mailWhoseSenderDiedIsSentOnceItsLeaseExpires() {
		Outbox dying = outbox(new DyingSender());
		dying.enqueue(null, "teacher@example.com", "Subject", "Body");
		assertThatThrownBy(dying::sendDue).isInstanceOf(Death.class);
		assertThat(row()).as("left as a crash leaves it").containsEntry("STATUS", "SENDING");

		RecordingSender sender = new RecordingSender();
		Outbox restarted = outbox(sender);
		restarted.sendDue();
		assertThat(sender.sent).as("not while the lease runs").isEmpty();

		clock.advance(Outbox.LEASE.plusSeconds(1));
		restarted.sendDue();
		restarted.sendDue();

		assertThat(sender.sent).hasSize(1);
		assertThat(row()).containsEntry("STATUS", "SENT").as("the lost attempt counts").containsEntry("ATTEMPTS", 2);
	}

	@Test
	void expiredLeaseIsTakenOverByOneInstanceOnly() {
		Outbox dying = outbox(new DyingSender());
		dying.enqueue(null, "teacher@example.com", "Subject", "Body");
		assertThatThrownBy(dying::sendDue).isInstanceOf(Death.class);
		clock.advance(Outbox.LEASE.plusSeconds(1));
		RecordingSender other = new RecordingSender();
		Outbox otherInstance = outbox(other);
		RecordingSender first = new RecordingSender() {
			@Override
			public void send(SimpleMailMessage message) {
				// the other instance polls while this one sends
				otherInstance.sendDue();
				super.send(message);
			}
		};

		outbox(first).sendDue();

		assertThat(first.sent).hasSize(1);
		assertThat(other.sent).isEmpty();
		assertThat(row()).containsEntry("STATUS", "SENT");
	}

	@Test
	void instancesPollingAtOnceSendEachExpiredClaimOnce() throws Exception {
		for (int i = 0; i < 20; i++) {
			outbox(new RecordingSender()).enqueue(null, "teacher@example.com", "Mail " + i, "Body");
		}
		// claims of an instance that died
		jdbc.sql("update notification set status = 'SENDING', next_attempt_at = ?")
			.param(Timestamp.from(clock.instant().minusSeconds(1)))
			.update();
		List<String> subjects = Collections.synchronizedList(new ArrayList<>());
		JavaMailSender slow = new JavaMailSenderImpl() {
			@Override
			public void send(SimpleMailMessage message) {
				subjects.add(message.getSubject());
				// lets the other instances try the same claims meanwhile
				Thread.yield();
			}
		};
		int instances = 4;
		CyclicBarrier start = new CyclicBarrier(instances);
		List<Callable<Void>> polls = new ArrayList<>();
		for (int i = 0; i < instances; i++) {
			Outbox instance = outbox(slow);
			polls.add(() -> {
				start.await();
				instance.sendDue();
				return null;
			});
		}
		ExecutorService pool = Executors.newFixedThreadPool(instances);
		try {
			for (Future<Void> poll : pool.invokeAll(polls)) {
				poll.get();
			}
		}
		finally {
			pool.shutdown();
		}

		assertThat(subjects).hasSize(20).doesNotHaveDuplicates();
		assertThat(jdbc.sql("select count(*) from notification where status = 'SENT'").query(Long.class).single())
			.isEqualTo(20);
	}

	@Test
	void unexpectedExceptionFailsThatMailOnlyAndItIsRetriedThenGivenUp(CapturedOutput output) {
		AtomicInteger brokenAttempts = new AtomicInteger();
		RecordingSender sender = new RecordingSender() {
			@Override
			public void send(SimpleMailMessage message) {
				if (message.getSubject().equals("Broken")) {
					brokenAttempts.incrementAndGet();
					throw new IllegalStateException("template bug");
				}
				super.send(message);
			}
		};
		Outbox outbox = outbox(sender);
		outbox.enqueue(null, "teacher@example.com", "Broken", "Body");
		clock.advance(Duration.ofSeconds(1));
		outbox.enqueue(null, "engineer@example.com", "Fine", "Body");

		outbox.sendDue();

		assertThat(sender.sent).extracting(SimpleMailMessage::getSubject).containsExactly("Fine");
		Map<String, Object> broken = row("Broken");
		assertThat(broken).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPTS", 1);
		assertThat((String) broken.get("LAST_ERROR")).contains("IllegalStateException: template bug");
		assertThat(output.getOut()).contains("failed unexpectedly", "template bug");

		clock.advance(properties.firstRetry());
		outbox.sendDue();
		assertThat(brokenAttempts).as("retried after the wait").hasValue(2);
		for (int attempt = 3; attempt <= properties.maxAttempts(); attempt++) {
			clock.advance(Duration.ofHours(1));
			outbox.sendDue();
		}
		assertThat(row("Broken")).containsEntry("STATUS", "FAILED").containsEntry("ATTEMPTS", properties.maxAttempts());
		assertThat(sender.sent).hasSize(1);
	}

	@Test
	void moodleMessagesShareTheLeaseAndSurviveAnUnexpectedException() {
		long platform = insertPlatform();
		jdbc.sql("insert into person (platform_id, subject, last_launch_at) values (?, '3', ?)")
			.params(platform, Timestamp.from(clock.instant()))
			.update();
		long teacher = jdbc.sql("select id from person where platform_id = ?")
			.param(platform)
			.query(Long.class)
			.single();
		MoodleSite site = new MoodleSite(URI.create("http://moodle.example.org"), "token");
		MoodleSites sites = mock(MoodleSites.class);
		when(sites.of(platform)).thenReturn(Optional.of(site));
		MoodleWebServices webServices = mock(MoodleWebServices.class);
		when(webServices.sendInstantMessage(eq(site), eq(1L), anyString(), anyString())).thenThrow(new Death())
			.thenReturn(new MessageResult(101, null));
		when(webServices.sendInstantMessage(eq(site), eq(2L), anyString(), anyString()))
			.thenThrow(new IllegalStateException("unexpected answer"))
			.thenReturn(new MessageResult(102, null));
		when(webServices.sendInstantMessage(eq(site), eq(3L), anyString(), anyString()))
			.thenReturn(new MessageResult(103, null));
		Outbox outbox = outbox(new RecordingSender());
		MoodleMessageSender moodle = new MoodleMessageSender(outbox, sites, webServices);
		outbox.enqueueMoodleMessage(teacher, platform, 1, "<p>dies</p>");
		clock.advance(Duration.ofSeconds(1));
		outbox.enqueueMoodleMessage(teacher, platform, 2, "<p>throws</p>");
		clock.advance(Duration.ofSeconds(1));
		outbox.enqueueMoodleMessage(teacher, platform, 3, "<p>fine</p>");

		assertThatThrownBy(moodle::sendDue).isInstanceOf(Death.class);
		moodle.sendDue();
		assertThat(moodleRow(1)).containsEntry("STATUS", "SENDING");
		assertThat(moodleRow(2)).containsEntry("STATUS", "PENDING").containsEntry("ATTEMPTS", 1);
		assertThat(moodleRow(3)).containsEntry("STATUS", "SENT");

		clock.advance(Outbox.LEASE.plusSeconds(1));
		moodle.sendDue();
		moodle.sendDue();

		assertThat(moodleRow(1)).containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 2);
		assertThat(moodleRow(2)).containsEntry("STATUS", "SENT").containsEntry("ATTEMPTS", 2);
		verify(webServices, times(2)).sendInstantMessage(any(), eq(1L), anyString(), anyString());
		verify(webServices, times(1)).sendInstantMessage(any(), eq(3L), anyString(), anyString());
	}

	private Outbox outbox(JavaMailSender sender) {
		return new Outbox(jdbc,
				new StaticListableBeanFactory(Map.of("sender", sender)).getBeanProvider(JavaMailSender.class),
				properties, clock);
	}

	private Map<String, Object> row() {
		return jdbc.sql("select status, attempts, last_error from notification").query().singleRow();
	}

	private Map<String, Object> row(String subject) {
		return jdbc.sql("select status, attempts, last_error from notification where subject = ?")
			.param(subject)
			.query()
			.singleRow();
	}

	private Map<String, Object> moodleRow(long moodleUserId) {
		return jdbc.sql("select status, attempts, last_error from notification where moodle_user_id = ?")
			.param(moodleUserId)
			.query()
			.singleRow();
	}

	private long insertPlatform() {
		String issuer = "http://moodle-" + System.nanoTime();
		jdbc.sql("""
				insert into platform (issuer, client_id, name, auth_url, token_url, jwks_url, site_url, source, enabled,
				  updated_at) values (?, 'c', 'P', 'http://a', 'http://t', 'http://k', 'http://s', 'test', true, ?)""")
			.params(issuer, Timestamp.from(clock.instant()))
			.update();
		return jdbc.sql("select id from platform where issuer = ?").param(issuer).query(Long.class).single();
	}

	/** What a JVM that dies mid-send looks like to the outbox: nothing is caught. */
	static final class Death extends Error {

	}

	static final class DyingSender extends JavaMailSenderImpl {

		@Override
		public void send(SimpleMailMessage message) {
			throw new Death();
		}

	}

	static final class FailingSender extends JavaMailSenderImpl {

		@Override
		public void send(SimpleMailMessage message) {
			throw new MailSendException("SMTP down");
		}

	}

	static class RecordingSender extends JavaMailSenderImpl {

		final List<SimpleMailMessage> sent = new ArrayList<>();

		@Override
		public void send(SimpleMailMessage message) {
			sent.add(message);
		}

	}

}
