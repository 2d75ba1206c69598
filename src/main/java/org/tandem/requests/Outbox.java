package org.tandem.requests;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.moodle.MoodleException;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * E-mails and Moodle messages waiting to be sent. They are written in the transaction of
 * the action that causes them, and sent apart: an SMTP server or a Moodle that is slow or
 * down neither blocks nor undoes the action, and a failed notification is retried with a
 * growing wait, then given up with an error in the log. A Moodle message that Moodle
 * refuses is given up at once: only an administrator can fix that. Each instance claims a
 * notification before sending it, so that two instances never send the same one.
 */
@Component
class Outbox {

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);

	private final JdbcClient jdbc;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final MoodleMessageSender moodle;

	private final MailProperties properties;

	private final Clock clock;

	Outbox(JdbcClient jdbc, ObjectProvider<JavaMailSender> mailSender, MoodleMessageSender moodle,
			MailProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.mailSender = mailSender;
		this.moodle = moodle;
		this.properties = properties;
		this.clock = clock;
	}

	void enqueue(Long recipientId, String email, String subject, String body) {
		Instant now = clock.instant();
		jdbc.sql("""
				insert into notification (recipient_id, email, subject, body, status, attempts, next_attempt_at,
				  created_at) values (?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
			.params(recipientId, email, subject, body, Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	/** @param html the message, in Moodle's HTML format */
	void enqueueMoodleMessage(long recipientId, long platformId, long moodleUserId, String html) {
		Instant now = clock.instant();
		jdbc.sql("""
				insert into notification (channel, recipient_id, platform_id, moodle_user_id, body, status, attempts,
				  next_attempt_at, created_at) values ('MOODLE', ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
			.params(recipientId, platformId, moodleUserId, html, Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	@Scheduled(fixedDelayString = "${tandem.mail.poll-interval:10s}", initialDelayString = "${tandem.mail.poll-interval:10s}")
	void sendDue() {
		JavaMailSender sender = mailSender.getIfAvailable();
		Instant now = clock.instant();
		List<Long> due = jdbc.sql("select id from notification where status = 'PENDING' and next_attempt_at <= ?"
				// no SMTP server configured: mails wait, Moodle messages go
				+ (sender == null ? " and channel = 'MOODLE'" : "")
				+ " order by next_attempt_at fetch first 20 rows only")
			.param(Timestamp.from(now))
			.query(Long.class)
			.list();
		for (long id : due) {
			if (claim(id, now)) {
				send(sender, id);
			}
		}
	}

	private boolean claim(long id, Instant now) {
		return jdbc.sql("update notification set status = 'SENDING', next_attempt_at = ? where id = ? and status = 'PENDING'")
			.params(Timestamp.from(now.plus(Duration.ofMinutes(5))), id)
			.update() == 1;
	}

	private void send(JavaMailSender sender, long id) {
		Notification notification = jdbc.sql("""
				select channel, email, subject, body, platform_id, moodle_user_id, attempts from notification
				where id = ?""")
			.param(id)
			.query((rs, n) -> new Notification(id, rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getLong(5), rs.getLong(6), rs.getInt(7)))
			.single();
		try {
			if (notification.inMoodle()) {
				moodle.send(notification.platformId(), notification.moodleUserId(), notification.body(), "tandem-" + id);
			}
			else {
				mail(sender, notification);
			}
			jdbc.sql("update notification set status = 'SENT', sent_at = ?, attempts = ? where id = ?")
				.params(Timestamp.from(clock.instant()), notification.attempts() + 1, id)
				.update();
		}
		catch (MailException | jakarta.mail.internet.AddressException | MoodleException ex) {
			failed(notification, ex);
		}
		catch (MoodleMessageSender.Refused ex) {
			gaveUp(notification, notification.attempts() + 1, ex.getMessage());
		}
	}

	private void mail(JavaMailSender sender, Notification mail) throws jakarta.mail.internet.AddressException {
		SimpleMailMessage message = new SimpleMailMessage();
		message.setFrom(properties.from());
		message.setTo(new InternetAddress(mail.email(), true).getAddress());
		message.setSubject(mail.subject());
		message.setText(mail.body());
		sender.send(message);
	}

	private void failed(Notification notification, Exception ex) {
		int attempts = notification.attempts() + 1;
		String error = String.valueOf(ex.getMessage());
		if (attempts >= properties.maxAttempts()) {
			gaveUp(notification, attempts, error);
			return;
		}
		Duration wait = properties.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 6));
		wait = wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
		log.warn("{} {} to {} failed (attempt {}), retried in {}: {}", notification.kind(), notification.id(),
				notification.recipient(), attempts, wait, error);
		jdbc.sql("""
				update notification set status = 'PENDING', attempts = ?, last_error = ?, next_attempt_at = ?
				where id = ?""")
			.params(attempts, shortened(error), Timestamp.from(clock.instant().plus(wait)), notification.id())
			.update();
	}

	private void gaveUp(Notification notification, int attempts, String error) {
		log.error("Gave up {} {} to {} after {} attempts: {}", notification.kind(), notification.id(),
				notification.recipient(), attempts, error);
		jdbc.sql("update notification set status = 'FAILED', attempts = ?, last_error = ? where id = ?")
			.params(attempts, shortened(error), notification.id())
			.update();
	}

	private static String shortened(String error) {
		return error.length() > 1000 ? error.substring(0, 1000) : error;
	}

	/** A row of the outbox: an e-mail, or a Moodle message ({@code channel} MOODLE). */
	private record Notification(long id, String channel, String email, String subject, String body, long platformId,
			long moodleUserId, int attempts) {

		boolean inMoodle() {
			return "MOODLE".equals(channel);
		}

		String kind() {
			return inMoodle() ? "Moodle message" : "e-mail";
		}

		String recipient() {
			return inMoodle() ? "Moodle user " + moodleUserId + " of platform " + platformId : email;
		}

	}

}
