package org.tandem.notifications;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.tandem.lti.TestDatabases;

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

/**
 * A mail server that fails never loses a notification: it is retried with a growing wait,
 * logged at each failure, and given up with an error after the last attempt.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles("test")
@ExtendWith(OutputCaptureExtension.class)
class OutboxTest {

	@DynamicPropertySource
	static void h2(DynamicPropertyRegistry properties) {
		TestDatabases.tandem(properties);
		TestDatabases.h2(properties);
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

	private Outbox outbox(JavaMailSender sender) {
		return new Outbox(jdbc,
				new StaticListableBeanFactory(Map.of("sender", sender)).getBeanProvider(JavaMailSender.class),
				properties, clock);
	}

	private Map<String, Object> row() {
		return jdbc.sql("select status, attempts, last_error from notification").query().singleRow();
	}

	static final class FailingSender extends JavaMailSenderImpl {

		@Override
		public void send(SimpleMailMessage message) {
			throw new MailSendException("SMTP down");
		}

	}

	static final class RecordingSender extends JavaMailSenderImpl {

		final List<SimpleMailMessage> sent = new ArrayList<>();

		@Override
		public void send(SimpleMailMessage message) {
			sent.add(message);
		}

	}

}
