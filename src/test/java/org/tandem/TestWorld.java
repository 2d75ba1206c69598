package org.tandem;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Instant;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A platform, a course and its teacher, written as launches and a registration leave
 * them, for module tests: such a test starts without the modules that write these rows.
 * Each world has a platform of its own, so that tests sharing a database do not see each
 * other's people.
 */
public final class TestWorld {

	private final JdbcClient jdbc;

	public final long platformId;

	/** The platform's issuer and site. */
	public final URI site;

	public final long courseId;

	/** Moodle user 3, the teacher of the course. */
	public final long teacherId;

	private TestWorld(JdbcClient jdbc) {
		this.jdbc = jdbc;
		String issuer = "https://moodle-" + System.nanoTime() + ".example.org";
		this.site = URI.create(issuer);
		jdbc.sql("""
				insert into platform (issuer, client_id, name, auth_url, token_url, jwks_url, site_url, source, enabled,
				  updated_at) values (?, 'client', 'Module test Moodle', ?, ?, ?, ?, 'test', true, ?)""")
			.params(issuer, issuer + "/mod/lti/auth.php", issuer + "/mod/lti/token.php", issuer + "/mod/lti/certs.php",
					issuer, now())
			.update();
		this.platformId = jdbc.sql("select id from platform where issuer = ?").param(issuer).query(Long.class).single();
		// another course first, so that no id of the world is that of its platform: an
		// event that swapped them would not go unseen
		jdbc.sql("""
				insert into course (platform_id, context_id, title, label, last_launch_at)
				values (?, '13', 'Chimie', 'CHM101', ?)""").params(platformId, now()).update();
		jdbc.sql("""
				insert into course (platform_id, context_id, title, label, last_launch_at)
				values (?, '14', 'Biologie cellulaire', 'BIO101', ?)""").params(platformId, now()).update();
		this.courseId = jdbc.sql("select id from course where platform_id = ? and context_id = '14'")
			.param(platformId)
			.query(Long.class)
			.single();
		this.teacherId = person("3", "Tina Teacher", "teacher@example.com");
	}

	public static TestWorld create(JdbcClient jdbc) {
		return new TestWorld(jdbc);
	}

	/** Someone who launched Tandem from this platform; no name or e-mail when null. */
	public long person(String subject, String name, String email) {
		jdbc.sql("""
				insert into person (platform_id, subject, name, email, locale, last_launch_at)
				values (?, ?, ?, ?, 'en', ?)""").params(platformId, subject, name, email, now()).update();
		return jdbc.sql("select id from person where platform_id = ? and subject = ?")
			.params(platformId, subject)
			.query(Long.class)
			.single();
	}

	/** An engineer named by the platform's registration, by LMS user id or e-mail. */
	public void engineer(String lmsUserId, String email) {
		jdbc.sql("""
				insert into platform_engineer (platform_id, lms_user_id, email, source)
				values (?, ?, ?, 'registration')""").params(platformId, lmsUserId, email).update();
	}

	/** A request the teacher filed, new. */
	public long request(String title) {
		jdbc.sql(
				"""
						insert into help_request (platform_id, course_id, requester_id, resource_link_id, kind, topic, title,
						  need, search_text, work_mode, status, created_at, last_activity_at, awaiting_reply)
						values (?, ?, ?, '1', 'MEDIATION', 'ASSESSMENT', ?, 'Align the exam with the objectives', '', 'MESSAGES',
						  'NEW', ?, ?, true)""")
			.params(platformId, courseId, teacherId, title, now(), now())
			.update();
		return jdbc.sql("select max(id) from help_request where platform_id = ?")
			.param(platformId)
			.query(Long.class)
			.single();
	}

	private static Timestamp now() {
		return Timestamp.from(Instant.now());
	}

}
