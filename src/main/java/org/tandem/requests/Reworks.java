package org.tandem.requests;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.tandem.artifacts.Artifact;
import org.tandem.artifacts.CourseChange;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What engineers reworked for a request, and the changes they said were not theirs. A
 * rework keeps the artifact's name and type as they were, so that a later rename or
 * deletion in Moodle erases nothing.
 */
@Repository
class Reworks {

	private final JdbcClient jdbc;

	Reworks(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * @param changeId the change that shows it; null for work Moodle cannot see
	 * @param artifactKind null for work outside Moodle
	 * @param link where work outside Moodle is found, or null
	 */
	record Rework(long id, long requestId, long engineerId, HelpKind kind, String note, Long changeId,
			Artifact.Kind artifactKind, Long artifactId, String artifactType, String name, String link,
			Instant createdAt) {

		public boolean inMoodle() {
			return artifactKind != null;
		}

	}

	/** An engineer's word on a change, for one request. */
	enum Verdict {

		REWORKED, NOT_MINE

	}

	record Review(Verdict verdict, long engineerId) {
	}

	/**
	 * @return false when the change was already recorded for this request
	 */
	boolean fromChange(long requestId, long engineerId, CourseChange change, HelpKind kind, String note, Instant now) {
		try {
			jdbc.sql("""
					insert into rework (request_id, engineer_id, kind, note, change_id, artifact_kind, artifact_id,
					  artifact_type, name, created_at) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(requestId, engineerId, kind.name(), note, change.id(), change.artifactKind().name(),
						change.artifactId(), change.artifactType(), change.name(), Timestamp.from(now))
				.update();
			return true;
		}
		catch (DuplicateKeyException ex) {
			return false;
		}
	}

	void outside(long requestId, long engineerId, String title, String link, HelpKind kind, String note, Instant now) {
		jdbc.sql("""
				insert into rework (request_id, engineer_id, kind, note, name, link, created_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(requestId, engineerId, kind.name(), note, title, link, Timestamp.from(now))
			.update();
	}

	/**
	 * @return false when an engineer already said it was not theirs
	 */
	boolean dismiss(long requestId, long changeId, long engineerId, Instant now) {
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

	List<Rework> of(long requestId) {
		return jdbc.sql("select * from rework where request_id = ? order by created_at, id")
			.param(requestId)
			.query(Reworks::rework)
			.list();
	}

	/** What the request's engineers said of each change they looked at. */
	Map<Long, Review> reviews(long requestId) {
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
	 * For each of these changes, the titles of the other requests it was recorded as work
	 * for.
	 */
	Map<Long, List<String>> forOtherRequests(long requestId, Collection<Long> changeIds) {
		Map<Long, List<String>> titles = new HashMap<>();
		if (changeIds.isEmpty()) {
			return titles;
		}
		jdbc.sql("""
				select w.change_id, r.title from rework w join help_request r on r.id = w.request_id
				 where w.change_id in (:changes) and w.request_id <> :request order by r.created_at""")
			.param("changes", changeIds)
			.param("request", requestId)
			.query((ResultSet rs) -> {
				titles.computeIfAbsent(rs.getLong(1), id -> new ArrayList<>()).add(rs.getString(2));
			});
		return titles;
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
