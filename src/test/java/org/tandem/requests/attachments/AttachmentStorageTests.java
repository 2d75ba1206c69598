package org.tandem.requests.attachments;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.tandem.TestWorld;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Files as stored, on each database Tandem runs on: every byte back, an internal note's
 * files kept from those who read no internal note, a file found only through its own
 * request, and a message saved with its files or not at all.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK)
@ActiveProfiles("test")
abstract class AttachmentStorageTests {

	@Autowired
	Attachments attachments;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate transactions;

	TestWorld world;

	long requestId;

	@BeforeEach
	void aRequest() {
		world = TestWorld.create(jdbc);
		requestId = world.request("With files");
	}

	@Test
	void largeFileComesBackByteForByte() {
		byte[] content = TestFiles.pdf(9 * 1024 * 1024);
		new Random(42).nextBytes(content);
		System.arraycopy(TestFiles.pdf(), 0, content, 0, 5);
		Upload upload = new Upload("Examen été.pdf", FileType.PDF, content);

		transactions.executeWithoutResult(tx -> attachments.store(requestId, null, world.teacherId,
				List.of(upload, new Upload("Plan.txt", FileType.TXT, "Plan".getBytes())), Instant.now()));

		List<Attachment> stored = attachments.of(requestId, false);
		assertThat(stored).extracting(Attachment::fileName).containsExactly("Examen été.pdf", "Plan.txt");
		assertThat(stored.get(0).size().bytes()).isEqualTo(content.length);
		// came with the request, not with a message
		assertThat(stored.get(0).messageId()).isNull();
		Download download = attachments.download(requestId, stored.get(0).id(), false).orElseThrow();
		assertThat(download.content()).isEqualTo(content);
		assertThat(download.type()).isEqualTo(FileType.PDF);
		assertThat(download.fileName()).isEqualTo("Examen été.pdf");
	}

	@Test
	void internalNotesFilesAreOnlyForThoseWhoReadInternalNotes() {
		long note = message(true);
		long reply = message(false);
		transactions.executeWithoutResult(tx -> {
			attachments.store(requestId, note, world.teacherId, List.of(pdf("Interne.pdf")), Instant.now());
			attachments.store(requestId, reply, world.teacherId, List.of(pdf("Réponse.pdf")), Instant.now());
		});

		assertThat(attachments.of(requestId, false)).extracting(Attachment::fileName).containsExactly("Réponse.pdf");
		assertThat(attachments.of(requestId, true)).extracting(Attachment::fileName)
			.containsExactly("Interne.pdf", "Réponse.pdf");
		long internal = attachments.of(requestId, true).get(0).id();
		assertThat(attachments.download(requestId, internal, false)).isEmpty();
		assertThat(attachments.download(requestId, internal, true)).isPresent();
		assertThat(attachments.of(requestId, true).get(0).messageId()).isEqualTo(note);
	}

	@Test
	void fileIsFoundOnlyThroughItsOwnRequest() {
		long other = world.request("Another");
		transactions.executeWithoutResult(
				tx -> attachments.store(requestId, null, world.teacherId, List.of(pdf("Mine.pdf")), Instant.now()));
		long id = attachments.of(requestId, true).get(0).id();

		assertThat(attachments.download(other, id, true)).isEmpty();
		assertThat(attachments.of(other, true)).isEmpty();
	}

	@Test
	void messageAndItsFilesAreSavedTogetherOrNotAtAll() {
		long messages = count("request_message");
		long files = count("request_attachment");

		assertThatThrownBy(() -> transactions.executeWithoutResult(tx -> {
			long reply = message(false);
			attachments.store(requestId, reply, world.teacherId, List.of(pdf("A.pdf")), Instant.now());
			// a person who is not there: the second file cannot be saved
			attachments.store(requestId, reply, -1, List.of(pdf("B.pdf")), Instant.now());
		})).isInstanceOf(org.springframework.dao.DataIntegrityViolationException.class);

		assertThat(count("request_message")).isEqualTo(messages);
		assertThat(count("request_attachment")).isEqualTo(files);
		assertThatThrownBy(
				() -> attachments.store(requestId, null, world.teacherId, List.of(pdf("C.pdf")), Instant.now()))
			.isInstanceOf(IllegalTransactionStateException.class);
	}

	private static Upload pdf(String name) {
		return new Upload(name, FileType.PDF, TestFiles.pdf());
	}

	private long message(boolean internal) {
		jdbc.sql("""
				insert into request_message (request_id, author_id, internal, body, created_at)
				values (?, ?, ?, 'Body', ?)""")
			.params(requestId, world.teacherId, internal, Timestamp.from(Instant.now()))
			.update();
		return jdbc.sql("select max(id) from request_message where request_id = ?")
			.param(requestId)
			.query(Long.class)
			.single();
	}

	private long count(String table) {
		return jdbc.sql("select count(*) from " + table).query(Long.class).single();
	}

}
