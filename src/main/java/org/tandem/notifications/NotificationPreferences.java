package org.tandem.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;

import org.tandem.notifications.Outbox.Channel;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The channel each person chose to be told on; none until they choose. */
@Component
class NotificationPreferences {

	private final JdbcClient jdbc;

	private final Clock clock;

	NotificationPreferences(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	Optional<Channel> of(long personId) {
		return jdbc.sql("select channel from notification_preference where person_id = ?")
			.param(personId)
			.query(String.class)
			.optional()
			.map(Channel::valueOf);
	}

	@Transactional
	void choose(long personId, Channel channel) {
		Timestamp now = Timestamp.from(clock.instant());
		int updated = jdbc.sql("update notification_preference set channel = ?, updated_at = ? where person_id = ?")
			.params(channel.name(), now, personId)
			.update();
		if (updated == 0) {
			jdbc.sql("insert into notification_preference (person_id, channel, updated_at) values (?, ?, ?)")
				.params(personId, channel.name(), now)
				.update();
		}
	}

}
