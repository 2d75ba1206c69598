package org.tandem.requests.templates;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Answers the engineers of a platform share, to start a reply from. */
@Repository
public class AnswerTemplates {

	private final JdbcClient jdbc;

	AnswerTemplates(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<AnswerTemplate> of(long platformId) {
		return jdbc.sql("select id, title, body from answer_template where platform_id = ? order by title, id")
			.param(platformId)
			.query((rs, n) -> new AnswerTemplate(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.list();
	}

	public Optional<AnswerTemplate> find(long platformId, long id) {
		return jdbc.sql("select id, title, body from answer_template where platform_id = ? and id = ?")
			.params(platformId, id)
			.query((rs, n) -> new AnswerTemplate(rs.getLong(1), rs.getString(2), rs.getString(3)))
			.optional();
	}

	public void add(long platformId, long authorId, String title, String body, Instant now) {
		jdbc.sql("insert into answer_template (platform_id, title, body, author_id, updated_at) values (?, ?, ?, ?, ?)")
			.params(platformId, title.strip(), body.strip(), authorId, Timestamp.from(now))
			.update();
	}

	public boolean remove(long platformId, long id) {
		return jdbc.sql("delete from answer_template where platform_id = ? and id = ?")
			.params(platformId, id)
			.update() == 1;
	}

	public record AnswerTemplate(long id, String title, String body) {
	}

}
