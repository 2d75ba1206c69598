package org.tandem.requests.time;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.tandem.artifacts.HelpKind;
import org.tandem.system.Texts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The time engineers log on requests. */
@Repository
public class TimeEntries {

	private final JdbcClient jdbc;

	TimeEntries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void add(long requestId, long engineerId, TimeEntryForm entry, Instant now) {
		jdbc.sql("""
				insert into time_entry (request_id, engineer_id, work_date, minutes, activity, kind, note, created_at)
				values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(requestId, engineerId, Date.valueOf(entry.workDate()), entry.minutes(), entry.activity().name(),
					entry.kind().name(), Texts.blankToNull(entry.note()), Timestamp.from(now))
			.update();
	}

	public List<TimeEntry> of(long requestId) {
		return jdbc.sql("select * from time_entry where request_id = ? order by work_date, id")
			.param(requestId)
			.query((rs, n) -> new TimeEntry(rs.getLong("engineer_id"), rs.getDate("work_date").toLocalDate(),
					rs.getInt("minutes"), TimeActivity.valueOf(rs.getString("activity")),
					HelpKind.valueOf(rs.getString("kind")), rs.getString("note")))
			.list();
	}

	public record TimeEntry(long engineerId, LocalDate workDate, int minutes, TimeActivity activity, HelpKind kind,
			String note) {
	}

}
