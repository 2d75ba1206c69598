package org.tandem.lti;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.tandem.system.SupportedLocales;
import org.tandem.system.Texts;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people, courses and engineers that launches made known, for the features that show
 * them: names by id in one query, never by reaching into this module's tables.
 */
@Service
public class Directory {

	private final JdbcClient jdbc;

	Directory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A person as their last launch described them; name and e-mail may be unknown. */
	public record Person(long id, long platformId, String subject, String name, String email, Locale locale) {

		/**
		 * Something to call them by: their name, else their e-mail, else their LMS id.
		 */
		public String label() {
			return name != null ? name : email != null ? email : "#" + subject;
		}

	}

	public record CourseRef(long id, long platformId, String contextId, String title, String label) {

		public String display() {
			return title != null ? title : label != null ? label : contextId;
		}

	}

	/**
	 * An engineer of a platform, named in its registration or by an administrator.
	 *
	 * @param person the person once they have launched Tandem, else null
	 * @param source {@code registration} (the platform file) or {@code admin}
	 */
	public record Engineer(long id, String lmsUserId, String email, String source, Person person) {

		public String label() {
			return person != null ? person.label() : email != null ? email : "#" + lmsUserId;
		}

		/**
		 * Where to write to them: the e-mail they were named by, else their last
		 * launch's.
		 */
		public String contactEmail() {
			return email != null ? email : person == null ? null : person.email();
		}

	}

	public Optional<Person> person(long id) {
		return Optional.ofNullable(people(List.of(id)).get(id));
	}

	public Map<Long, Person> people(Collection<Long> ids) {
		Map<Long, Person> people = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("select * from person where id in (:ids)")
				.param("ids", List.copyOf(ids))
				.query(Directory::person)
				.list()
				.forEach(p -> people.put(p.id(), p));
		}
		return people;
	}

	public Map<Long, CourseRef> courses(Collection<Long> ids) {
		Map<Long, CourseRef> courses = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("select id, platform_id, context_id, title, label from course where id in (:ids)")
				.param("ids", List.copyOf(ids))
				.query((rs, n) -> new CourseRef(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
						rs.getString(5)))
				.list()
				.forEach(c -> courses.put(c.id(), c));
		}
		return courses;
	}

	/** The platform's engineers, with the person each one is once they have launched. */
	public List<Engineer> engineers(long platformId) {
		return jdbc.sql("""
				select e.id, e.lms_user_id, e.email, e.source, p.id as person_id, p.subject, p.name,
				  p.email as person_email, p.locale
				from platform_engineer e
				left join person p on p.platform_id = e.platform_id
				  and (p.subject = e.lms_user_id or (e.email is not null and lower(p.email) = e.email))
				where e.platform_id = :platform order by e.id""")
			.param("platform", platformId)
			.query((rs, n) -> new Engineer(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getObject("person_id") == null ? null
							: new Person(rs.getLong("person_id"), platformId, rs.getString("subject"),
									rs.getString("name"), rs.getString("person_email"),
									locale(rs.getString("locale")))))
			.list();
	}

	/** Names an engineer of the platform, by LMS user id or e-mail. */
	@Transactional
	public void addEngineer(long platformId, String lmsUserId, String email) {
		String id = Texts.blankToNullTrimmed(lmsUserId);
		String trimmed = Texts.blankToNullTrimmed(email);
		String mail = trimmed == null ? null : trimmed.toLowerCase(Locale.ROOT);
		boolean known = jdbc.sql("""
				select count(*) from platform_engineer where platform_id = :platform
				  and ((:id is not null and lms_user_id = :id) or (:mail is not null and email = :mail))""")
			.paramSource(new MapSqlParameterSource().addValue("platform", platformId)
				.addValue("id", id, java.sql.Types.VARCHAR)
				.addValue("mail", mail, java.sql.Types.VARCHAR))
			.query(Long.class)
			.single() > 0;
		if (!known) {
			jdbc.sql(
					"insert into platform_engineer (platform_id, lms_user_id, email, source) values (?, ?, ?, 'admin')")
				.params(platformId, id, mail)
				.update();
		}
	}

	/**
	 * Removes an engineer an administrator named; those of the registration file stay.
	 */
	public boolean removeEngineer(long platformId, long engineerId) {
		return jdbc.sql("delete from platform_engineer where id = ? and platform_id = ? and source = 'admin'")
			.params(engineerId, platformId)
			.update() == 1;
	}

	private static Person person(ResultSet rs, int n) throws SQLException {
		return new Person(rs.getLong("id"), rs.getLong("platform_id"), rs.getString("subject"), rs.getString("name"),
				rs.getString("email"), locale(rs.getString("locale")));
	}

	/**
	 * The language to write to someone in: that of their last launch, French when
	 * unknown.
	 */
	private static Locale locale(String tag) {
		Locale locale = SupportedLocales.of(tag);
		return locale == null ? SupportedLocales.DEFAULT : locale;
	}

}
