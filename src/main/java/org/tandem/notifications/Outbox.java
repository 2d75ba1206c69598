package org.tandem.notifications;

import java.sql.Timestamp;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * E-mails and Moodle messages waiting to be sent. They are written in the transaction of
 * the action that causes them, and sent apart: an SMTP server or a Moodle that is slow or
 * down neither blocks nor undoes the action, and a failed notification is retried with a
 * growing wait, then given up with an error in the log. Each instance claims a
 * notification before sending it, so that two instances never send the same one. This
 * class sends the e-mails; {@link MoodleMessageSender} the Moodle messages, so that each
 * channel works without the other.
 *
 * <p>
 * The events that cause notifications are already kept in Spring Modulith's publication
 * registry until their listener has run; this table stays beside it because the registry
 * knows only whether a listener handled an event or not. Sending needs more: a wait of
 * its own for each message, growing at each failure; giving a message up after
 * {@code tandem.mail.max-attempts}; each channel sent apart, so that an SMTP server down
 * holds back no Moodle message; a Moodle that is down holding back only its platform's
 * messages, and a platform whose web services were removed giving up its own at once. One
 * event also makes several messages, each of which succeeds or fails on its own.
 */
@Component
class Outbox {

	private static final Logger log = LoggerFactory.getLogger(Outbox.class);

	/**
	 * How long a claim holds a notification. An instance that dies, or a send that fails
	 * in a way nobody caught, leaves it {@code SENDING}: once the lease is over, it is
	 * due again, and its lost attempt counts. Longer than any send (SMTP's or Moodle's
	 * time-outs), so that a slow send is never taken over and sent twice.
	 */
	static final Duration LEASE = Duration.ofMinutes(5);

	private static final String LEASE_EXPIRED = "the send was interrupted (its claim expired)";

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

	enum Channel {

		MAIL, MOODLE

	}

	void enqueue(Long recipientId, String email, String subject, String body) {
		Instant now = clock.instant();
		jdbc.sql("""
				insert into notification (recipient_id, email, subject, body, status, attempts, next_attempt_at,
				  created_at) values (?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
			.params(recipientId, email, subject, body, Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	/**
	 * @param html the message, in Moodle's HTML format
	 */
	void enqueueMoodleMessage(long recipientId, long platformId, long moodleUserId, String html) {
		Instant now = clock.instant();
		jdbc.sql("""
				insert into notification (channel, recipient_id, platform_id, moodle_user_id, body, status, attempts,
				  next_attempt_at, created_at) values ('MOODLE', ?, ?, ?, ?, 'PENDING', 0, ?, ?)""")
			.params(recipientId, platformId, moodleUserId, html, Timestamp.from(now), Timestamp.from(now))
			.update();
	}

	/**
	 * A notification for this address, due at {@code due}, whose text {@link #rewrite}
	 * gives once its first piece of news is written.
	 */
	long enqueueBatch(Address address, Instant due) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into notification (channel, recipient_id, email, subject, platform_id, moodle_user_id, body,
				  status, attempts, next_attempt_at, created_at) values (?, ?, ?, ?, ?, ?, '', 'PENDING', 0, ?, ?)""")
			.params(address.channel().name(), address.recipientId(), address.email(),
					address.channel() == Channel.MAIL ? "" : null, address.platformId(), address.moodleUserId(),
					Timestamp.from(due), Timestamp.from(clock.instant()))
			.update(key, "id");
		return key.getKeyAs(Number.class).longValue();
	}

