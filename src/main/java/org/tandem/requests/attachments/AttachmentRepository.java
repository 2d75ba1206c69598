package org.tandem.requests.attachments;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Files in the database rather than in a folder: two Tandem instances behind one load
 * balancer see the same files, a backup of the database holds them whole, and a message
 * and its files are saved in one transaction or not at all. Files are small (see
 * {@link AttachmentsProperties}); {@code bytea} on both H2 and PostgreSQL.
 */
@Repository
class AttachmentRepository {

	/**
	 * An attachment of an internal note is an internal one: the note says, not a copy of
	 * it.
	 */
	private static final String VISIBLE = """
			from request_attachment a left join request_message m on m.id = a.message_id
			where a.request_id = :request and (a.message_id is null or m.internal = false or :internal)""";

	private final JdbcClient jdbc;

	AttachmentRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(long requestId, Long messageId, long uploaderId, Upload upload, Instant now) {
		jdbc.sql("""
				insert into request_attachment (request_id, message_id, uploader_id, file_name, file_type, size_bytes,
				  content, created_at) values (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(requestId, messageId, uploaderId, upload.fileName(), upload.type().name(),
					(long) upload.content().length, upload.content(), Timestamp.from(now))
			.update();
	}

	List<Attachment> of(long requestId, boolean withInternal) {
		return jdbc
			.sql("select a.id, a.message_id, a.file_name, a.file_type, a.size_bytes " + VISIBLE + " order by a.id")
			.param("request", requestId)
			.param("internal", withInternal)
			.query((rs, n) -> {
				long message = rs.getLong("message_id");
				Long messageId = rs.wasNull() ? null : message;
				return new Attachment(rs.getLong("id"), messageId, rs.getString("file_name"),
						FileType.valueOf(rs.getString("file_type")), new FileSize(rs.getLong("size_bytes")));
			})
			.list();
	}

	Optional<Download> download(long requestId, long attachmentId, boolean withInternal) {
		return jdbc.sql("select a.file_name, a.file_type, a.content " + VISIBLE + " and a.id = :id")
			.param("request", requestId)
			.param("internal", withInternal)
			.param("id", attachmentId)
			.query((rs, n) -> new Download(rs.getString("file_name"), FileType.valueOf(rs.getString("file_type")),
					rs.getBytes("content")))
			.optional();
	}

}
