package org.tandem.artifacts;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

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

	private final JdbcClient jdbc;

	SnapshotStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Holds the course until the transaction ends, so that two checks never interleave. */
	void lock(long courseId) {
		jdbc.sql("select id from course where id = ? for update").param(courseId).query(Long.class).single();
	}

	Optional<SnapshotRecord> latest(long courseId) {
		return jdbc.sql("""
				select id, course_id, taken_at, checked_at, artifacts from course_snapshot
				 where course_id = ? order by taken_at desc, id desc fetch first 1 rows only""")
			.param(courseId)
			.query(SnapshotStore::snapshot)
			.optional();
	}

	Optional<String> latestDigest(long courseId) {
		return jdbc.sql("""
				select digest from course_snapshot where course_id = ?
				 order by taken_at desc, id desc fetch first 1 rows only""")
			.param(courseId)
			.query(String.class)
			.optional();
	}

	/** Moodle showed the course as the latest snapshot has it, once more. */
	void confirm(long courseId, Instant at) {
		jdbc.sql("""
				update course_snapshot set checked_at = ? where id = (select max(id) from course_snapshot
				 where course_id = ?)""").params(Timestamp.from(at), courseId).update();
	}

	long insert(long courseId, CourseSnapshot snapshot, String json, Instant at) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into course_snapshot (course_id, taken_at, checked_at, digest, artifacts)
				values (?, ?, ?, ?, ?)""")
			.params(courseId, Timestamp.from(at), Timestamp.from(at), CourseSnapshot.digest(json), json)
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	void insertChanges(long courseId, long beforeId, long afterId, List<Change> changes, Instant at) {
		for (Change change : changes) {
			Artifact artifact = change.artifact();
			jdbc.sql("""
					insert into course_change (course_id, before_snapshot_id, after_snapshot_id, type, artifact_kind,
					  artifact_id, artifact_type, name_before, name_after, areas, detected_at)
					values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
				.params(courseId, beforeId, afterId, change.type().name(), artifact.kind().name(), artifact.id(),
						artifact.type(), change.before() == null ? null : change.before().name(),
						change.after() == null ? null : change.after().name(),
						change.areas().isEmpty() ? null : String.join(",", new TreeSet<>(change.areas())),
						Timestamp.from(at))
				.update();
		}
	}

	List<CourseChange> changesSince(long courseId, Instant since) {
		return jdbc.sql("select * from course_change where course_id = ? and detected_at > ? order by detected_at, id")
			.params(courseId, Timestamp.from(since))
			.query(SnapshotStore::change)
			.list();
	}

	Optional<CourseChange> change(long courseId, long changeId) {
		return jdbc.sql("select * from course_change where course_id = ? and id = ?")
			.params(courseId, changeId)
			.query(SnapshotStore::change)
			.optional();
	}

	static String json(CourseSnapshot snapshot) {
		return JSON.writeValueAsString(snapshot.artifacts());
	}

	private static SnapshotRecord snapshot(ResultSet rs, int n) throws SQLException {
		return new SnapshotRecord(rs.getLong("id"), rs.getLong("course_id"), rs.getTimestamp("taken_at").toInstant(),
				rs.getTimestamp("checked_at").toInstant(),
				new CourseSnapshot(JSON.readValue(rs.getString("artifacts"), ARTIFACTS)));
	}

	private static CourseChange change(ResultSet rs, int n) throws SQLException {
		String areas = rs.getString("areas");
		return new CourseChange(rs.getLong("id"), rs.getLong("course_id"), rs.getLong("before_snapshot_id"),
				rs.getLong("after_snapshot_id"), Change.Type.valueOf(rs.getString("type")),
				Artifact.Kind.valueOf(rs.getString("artifact_kind")), rs.getLong("artifact_id"),
				rs.getString("artifact_type"), rs.getString("name_before"), rs.getString("name_after"),
				areas == null ? Set.of() : Set.copyOf(Arrays.asList(areas.split(","))),
				rs.getTimestamp("detected_at").toInstant());
	}

}
