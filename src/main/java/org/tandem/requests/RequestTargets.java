package org.tandem.requests;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.tandem.artifacts.Artifact;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The parts of the course a request is about, with their names as the teacher saw them.
 */
@Repository
class RequestTargets {

	private final JdbcClient jdbc;

	RequestTargets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Target(Artifact.Kind kind, long id, String type, String name) {

		String key() {
			return Artifact.key(kind, id);
		}

	}

	/**
	 * @param wholeCourse the teacher said the request is about the whole course
	 */
	record Targets(boolean wholeCourse, List<Target> artifacts) {

		Set<String> keys() {
			return artifacts.stream().map(Target::key).collect(Collectors.toSet());
		}

		boolean said() {
			return wholeCourse || !artifacts.isEmpty();
		}

	}

	void save(long requestId, boolean wholeCourse, List<Artifact> artifacts) {
		if (wholeCourse) {
			jdbc.sql("update help_request set whole_course = true where id = ?").param(requestId).update();
		}
		for (Artifact artifact : artifacts) {
			jdbc.sql("""
					insert into request_target (request_id, artifact_kind, artifact_id, artifact_type, name)
					values (?, ?, ?, ?, ?)""")
				.params(requestId, artifact.kind().name(), artifact.id(), artifact.type(), artifact.name())
				.update();
		}
	}

	Targets of(long requestId) {
		boolean whole = jdbc.sql("select whole_course from help_request where id = ?")
			.param(requestId)
			.query(Boolean.class)
			.single();
		List<Target> targets = jdbc.sql("""
				select t.* from request_target t where t.request_id = ?
				 order by case when t.artifact_kind = 'SECTION' then 0 else 1 end, t.artifact_id""")
			.param(requestId)
			.query((rs, n) -> new Target(Artifact.Kind.valueOf(rs.getString("artifact_kind")),
					rs.getLong("artifact_id"), rs.getString("artifact_type"), rs.getString("name")))
			.list();
		return new Targets(whole, targets);
	}

}