	/**
	 * The notification to this address that news may still join, locked until the
	 * transaction ends: waiting for its first attempt, and not yet due, so that no send
	 * has claimed it. Once due, a send's claim waits for this lock, then sends the text
	 * with the news that joined.
	 */
	Optional<Long> openBatch(Address address) {
		Timestamp now = Timestamp.from(clock.instant());
		String to = address.channel() == Channel.MAIL ? "lower(email) = lower(:email)"
				: "platform_id = :platform and moodle_user_id = :user";
		MapSqlParameterSource params = new MapSqlParameterSource().addValue("channel", address.channel().name())
			.addValue("now", now)
			.addValue("email", address.email(), Types.VARCHAR)
			.addValue("platform", address.platformId(), Types.BIGINT)
			.addValue("user", address.moodleUserId(), Types.BIGINT);
		String open = "status = 'PENDING' and attempts = 0 and next_attempt_at > :now and channel = :channel and " + to;
		return jdbc.sql("select id from notification where " + open + " order by id desc fetch first 1 rows only")
			.paramSource(params)
			.query(Long.class)
			.optional()
			.flatMap(id -> jdbc.sql("select id from notification where id = :id and " + open + " for update")
				.paramSource(params.addValue("id", id))
				.query(Long.class)
				.optional());
	}

	/** The text of a notification that is not sent yet. */
	void rewrite(long id, String subject, String body) {
		if (subject == null) {
			jdbc.sql("update notification set body = ? where id = ? and status = 'PENDING'").params(body, id).update();
		}
		else {
			jdbc.sql("update notification set subject = ?, body = ? where id = ? and status = 'PENDING'")
				.params(subject, body, id)
				.update();
		}
	}

	@Scheduled(fixedDelayString = "${tandem.mail.poll-interval:10s}",
			initialDelayString = "${tandem.mail.poll-interval:10s}")
	void sendDue() {
		JavaMailSender sender = mailSender.getIfAvailable();
		if (sender == null) {
			return; // no SMTP server configured: mails wait
		}
		forEachDue(Channel.MAIL, mail -> send(sender, mail));
	}

	/**
	 * Claims, one at a time, each notification of this channel that is due, and hands it
	 * to {@code send}, which marks it {@link #sent}, {@link #failed} or {@link #refused}.
	 * A notification whose claim by another send expired is due too. An exception
	 * {@code send} did not expect fails that notification only: it is retried like any
	 * failure, and the others are still sent.
	 */
	void forEachDue(Channel channel, Consumer<Notification> send) {
		Instant now = clock.instant();
		List<Long> due = jdbc.sql("""
				select id from notification
				where status in ('PENDING', 'SENDING') and next_attempt_at <= ? and channel = ?
				order by next_attempt_at fetch first 20 rows only""")
			.params(Timestamp.from(now), channel.name())
			.query(Long.class)
			.list();
		for (long id : due) {
			if (!claim(id, now)) {
				continue; // another instance claimed it since
			}
			Notification notification = jdbc.sql("""
					select channel, email, subject, body, platform_id, moodle_user_id, attempts
					from notification where id = ?""")
				.param(id)
				.query((rs, n) -> new Notification(id, Channel.valueOf(rs.getString(1)), rs.getString(2),
						rs.getString(3), rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getInt(7)))
				.single();
			if (notification.attempts() >= properties.maxAttempts()) {
				// the attempt whose lease expired was the last
				log.error("Gave up {} after {} attempts: {}", notification, notification.attempts(), LEASE_EXPIRED);
				jdbc.sql("update notification set status = 'FAILED' where id = ?").param(id).update();
				continue;
			}
			try {
				send.accept(notification);
			}
			catch (RuntimeException ex) {
				log.error("Sending {} failed unexpectedly", notification, ex);
				failed(notification, "unexpected " + ex);
			}
		}
	}

	/** The platforms that have Moodle messages waiting, due or not. */
	List<Long> moodlePlatformsWaiting() {
		return jdbc.sql("select distinct platform_id from notification where channel = 'MOODLE' and status = 'PENDING'")
			.query(Long.class)
			.list();
	}

