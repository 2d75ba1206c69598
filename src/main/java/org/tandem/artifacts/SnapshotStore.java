package org.tandem.artifacts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/** Snapshots (their artifacts as JSON) and the changes between consecutive ones. */
@Repository
class SnapshotStore {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final TypeReference<List<Artifact>> ARTIFACTS = new TypeReference<>() {
	};

	/** Changes, with when Moodle last showed the course as it was before each. */
	private static final String CHANGES = """
			select c.*, b.checked_at as before_seen_at from course_change c
			  join course_snapshot b on b.id = c.before_snapshot_id""";

	private final JdbcClient jdbc;

	private final JdbcTemplate batch;

	SnapshotStore(JdbcClient jdbc, JdbcTemplate batch) {
		this.jdbc = jdbc;
		this.batch = batch;
	}

	/**
	 * Holds the course until the transaction ends, so that two checks never interleave.
	 */
	void lock(long courseId) {
		jdbc.sql("select course_id from artifact_course where course_id = ? for update")
			.param(courseId)
			.query(Long.class)
			.single();
	}

	boolean knows(long courseId) {
		return jdbc.sql("select count(*) from artifact_course where course_id = ?")
			.param(courseId)
			.query(Long.class)
			.single() > 0;
	}

	void add(CourseKey course, Instant at) {
		jdbc.sql("insert into artifact_course (course_id, platform_id, context_id, first_seen_at) values (?, ?, ?, ?)")
			.params(course.id(), course.platformId(), course.contextId(), Timestamp.from(at))
			.update();
	}

	Optional<SnapshotRecord> latest(long courseId) {
		return jdbc.sql("""
				select id, course_id, taken_at, checked_at, artifacts from course_snapshot
				 where course_id = ? order by taken_at desc, id desc fetch first 1 rows only""")
			.param(courseId)
			.query(SnapshotStore::snapshot)
			.optional();
	}

	/**
	 * The latest snapshot without its artifacts: enough to tell whether the course
	 * changed.
	 */
	record Head(long id, Instant takenAt, Instant checkedAt, String digest) {
	}

	Optional<Head> latestHead(long courseId) {
		return jdbc.sql("""
				select id, taken_at, checked_at, digest from course_snapshot where course_id = ?
				 order by taken_at desc, id desc fetch first 1 rows only""")
			.param(courseId)
			.query((rs, n) -> new Head(rs.getLong(1), rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant(),
					rs.getString(4)))
			.optional();
	}

	CourseSnapshot snapshot(long snapshotId) {
		return jdbc.sql("select artifacts from course_snapshot where id = ?")
			.param(snapshotId)
			.query((rs, n) -> artifacts(rs.getString(1)))
			.single();
	}

	/** Moodle showed the course as this snapshot has it, once more. */
	void confirm(long snapshotId, Instant at) {
		jdbc.sql("update course_snapshot set checked_at = ? where id = ?")
			.params(Timestamp.from(at), snapshotId)
			.update();
	}

	/**
	 * @param digest of the JSON: equal digests, same course
	 */
	long insert(long courseId, String json, String digest, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into course_snapshot (course_id, taken_at, checked_at, digest, artifacts)
				values (?, ?, ?, ?, ?)""")
			.params(courseId, Timestamp.from(at), Timestamp.from(at), digest, json)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** In one batch: a designer's afternoon can move dozens of artifacts. */
	void insertChanges(long courseId, long beforeId, long afterId, List<Change> changes, Instant at) {
		List<Object[]> rows = changes.stream().map(change -> {
			Artifact artifact = change.artifact();
			return new Object[] { courseId, beforeId, afterId, change.type().name(), artifact.kind().name(),
					artifact.id(), artifact.type(), change.before() == null ? null : change.before().name(),
					change.after() == null ? null : change.after().name(),
					change.areas().isEmpty() ? null : String.join(",", new TreeSet<>(change.areas())),
					Timestamp.from(at) };
		}).toList();
		batch.batchUpdate("""
				insert into course_change (course_id, before_snapshot_id, after_snapshot_id, type, artifact_kind,
				  artifact_id, artifact_type, name_before, name_after, areas, detected_at)
				values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", rows);
	}

	List<CourseChange> changesSince(long courseId, Instant since) {
		return jdbc.sql(CHANGES + " where c.course_id = ? and c.detected_at > ? order by c.detected_at, c.id")
			.params(courseId, Timestamp.from(since))
			.query(SnapshotStore::change)
			.list();
	}

	Optional<CourseChange> change(long courseId, long changeId) {
		return jdbc.sql(CHANGES + " where c.course_id = ? and c.id = ?")
			.params(courseId, changeId)
			.query(SnapshotStore::change)
			.optional();
	}

	List<CourseChange> changes(long courseId, Collection<Long> changeIds) {
		return jdbc.sql(CHANGES + " where c.course_id = :course and c.id in (:ids)")
			.param("course", courseId)
			.param("ids", changeIds)
			.query(SnapshotStore::change)
			.list();
	}

	static String json(CourseSnapshot snapshot) {
		return JSON.writeValueAsString(snapshot.artifacts());
	}

	private static SnapshotRecord snapshot(ResultSet rs, int n) throws SQLException {
		return new SnapshotRecord(rs.getLong("id"), rs.getLong("course_id"), rs.getTimestamp("taken_at").toInstant(),
				rs.getTimestamp("checked_at").toInstant(), artifacts(rs.getString("artifacts")));
	}

	private static CourseSnapshot artifacts(String json) {
		return new CourseSnapshot(JSON.readValue(json, ARTIFACTS));
	}

	private static CourseChange change(ResultSet rs, int n) throws SQLException {
		String areas = rs.getString("areas");
		return new CourseChange(rs.getLong("id"), rs.getLong("course_id"), rs.getLong("before_snapshot_id"),
				rs.getLong("after_snapshot_id"), Change.Type.valueOf(rs.getString("type")),
				Artifact.Kind.valueOf(rs.getString("artifact_kind")), rs.getLong("artifact_id"),
				rs.getString("artifact_type"), rs.getString("name_before"), rs.getString("name_after"),
				areas == null ? Set.of() : Set.copyOf(Arrays.asList(areas.split(","))),
				rs.getTimestamp("before_seen_at").toInstant(), rs.getTimestamp("detected_at").toInstant());
	}

}
