package org.tandem.lti.launch;

import java.sql.Timestamp;
import java.time.Clock;

import org.tandem.lti.Platform;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Records who launched and in which course. Two first launches of the same person may
 * race: the unique keys decide, and the loser updates the row the winner inserted.
 */
@Component
public class LaunchRecorder {

	private final JdbcClient jdbc;

	private final Clock clock;

	public LaunchRecorder(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	public long person(Platform platform, LaunchClaims claims) {
		Object[] values = { claims.displayName(), claims.givenName(), claims.familyName(), claims.email(),
				claims.locale(), Timestamp.from(clock.instant()), platform.id(), claims.subject() };
		String update = """
				update person set name = ?, given_name = ?, family_name = ?, email = ?, locale = ?, last_launch_at = ?
				  where platform_id = ? and subject = ?""";
		String insert = """
				insert into person (name, given_name, family_name, email, locale, last_launch_at, platform_id, subject)
				  values (?, ?, ?, ?, ?, ?, ?, ?)""";
		upsert(update, insert, values);
		return jdbc.sql("select id from person where platform_id = ? and subject = ?")
			.params(platform.id(), claims.subject())
			.query(Long.class)
			.single();
	}

	public long course(Platform platform, LaunchClaims.Course course) {
		Object[] values = { course.title(), course.label(), Timestamp.from(clock.instant()), platform.id(),
				course.contextId() };
		upsert("update course set title = ?, label = ?, last_launch_at = ? where platform_id = ? and context_id = ?",
				"insert into course (title, label, last_launch_at, platform_id, context_id) values (?, ?, ?, ?, ?)",
				values);
		return jdbc.sql("select id from course where platform_id = ? and context_id = ?")
			.params(platform.id(), course.contextId())
			.query(Long.class)
			.single();
	}

	private void upsert(String update, String insert, Object[] values) {
		if (jdbc.sql(update).params(values).update() > 0) {
			return;
		}
		try {
			jdbc.sql(insert).params(values).update();
		}
		catch (DuplicateKeyException raced) {
			jdbc.sql(update).params(values).update();
		}
	}

}
