package org.tandem.notifications;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.tandem.lti.LaunchSession;
import org.tandem.requests.Requests;
import org.tandem.system.RandomTokens;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links in e-mails that open a request through Moodle. Tandem can only be entered by a
 * launch from the course, so the link remembers, for its recipient alone, which request
 * to show, then sends them to the course's Tandem activity in Moodle; their next launch
 * lands on that request. The token opens nothing by itself.
 */
@Component
public class OpenLinks {

	/** How long after a click the next launch still goes to the request. */
	static final Duration INTENT = Duration.ofMinutes(30);

	private final JdbcClient jdbc;

	private final Clock clock;

	private final Requests requests;

	OpenLinks(JdbcClient jdbc, Clock clock, Requests requests) {
		this.jdbc = jdbc;
		this.clock = clock;
		this.requests = requests;
	}

	String create(long personId, long requestId) {
		String token = RandomTokens.urlSafe(32);
		jdbc.sql("insert into open_link (token, person_id, request_id, created_at) values (?, ?, ?, ?)")
			.params(token, personId, requestId, Timestamp.from(clock.instant()))
			.update();
		return token;
	}

	/** Notes the click and returns the request it is for. */
	Optional<Long> click(String token) {
		Optional<Long> request = jdbc.sql("select request_id from open_link where token = ?")
			.param(token)
			.query(Long.class)
			.optional();
		request.ifPresent(id -> jdbc.sql("update open_link set clicked_at = ?, consumed_at = null where token = ?")
			.params(Timestamp.from(clock.instant()), token)
			.update());
		return request;
	}

	/**
	 * The request this person clicked a link for, moments before this launch, if this
	 * launch is in its course; it is used once. A launch in another course (the person
	 * opened another course's Tandem in the meantime) leaves the link waiting for theirs:
	 * there the request would not even be visible.
	 */
	@Transactional
	public Optional<Long> takePending(LaunchSession launch) {
		Instant now = clock.instant();
		List<PendingLink> pending = jdbc.sql("""
				select token, request_id from open_link where person_id = ? and clicked_at > ? and consumed_at is null
				order by clicked_at desc""")
			.params(launch.personId(), Timestamp.from(now.minus(INTENT)))
			.query(PendingLink.class)
			.list();
		for (PendingLink link : pending) {
			boolean here = requests.find(link.requestId())
				.filter(r -> r.platformId() == launch.platformId() && r.courseId() == launch.courseId())
				.isPresent();
			if (here && jdbc.sql("update open_link set consumed_at = ? where token = ? and consumed_at is null")
				.params(Timestamp.from(now), link.token())
				.update() == 1) {
				return Optional.of(link.requestId());
			}
		}
		return Optional.empty();
	}

	record PendingLink(String token, long requestId) {
	}

}