	/** Gives up, at once, every Moodle message waiting for this platform. */
	void giveUpMoodleMessages(long platformId, String error) {
		int given = jdbc.sql("""
				update notification set status = 'FAILED', last_error = ?
				where channel = 'MOODLE' and status = 'PENDING' and platform_id = ?""")
			.params(shortened(error), platformId)
			.update();
		if (given > 0) {
			log.error("Gave up {} waiting Moodle message(s) to platform {}: {}", given, platformId, error);
		}
	}

	/**
	 * Takes the notification for {@link #LEASE}, if it is still due: one update that only
	 * one instance can make, since it moves the time it is due past now. Taking over an
	 * expired claim counts the attempt that was lost.
	 */
	private boolean claim(long id, Instant now) {
		return jdbc.sql("""
				update notification set
				  attempts = case when status = 'SENDING' then attempts + 1 else attempts end,
				  last_error = case when status = 'SENDING' then ? else last_error end,
				  status = 'SENDING', next_attempt_at = ?
				where id = ? and status in ('PENDING', 'SENDING') and next_attempt_at <= ?""")
			.params(LEASE_EXPIRED, Timestamp.from(now.plus(LEASE)), id, Timestamp.from(now))
			.update() == 1;
	}

	private void send(JavaMailSender sender, Notification mail) {
		try {
			SimpleMailMessage message = new SimpleMailMessage();
			message.setFrom(properties.from());
			message.setTo(new InternetAddress(mail.email(), true).getAddress());
			message.setSubject(mail.subject());
			message.setText(mail.body());
			sender.send(message);
			sent(mail);
		}
		catch (MailException | AddressException ex) {
			failed(mail, String.valueOf(ex.getMessage()));
		}
	}

	void sent(Notification notification) {
		jdbc.sql("update notification set status = 'SENT', sent_at = ?, attempts = ? where id = ?")
			.params(Timestamp.from(clock.instant()), notification.attempts() + 1, notification.id())
			.update();
	}

	/** A failure another attempt may not meet: retried later, until the last attempt. */
	void failed(Notification notification, String error) {
		int attempts = notification.attempts() + 1;
		if (attempts >= properties.maxAttempts()) {
			log.error("Gave up {} after {} attempts: {}", notification, attempts, error);
			giveUp(notification, error);
			return;
		}
		Duration wait = properties.firstRetry().multipliedBy(1L << Math.min(attempts - 1, 6));
		wait = wait.compareTo(Duration.ofHours(1)) > 0 ? Duration.ofHours(1) : wait;
		log.warn("Sending {} failed (attempt {}), retried in {}: {}", notification, attempts, wait, error);
		jdbc.sql("""
				update notification set status = 'PENDING', attempts = ?, last_error = ?, next_attempt_at = ?
				where id = ?""")
			.params(attempts, shortened(error), Timestamp.from(clock.instant().plus(wait)), notification.id())
			.update();
	}

	/** A refusal any other attempt would meet too: given up at once. */
	void refused(Notification notification, String error) {
		log.error("Gave up {}: {}", notification, error);
		giveUp(notification, error);
	}

	private void giveUp(Notification notification, String error) {
		jdbc.sql("update notification set status = 'FAILED', attempts = ?, last_error = ? where id = ?")
			.params(notification.attempts() + 1, shortened(error), notification.id())
			.update();
	}

	private static String shortened(String error) {
		return error.length() > 1000 ? error.substring(0, 1000) : error;
	}

	/**
	 * A notification being sent: an e-mail (with its address and subject) or a Moodle
	 * message (with its platform and the recipient's Moodle user id).
	 *
	 * @param attempts the attempts before this one
	 */
	record Notification(long id, Channel channel, String email, String subject, String body, long platformId,
			long moodleUserId, int attempts) {

		/** What the log says of it, never its text. */
		@Override
		public String toString() {
			return channel == Channel.MAIL ? "e-mail " + id + " to " + email
					: "Moodle message " + id + " to Moodle user " + moodleUserId + " of platform " + platformId;
		}

	}

}
