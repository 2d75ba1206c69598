package org.tandem.lti.platform;

import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.tandem.lti.Platform;
import org.tandem.lti.PlatformRegistration;
import org.tandem.system.Texts;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
public class PlatformRepository {

	private final JdbcClient jdbc;

	PlatformRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Platform> findAll() {
		Map<Long, Set<String>> deployments = new HashMap<>();
		jdbc.sql("select platform_id, deployment_id from deployment").query((ResultSet rs) -> {
			deployments.computeIfAbsent(rs.getLong(1), id -> new HashSet<>()).add(rs.getString(2));
		});
		return jdbc.sql("select * from platform order by id")
			.query((rs, n) -> map(rs, deployments.getOrDefault(rs.getLong("id"), Set.of())))
			.list();
	}

	Optional<Long> findId(String issuer, String clientId) {
		return jdbc.sql("select id from platform where issuer = ? and client_id = ?")
			.params(issuer, clientId)
			.query(Long.class)
			.optional();
	}

	public long save(PlatformRegistration registration, String source, Instant now) {
		Optional<Long> existing = findId(registration.issuer(), registration.clientId());
		Object[] values = { registration.name(), registration.authUrl().toString(), registration.tokenUrl().toString(),
				registration.jwksUrl().toString(), registration.siteUrl().toString(), source, registration.enabled(),
				Timestamp.from(now) };
		if (existing.isPresent()) {
			jdbc.sql("""
					update platform set name = ?, auth_url = ?, token_url = ?, jwks_url = ?, site_url = ?,
					  source = ?, enabled = ?, updated_at = ? where id = ?""")
				.params(values)
				.param(existing.get())
				.update();
			return existing.get();
		}
		jdbc.sql("""
				insert into platform (name, auth_url, token_url, jwks_url, site_url, source, enabled, updated_at,
				  issuer, client_id) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(values)
			.params(registration.issuer(), registration.clientId())
			.update();
		return findId(registration.issuer(), registration.clientId()).orElseThrow();
	}

	public void replaceDeployments(long platformId, List<String> deploymentIds) {
		jdbc.sql("delete from deployment where platform_id = ?").param(platformId).update();
		for (String deploymentId : new HashSet<>(deploymentIds)) {
			jdbc.sql("insert into deployment (platform_id, deployment_id) values (?, ?)")
				.params(platformId, deploymentId)
				.update();
		}
	}

	public void replaceEngineers(long platformId, String source, List<PlatformRegistration.Engineer> engineers) {
		jdbc.sql("delete from platform_engineer where platform_id = ? and source = ?")
			.params(platformId, source)
			.update();
		for (PlatformRegistration.Engineer engineer : engineers) {
			jdbc.sql("insert into platform_engineer (platform_id, lms_user_id, email, source) values (?, ?, ?, ?)")
				.params(platformId, Texts.blankToNullTrimmed(engineer.lmsUserId()), lowerOrNull(engineer.email()),
						source)
				.update();
		}
	}

	public boolean isEngineer(long platformId, String subject, String email) {
		return jdbc.sql("""
				select count(*) from platform_engineer where platform_id = ?
				  and (lms_user_id = ? or (email is not null and email = ?))""")
			.params(platformId, subject, lowerOrNull(email))
			.query(Long.class)
			.single() > 0;
	}

	private static Platform map(ResultSet rs, Set<String> deployments) throws SQLException {
		return new Platform(rs.getLong("id"), rs.getString("name"), rs.getString("issuer"), rs.getString("client_id"),
				URI.create(rs.getString("auth_url")), URI.create(rs.getString("token_url")),
				URI.create(rs.getString("jwks_url")), URI.create(rs.getString("site_url")), rs.getString("source"),
				rs.getBoolean("enabled"), Set.copyOf(deployments));
	}

	private static String lowerOrNull(String value) {
		String trimmed = Texts.blankToNullTrimmed(value);
		return trimmed == null ? null : trimmed.toLowerCase(java.util.Locale.ROOT);
	}

}
