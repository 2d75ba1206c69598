package org.tandem.requests;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.tandem.artifacts.HelpKind;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.stereotype.Repository;

/**
 * Requests, their conversation and their history, in SQL both H2 and PostgreSQL speak.
 */
@Repository
class RequestRepository {

	/**
	 * The sizes of the normalised columns (V12): the texts' own, title and need together.
	 */
	private static final int SEARCH_TEXT_SIZE = 4300;

	private static final int SEARCH_BODY_SIZE = 10000;

	private final JdbcClient jdbc;

	RequestRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	long insert(HelpRequest r) {
		return insert(r, null);
	}

	/**
	 * @param filing the form it was filed from, null when none; the same teacher's same
	 * form twice is a {@link org.springframework.dao.DuplicateKeyException}
	 */
	long insert(HelpRequest r, FilingToken filing) {
		KeyHolder key = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into help_request (platform_id, course_id, requester_id, resource_link_id, kind, topic, title,
				  need, search_text, audience, objectives, course_parts, wished_date, work_mode, status, created_at,
				  last_activity_at, last_teacher_message_at, awaiting_reply, filing_token)
				values (:platform, :course, :requester, :link, :kind, :topic, :title, :need, :search, :audience,
				  :objectives, :parts, :wished, :mode, :status, :now, :now, :now, true, :filing)""")
			.paramSource(new MapSqlParameterSource().addValue("platform", r.platformId())
				.addValue("course", r.courseId())
				.addValue("requester", r.requesterId())
				.addValue("link", r.resourceLinkId())
				.addValue("kind", r.kind().name())
				.addValue("topic", r.topic().name())
				.addValue("title", r.title())
				.addValue("need", r.need())
				.addValue("search", SearchText.of(r.title() + " " + r.need(), SEARCH_TEXT_SIZE))
				.addValue("audience", r.audience())
				.addValue("objectives", r.objectives())
				.addValue("parts", r.courseParts())
				.addValue("wished", r.wishedDate() == null ? null : Date.valueOf(r.wishedDate()))
				.addValue("mode", r.workMode().name())
				.addValue("status", r.status().name())
				.addValue("now", Timestamp.from(r.createdAt()))
				.addValue("filing", filing == null ? null : filing.value()))
			.update(key, "id");
		return key.getKey().longValue();
	}

	/** The request this teacher filed from this form, if they did. */
	Optional<Long> filedFrom(long requesterId, FilingToken filing) {
		return jdbc.sql("select id from help_request where requester_id = ? and filing_token = ?")
			.params(requesterId, filing.value())
			.query(Long.class)
			.optional();
	}

	Optional<HelpRequest> find(long id) {
		return jdbc.sql("select * from help_request where id = ?").param(id).query(RequestRepository::map).optional();
	}

	/**
	 * Moves the status only if it is still the one the person saw: concurrent changes
	 * lose. The decline reason stands only while the request is declined (the history
	 * keeps it once reopened).
	 */
	boolean moveStatus(long id, RequestStatus from, RequestStatus to, String declineReason, Instant now) {
		return jdbc.sql("""
				update help_request set status = ?, decline_reason = ?, last_activity_at = ?
				where id = ? and status = ?""")
			.params(to.name(), to == RequestStatus.DECLINED ? declineReason : null, Timestamp.from(now), id,
					from.name())
			.update() == 1;
	}

	void assign(long id, Long assigneeId, Instant now) {
		jdbc.sql("update help_request set assignee_id = ?, last_activity_at = ? where id = ?")
			.params(assigneeId, Timestamp.from(now), id)
			.update();
	}

	void teacherWrote(long id, Instant now) {
		jdbc.sql("""
				update help_request set last_teacher_message_at = ?, awaiting_reply = true, last_activity_at = ?
				where id = ?""").params(Timestamp.from(now), Timestamp.from(now), id).update();
	}

	void engineerReplied(long id, Instant now) {
		jdbc.sql("""
				update help_request set first_response_at = coalesce(first_response_at, ?), awaiting_reply = false,
				  last_activity_at = ? where id = ?""").params(Timestamp.from(now), Timestamp.from(now), id).update();
	}

	void touch(long id, Instant now) {
		jdbc.sql("update help_request set last_activity_at = ? where id = ?").params(Timestamp.from(now), id).update();
	}

	/** Records the teacher's rating, once: false when it was already rated. */
	boolean rate(long id, int rating, String comment, Instant now) {
		return jdbc.sql("""
				update help_request set rating = ?, rating_comment = ?, rated_at = ?, last_activity_at = ?
				where id = ? and rating is null""")
			.params(rating, comment, Timestamp.from(now), Timestamp.from(now), id)
			.update() == 1;
	}

	long addMessage(long requestId, long authorId, boolean internal, String body, Instant now) {
		KeyHolder keys = new GeneratedKeyHolder();
		jdbc.sql("""
				insert into request_message (request_id, author_id, internal, body, search_body, created_at)
				values (?, ?, ?, ?, ?, ?)""")
			.params(requestId, authorId, internal, body, SearchText.of(body, SEARCH_BODY_SIZE), Timestamp.from(now))
			.update(keys, "id");
		return keys.getKey().longValue();
	}

	/** A message of the conversation that is not an internal note. */
	Optional<String> reply(long requestId, long messageId) {
		return jdbc.sql("select body from request_message where id = ? and request_id = ? and internal = false")
			.params(messageId, requestId)
			.query(String.class)
			.optional();
	}

	Map<Long, String> titles(Collection<Long> ids) {
		Map<Long, String> titles = new HashMap<>();
		if (!ids.isEmpty()) {
			jdbc.sql("select id, title from help_request where id in (:ids)")
				.param("ids", List.copyOf(ids))
				.query((ResultSet rs) -> {
					titles.put(rs.getLong(1), rs.getString(2));
				});
		}
		return titles;
	}

	List<Message> messages(long requestId, boolean withInternal) {
		return jdbc
			.sql("select * from request_message where request_id = ? and (internal = false or ?)"
					+ " order by created_at, id")
			.params(requestId, withInternal)
			.query((rs, n) -> new Message(rs.getLong("id"), rs.getLong("author_id"), rs.getBoolean("internal"),
					rs.getString("body"), instant(rs, "created_at")))
			.list();
	}

	void addEvent(long requestId, long actorId, EventType type, String from, String to, String reason, Instant now) {
		jdbc.sql("""
				insert into request_event (request_id, actor_id, type, from_value, to_value, reason, created_at)
				values (?, ?, ?, ?, ?, ?, ?)""")
			.params(requestId, actorId, type.name(), from, to, reason, Timestamp.from(now))
			.update();
	}

	List<Event> events(long requestId) {
		return jdbc.sql("select * from request_event where request_id = ? order by created_at, id")
			.param(requestId)
			.query((rs, n) -> event(rs))
			.list();
	}

	private static Event event(ResultSet rs) throws SQLException {
		return new Event(rs.getLong("actor_id"), EventType.valueOf(rs.getString("type")), rs.getString("from_value"),
				rs.getString("to_value"), rs.getString("reason"), instant(rs, "created_at"));
	}

	/** The status changes of these requests, each request's in their order. */
	Map<Long, List<Event>> statusChanges(Collection<Long> requestIds) {
		Map<Long, List<Event>> changes = new HashMap<>();
		if (!requestIds.isEmpty()) {
			jdbc.sql("select * from request_event where request_id in (:ids) and type = :type order by created_at, id")
				.param("ids", List.copyOf(requestIds))
				.param("type", EventType.STATUS.name())
				.query((ResultSet rs) -> {
					changes.computeIfAbsent(rs.getLong("request_id"), id -> new ArrayList<>()).add(event(rs));
				});
		}
		return changes;
	}

	/** A course's requests, newest first. */
	List<HelpRequest> ofCourse(long courseId) {
		return jdbc.sql("select * from help_request where course_id = ? order by created_at desc, id desc")
			.param(courseId)
			.query(RequestRepository::map)
			.list();
	}

	/**
	 * One page of the platform's queue, in the filter's order (most recent activity first
	 * by default); rows without a value for the column (no wished date, nobody in charge,
	 * nobody waiting) come last either way, then the newest first.
	 */
	List<HelpRequest> queue(long platformId, QueueFilter filter, long viewerId, int offset, int limit) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(platformId, filter, viewerId, params, true);
		params.addValue("offset", offset).addValue("limit", limit);
		return jdbc
			.sql("select h.* from " + from(filter.sort()) + " where " + where + " order by " + orderBy(filter)
					+ ", h.id desc offset :offset rows fetch next :limit rows only")
			.paramSource(params)
			.query(RequestRepository::map)
			.list();
	}

	/**
	 * Of these requests, those with news for this person: never opened by them, or since
	 * they last opened it a message (a reply, an internal note) or a change of status by
	 * someone else.
	 */
	Set<Long> withNews(long personId, Collection<Long> ids) {
		if (ids.isEmpty()) {
			return Set.of();
		}
		return new HashSet<>(jdbc.sql("""
				select h.id from help_request h
				left join request_view v on v.request_id = h.id and v.person_id = :person
				where h.id in (:ids) and (v.viewed_at is null
				  or exists (select 1 from request_message m where m.request_id = h.id and m.author_id <> :person
				    and m.created_at > v.viewed_at)
				  or exists (select 1 from request_event e where e.request_id = h.id and e.actor_id <> :person
				    and e.type = 'STATUS' and e.created_at > v.viewed_at))""")
			.param("person", personId)
			.param("ids", List.copyOf(ids))
			.query(Long.class)
			.list());
	}

	/**
	 * This person opened the request at this time. Outside a transaction: when two of
	 * their pages open it for the first time at once, the insert that loses updates
	 * instead, where PostgreSQL would have aborted a transaction around it.
	 */
	void viewed(long personId, long requestId, Instant at) {
		Timestamp time = Timestamp.from(at);
		String update = "update request_view set viewed_at = ? where person_id = ? and request_id = ?";
		if (jdbc.sql(update).params(time, personId, requestId).update() > 0) {
			return;
		}
		try {
			jdbc.sql("insert into request_view (person_id, request_id, viewed_at) values (?, ?, ?)")
				.params(personId, requestId, time)
				.update();
		}
		catch (DuplicateKeyException raced) {
			jdbc.sql(update).params(time, personId, requestId).update();
		}
	}

	/**
	 * How many requests of the filtered queue are in each status (the status filter
	 * aside).
	 */
	Map<RequestStatus, Long> countsByStatus(long platformId, QueueFilter filter, long viewerId) {
		MapSqlParameterSource params = new MapSqlParameterSource();
		String where = where(platformId, filter, viewerId, params, false);
		Map<RequestStatus, Long> counts = new EnumMap<>(RequestStatus.class);
		for (RequestStatus status : RequestStatus.values()) {
			counts.put(status, 0L);
		}
		jdbc.sql("select h.status, count(*) from help_request h where " + where + " group by h.status")
			.paramSource(params)
			.query((ResultSet rs) -> {
				counts.put(RequestStatus.valueOf(rs.getString(1)), rs.getLong(2));
			});
		return counts;
	}

	/**
	 * The courses of the platform that have requests, for the queue's course filter. A
	 * plain {@code distinct} reads every request of the platform; this skips from one
	 * course to the next along the (platform, course) index, one probe per course.
	 */
	List<Long> coursesWithRequests(long platformId) {
		return jdbc.sql("""
				with recursive courses (course_id) as (
				  select min(course_id) from help_request where platform_id = :platform
				  union all
				  select (select min(h.course_id) from help_request h
				          where h.platform_id = :platform and h.course_id > courses.course_id)
				  from courses where courses.course_id is not null)
				select course_id from courses where course_id is not null""")
			.param("platform", platformId)
			.query(Long.class)
			.list();
	}

	/**
	 * The requests, with the names the page shows when it is sorted by them. The course's
	 * and person's tables are the launch's, read here only for the name: a page of 50
	 * sorted by name needs it in the query that pages.
	 */
	private static String from(QueueSort sort) {
		return switch (sort) {
			case COURSE -> "help_request h join course c on c.id = h.course_id";
			case ENGINEER -> "help_request h left join person p on p.id = h.assignee_id";
			default -> "help_request h";
		};
	}

	private static String orderBy(QueueFilter filter) {
		boolean ascending = filter.order() == QueueSort.Order.ASC;
		String column = switch (filter.sort()) {
			case ACTIVITY -> "h.last_activity_at";
			case NUMBER -> "h.id";
			case TITLE -> "lower(h.title)";
			// As Directory's CourseRef.display() and Person.label() name them.
			case COURSE -> "lower(coalesce(c.title, c.label, c.context_id))";
			case ENGINEER -> "lower(coalesce(p.name, p.email, '#' || p.subject))";
			case STATUS -> statusOrder();
			case WISHED -> "h.wished_date";
			case WAITING -> {
				// Since when the teacher waits: the longest wait is the earliest time.
				ascending = !ascending;
				yield "case when h.status in (" + openStatuses() + ") then case when h.first_response_at is null"
						+ " then h.created_at when h.awaiting_reply then h.last_teacher_message_at end end";
			}
		};
		// Only where a value may be missing: "nulls last" on a column that has none would
		// keep PostgreSQL from reading the queue's indexes backwards.
		boolean nullable = switch (filter.sort()) {
			case WISHED, WAITING, ENGINEER -> true;
			default -> false;
		};
		return column + (ascending ? " asc" : " desc") + (nullable ? " nulls last" : "");
	}

	/** Statuses in the order of a request's life, not of their names. */
	private static String statusOrder() {
		StringBuilder order = new StringBuilder("case h.status");
		for (RequestStatus status : RequestStatus.values()) {
			order.append(" when '").append(status.name()).append("' then ").append(status.ordinal());
		}
		return order.append(" end").toString();
	}

	private static String openStatuses() {
		return Arrays.stream(RequestStatus.values())
			.filter(RequestStatus::open)
			.map(status -> "'" + status.name() + "'")
			.collect(Collectors.joining(", "));
	}

	/**
	 * The filter in SQL, on {@code help_request h}. Each word searched must be in the
	 * title, the need or a message of the conversation, internal notes included: the
	 * queue is the engineers' own, who read the notes on every request's page and write
	 * them to find things again ("waiting for the studio's video").
	 */
	private static String where(long platformId, QueueFilter filter, long viewerId, MapSqlParameterSource params,
			boolean withStatus) {
		StringBuilder where = new StringBuilder("h.platform_id = :platform");
		params.addValue("platform", platformId);
		if (withStatus && filter.status() != null) {
			where.append(" and h.status = :status");
			params.addValue("status", filter.status().name());
		}
		if (filter.kind() != null) {
			where.append(" and h.kind = :kind");
			params.addValue("kind", filter.kind().name());
		}
		if (filter.topic() != null) {
			where.append(" and h.topic = :topic");
			params.addValue("topic", filter.topic().name());
		}
		if (filter.course() != null) {
			where.append(" and h.course_id = :course");
			params.addValue("course", filter.course());
		}
		switch (filter.assignee()) {
			case ANYONE -> {
			}
			case ME -> {
				where.append(" and h.assignee_id = :viewer");
				params.addValue("viewer", viewerId);
			}
			case NOBODY -> where.append(" and h.assignee_id is null");
		}
		List<String> words = SearchText.words(filter.q());
		for (int i = 0; i < words.size(); i++) {
			String word = ":word" + i;
			where.append(" and (h.search_text like ")
				.append(word)
				.append(" escape '\\'")
				.append(" or exists (select 1 from request_message m where m.request_id = h.id and m.search_body like ")
				.append(word)
				.append(" escape '\\'))");
			params.addValue("word" + i, SearchText.containing(words.get(i)));
		}
		return where.toString();
	}

	private static HelpRequest map(ResultSet rs, int n) throws SQLException {
		Date wished = rs.getDate("wished_date");
		int rating = rs.getInt("rating");
		Integer rated = rs.wasNull() ? null : rating;
		long assignee = rs.getLong("assignee_id");
		Long assigneeId = rs.wasNull() ? null : assignee;
		return new HelpRequest(rs.getLong("id"), rs.getLong("platform_id"), rs.getLong("course_id"),
				rs.getLong("requester_id"), rs.getString("resource_link_id"), HelpKind.valueOf(rs.getString("kind")),
				Topic.valueOf(rs.getString("topic")), rs.getString("title"), rs.getString("need"),
				rs.getString("audience"), rs.getString("objectives"), rs.getString("course_parts"),
				wished == null ? null : wished.toLocalDate(), WorkMode.valueOf(rs.getString("work_mode")),
				RequestStatus.valueOf(rs.getString("status")), assigneeId, rs.getString("decline_reason"),
				instant(rs, "created_at"), instant(rs, "last_activity_at"), instant(rs, "first_response_at"),
				instant(rs, "last_teacher_message_at"), rs.getBoolean("awaiting_reply"), rated,
				rs.getString("rating_comment"), instant(rs, "rated_at"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return timestamp == null ? null : timestamp.toInstant();
	}

	record Message(long id, long authorId, boolean internal, String body, Instant createdAt) {
	}

	enum EventType {

		CREATED, STATUS, ASSIGNEE, RATED, REWORK

	}

	record Event(long actorId, EventType type, String from, String to, String reason, Instant createdAt) {
	}

}
