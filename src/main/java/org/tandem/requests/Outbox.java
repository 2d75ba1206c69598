package org.tandem.requests;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * E-mails waiting to be sent. They are written in the transaction of the action that
 * causes them, and sent apart: an SMTP server that is slow or down neither blocks nor
 * undoes the action, and a failed mail is retried with a growing wait, then given up
 * with an error in the log. Each instance claims a mail before sending it, so that two
 * instances never send the same one.
 */
@Component
class Outbox {

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);

	private final JdbcClient jdbc;

	private final ObjectProvider<JavaMailSender> mailSender;

	private final MailProperties properties;

	private final Clock clock;

	Outbox(JdbcClient jdbc, ObjectProvider<JavaMailSender> mailSender, MailProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.mailSender = mailSender;
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

	@Scheduled(fixedDelayString = "${tandem.mail.poll-interval:10s}", initialDelayString = "${tandem.mail.poll-interval:10s}")
	void sendDue() {
		JavaMailSender sender = mailSender.getIfAvailable();
		if (sender == null) {
			return; // no SMTP server configured: mails wait
		}
		Instant now = clock.instant();
		List<Long> due = jdbc.sql("select id from notification where status = 'PENDING' and next_attempt_at <= ?"
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
		Mail mail = jdbc.sql("select email, subject, body, attempts from notification where id = ?")
			.param(id)
			.query((rs, n) -> new Mail(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4)))
			.single();
		try {
			SimpleMailMessage message = new SimpleMailMessage();
			message.setFrom(properties.from());
			message.setTo(new InternetAddress(mail.email(), true).getAddress());
			message.setSubject(mail.subject());
			message.setText(mail.body());
			sender.send(message);
			jdbc.sql("update notification set status = 'SENT', sent_at = ?, attempts = ? where id = ?")
				.params(Timestamp.from(clock.instant()), mail.attempts() + 1, id)
				.update();
		}
		catch (MailException | jakarta.mail.internet.AddressException ex) {
			failed(id, mail, ex);
		}
	}

	private void failed(long id, Mail mail, Exception ex) {
		int attempts = mail.attempts() + 1;
		String error = String.valueOf(ex.getMessage());
		error = error.length() > 1000 ? error.substring(0, 1000) : error;
		if (attempts >= properties.maxAttempts()) {
			log.error("Gave up e-mail {} to {} after {} attempts: {}", id, mail.email(), attempts, error);
			jdbc.sql("update notification set status = 'FAILED', attempts = ?, last_error = ? where id = ?")
				.params(attempts, error, id)
				.update();
			return;
		}
		Duration wait = properties.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 6));
		wait = wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
		log.warn("E-mail {} to {} failed (attempt {}), retried in {}: {}", id, mail.email(), attempts, wait, error);
		jdbc.sql("""
				update notification set status = 'PENDING', attempts = ?, last_error = ?, next_attempt_at = ?
				where id = ?""").params(attempts, error, Timestamp.from(clock.instant().plus(wait)), id).update();
	}

	private record Mail(String email, String subject, String body, int attempts) {
	}

}
