package org.tandem.lti.launch;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.tandem.lti.LtiProperties;
import org.tandem.lti.Platform;
import org.tandem.system.RandomTokens;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The OIDC states and nonces Tandem issues, kept in the database so that any instance can
 * take the launch that follows a login. A state is used once; its nonce is bound to it,
 * so a token replayed with the same state is refused, and a token whose nonce was not
 * issued with that state is refused too.
 */
@Component
public class LoginStates {

	/** Used states are kept this long after they expire, to name a replay as such. */
	private static final Duration KEEP_USED = Duration.ofHours(1);

	private final JdbcClient jdbc;

	private final LtiProperties properties;

	private final Clock clock;

	LoginStates(JdbcClient jdbc, LtiProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	public IssuedLogin issue(Platform platform, String deploymentId) {
		IssuedLogin login = new IssuedLogin(RandomTokens.urlSafe(32), RandomTokens.urlSafe(32), platform.id(),
				deploymentId, null);
		jdbc.sql(
				"insert into login_state (state, nonce, platform_id, deployment_id, expires_at) values (?, ?, ?, ?, ?)")
			.params(login.state(), login.nonce(), platform.id(), deploymentId,
					Timestamp.from(clock.instant().plus(properties.loginTimeout())))
			.update();
		return login;
	}

	/** The login this state was issued for: unused and unexpired, or already used. */
	public Optional<IssuedLogin> find(String state) {
		return jdbc.sql("select * from login_state where state = ? and (expires_at > ? or used_at is not null)")
			.params(state, Timestamp.from(clock.instant()))
			.query((rs, n) -> new IssuedLogin(rs.getString("state"), rs.getString("nonce"), rs.getLong("platform_id"),
					rs.getString("deployment_id"),
					rs.getTimestamp("used_at") == null ? null : rs.getTimestamp("used_at").toInstant()))
			.optional();
	}

	/** Marks the state used; false when another request used it first. */
	public boolean use(IssuedLogin login) {
		return jdbc.sql("update login_state set used_at = ? where state = ? and used_at is null")
			.params(Timestamp.from(clock.instant()), login.state())
			.update() == 1;
	}

	@Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
	void purge() {
		jdbc.sql("delete from login_state where expires_at < ?")
			.param(Timestamp.from(clock.instant().minus(KEEP_USED)))
			.update();
	}

	public record IssuedLogin(String state, String nonce, long platformId, String deploymentId, Instant usedAt) {

		public boolean used() {
			return usedAt != null;
		}

	}

}
