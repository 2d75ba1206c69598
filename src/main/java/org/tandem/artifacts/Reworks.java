package org.tandem.artifacts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What engineers reworked for a request, and the changes they said were not theirs. A
 * rework keeps the artifact's name and type as they were, so that a later rename or
 * deletion in Moodle erases nothing. A request is known here by its id alone: who may
 * record work for it is for the requests module to say.
 */
@Service
@Transactional
public class Reworks {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	Reworks(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	/**
	 * @param changeId the change that shows it; null for work Moodle cannot see
	 * @param artifactKind null for work outside Moodle
	 * @param link where work outside Moodle is found, or null
	 */
	public record Rework(long id, long requestId, long engineerId, HelpKind kind, String note, Long changeId,
			Artifact.Kind artifactKind, Long artifactId, String artifactType, String name, String link,
			Instant createdAt) {

		public boolean inMoodle() {
			return artifactKind != null;
		}

	}

	/** An engineer's word on a change, for one request. */
	public enum Verdict {

		REWORKED, NOT_MINE

	}

	public record Review(Verdict verdict, long engineerId) {
	}

	/**
	 * @return false when the change was already recorded for this request
	 */
	public boolean fromChange(long requestId, long engineerId, CourseChange change, HelpKind kind, String note,
			Instant now) {
		try {
			jdbc.sql("""
					insert into rework (request_id, engineer_id, kind, note, change_id, artifact_kind, artifact_id,
					  artifact_type, name, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(requestId, engineerId, kind.name(), note, change.id(), change.artifactKind().name(),
						change.artifactId(), change.artifactType(), change.name(), Timestamp.from(now))
				.update();
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
		events.publishEvent(new ReworkRecorded(requestId, engineerId, kind, change.name(), true));
		return true;
	}

	/**
	 * Work Moodle cannot see: a scenario document, a meeting, an artifact outside Moodle.
	 */
	public void outside(long requestId, long engineerId, String title, String link, HelpKind kind, String note,
			Instant now) {
		jdbc.sql("""
				insert into rework (request_id, engineer_id, kind, note, name, link, created_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(requestId, engineerId, kind.name(), note, title, link, Timestamp.from(now))
			.update();
		events.publishEvent(new ReworkRecorded(requestId, engineerId, kind, title, false));
	}

	/**
	 * @return false when an engineer already said it was not theirs
	 */
	public boolean dismiss(long requestId, long changeId, long engineerId, Instant now) {
		try {
			jdbc.sql(
					"insert into change_dismissal (request_id, change_id, engineer_id, created_at) values (?, ?, ?, ?)")
				.params(requestId, changeId, engineerId, Timestamp.from(now))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	@Transactional(readOnly = true)
	public List<Rework> of(long requestId) {
		return jdbc.sql("select * from rework where request_id = ? order by created_at, id")
			.param(requestId)
			.query(Reworks::rework)
			.list();
	}

	/** What the request's engineers said of each change they looked at. */
	@Transactional(readOnly = true)
	public Map<Long, Review> reviews(long requestId) {
		Map<Long, Review> reviews = new HashMap<>();
		jdbc.sql("select change_id, engineer_id from change_dismissal where request_id = ?")
			.param(requestId)
			.query((ResultSet rs) -> {
				reviews.put(rs.getLong(1), new Review(Verdict.NOT_MINE, rs.getLong(2)));
			});
		jdbc.sql("select change_id, engineer_id from rework where request_id = ? and change_id is not null")
			.param(requestId)
			.query((ResultSet rs) -> {
				reviews.put(rs.getLong(1), new Review(Verdict.REWORKED, rs.getLong(2)));
			});
		return reviews;
	}

	/**
	 * For each of these changes, the other requests it was recorded as work for, oldest
	 * first.
	 */
	@Transactional(readOnly = true)
	public Map<Long, List<Long>> forOtherRequests(long requestId, Collection<Long> changeIds) {
		Map<Long, List<Long>> requests = new HashMap<>();
		if (changeIds.isEmpty()) {
			return requests;
		}
		jdbc.sql("""
				select change_id, request_id from rework
				 where change_id in (:changes) and request_id <> :request order by request_id""")
			.param("changes", changeIds)
			.param("request", requestId)
			.query((ResultSet rs) -> {
				requests.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getLong(2));
			});
		return requests;
	}

	private static Rework rework(ResultSet rs, int n) throws SQLException {
		String kind = rs.getString("artifact_kind");
		return new Rework(rs.getLong("id"), rs.getLong("request_id"), rs.getLong("engineer_id"),
				HelpKind.valueOf(rs.getString("kind")), rs.getString("note"),
				(Long) rs.getObject("change_id", Long.class), kind == null ? null : Artifact.Kind.valueOf(kind),
				rs.getObject("artifact_id", Long.class), rs.getString("artifact_type"), rs.getString("name"),
				rs.getString("link"), rs.getTimestamp("created_at").toInstant());
	}

}
