package org.tandem.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Gathers the news for one address into one message. The first piece of news opens a
 * notification due once {@code tandem.mail.batch-window} has passed; what comes for the
 * same address meanwhile joins it, and its text is written again to list them all. A
 * teacher whose request is taken, answered and reworked in a few minutes gets one
 * message, not three.
 */
@Component
class Batches {

	/** A message lists this many pieces of news at most; more open another. */
	static final int MAX_NOTICES = 20;

	private final JdbcClient jdbc;

	private final Outbox outbox;

	private final NoticeWriter writer;

	private final MailProperties properties;

	private final Clock clock;

	private final TransactionTemplate apart;

	Batches(JdbcClient jdbc, Outbox outbox, NoticeWriter writer, MailProperties properties, Clock clock,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.apart = new TransactionTemplate(transactions);
		this.apart.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.outbox = outbox;
		this.writer = writer;
		this.properties = properties;
		this.clock = clock;
	}

	@Transactional
	void add(Address address, Notice notice) {
		lock(address);
		Instant now = clock.instant();
		long id = outbox.openBatch(address)
			.filter(open -> notices(open).size() < MAX_NOTICES)
			.orElseGet(() -> outbox.enqueueBatch(address, now.plus(properties.batchWindow())));
		jdbc.sql("""
				insert into notification_item (notification_id, event, actor, title, course, detail, link, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, notice.event(), notice.actor(), notice.title(), notice.course(), notice.detail(), notice.link(),
					Timestamp.from(now))
			.update();
		NoticeWriter.Text text = writer.write(address.channel(), address.locale(), notices(id));
		outbox.rewrite(id, text.subject(), text.body());
	}

	/**
	 * Holds this address until the transaction ends, so that news that comes at the same
	 * time joins one batch rather than opening two. Its row is written apart the first
	 * time, so that two first writers do not undo each other's transaction.
	 */
	private void lock(Address address) {
		String key = address.key();
		if (jdbc.sql("select count(*) from notification_lock where address = ?")
			.param(key)
			.query(Long.class)
			.single() == 0) {
			try {
				apart.executeWithoutResult(
						status -> jdbc.sql("insert into notification_lock (address) values (?)").param(key).update());
			}
			catch (DuplicateKeyException ex) {
				// written by the other one meanwhile
			}
		}
		jdbc.sql("select address from notification_lock where address = ? for update")
			.param(key)
			.query(String.class)
			.single();
	}

	private List<Notice> notices(long notificationId) {
		return jdbc.sql("""
				select event, actor, title, course, detail, link from notification_item
				where notification_id = ? order by id""")
			.param(notificationId)
			.query((rs, n) -> new Notice(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getString(6)))
			.list();
	}

}
