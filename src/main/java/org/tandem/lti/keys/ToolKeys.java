package org.tandem.lti.keys;

import java.sql.Timestamp;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tandem's RSA key pairs, stored in the database so that every instance signs with the
 * same key and publishes the same set.
 * <p>
 * Rotation never breaks a platform that cached the key set: a new key is published for
 * {@code overlap} before it signs, and the key it replaces stays published for
 * {@code overlap} after it stopped signing, then is retired.
 */
@Service
public class ToolKeys {

	private static final Logger log = LoggerFactory.getLogger(ToolKeys.class);

	private final JdbcClient jdbc;

	private final ToolKeyProperties properties;

	private final Clock clock;

	public ToolKeys(JdbcClient jdbc, ToolKeyProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.properties = properties;
		this.clock = clock;
	}

	/** The public keys a platform may see: every key not yet retired. */
	public JWKSet publicKeySet() {
		return new JWKSet(published().stream().<JWK>map(k -> k.jwk().toPublicJWK()).toList());
	}

	/** The key that signs now. */
	public RSAKey signingKey() {
		Instant now = clock.instant();
		return published().stream()
			.filter(k -> k.activatedAt() != null && !k.activatedAt().isAfter(now))
			.max(Comparator.comparing(StoredKey::activatedAt))
			.map(StoredKey::jwk)
			.orElseThrow(() -> new IllegalStateException("Tandem has no active signing key"));
	}

	/**
	 * Makes the first key at first start, then moves the rotation along: publish the next
	 * key ahead, let it take over, retire the old one.
	 */
	@Scheduled(initialDelay = 0, fixedDelayString = "${tandem.keys.check-interval:1h}")
	@Transactional
	public void rotate() {
		Instant now = clock.instant();
		List<StoredKey> keys = published();
		Optional<StoredKey> active = keys.stream()
			.filter(k -> k.activatedAt() != null)
			.max(Comparator.comparing(StoredKey::activatedAt));
		Optional<StoredKey> next = keys.stream().filter(k -> k.activatedAt() == null).findFirst();
		if (active.isEmpty()) {
			StoredKey first = next.orElseGet(() -> create(now));
			activate(first, now);
			log.info("Tandem's signing key {} is active", first.kid());
			return;
		}
		Instant handOver = active.get().activatedAt().plus(properties.rotationPeriod());
		if (next.isEmpty() && !now.isBefore(handOver.minus(properties.overlap()))) {
			StoredKey created = create(now);
			log.info("Published key {}; it signs from {}", created.kid(), handOver);
		}
		else if (next.isPresent() && !now.isBefore(handOver)
				&& !now.isBefore(next.get().createdAt().plus(properties.overlap()))) {
			activate(next.get(), now);
			jdbc.sql("update tool_key set retired_at = ? where kid = ?")
				.params(Timestamp.from(now.plus(properties.overlap())), active.get().kid())
				.update();
			log.info("Key {} now signs; key {} stays published until {}", next.get().kid(), active.get().kid(),
					now.plus(properties.overlap()));
		}
	}

	private StoredKey create(Instant now) {
		try {
			RSAKey key = new RSAKeyGenerator(properties.size()).keyID(UUID.randomUUID().toString())
				.keyUse(KeyUse.SIGNATURE)
				.algorithm(JWSAlgorithm.RS256)
				.generate();
			jdbc.sql("insert into tool_key (kid, private_jwk, created_at) values (?, ?, ?)")
				.params(key.getKeyID(), key.toJSONString(), Timestamp.from(now))
				.update();
			return new StoredKey(key, now, null);
		}
		catch (JOSEException ex) {
			throw new IllegalStateException("Cannot generate Tandem's RSA key", ex);
		}
	}

	private void activate(StoredKey key, Instant now) {
		jdbc.sql("update tool_key set activated_at = ? where kid = ?").params(Timestamp.from(now), key.kid()).update();
	}

	private List<StoredKey> published() {
		return jdbc
			.sql("select private_jwk, created_at, activated_at from tool_key"
					+ " where retired_at is null or retired_at > ? order by created_at")
			.param(Timestamp.from(clock.instant()))
			.query((rs, n) -> new StoredKey(parse(rs.getString(1)), rs.getTimestamp(2).toInstant(),
					Optional.ofNullable(rs.getTimestamp(3)).map(Timestamp::toInstant).orElse(null)))
			.list();
	}

	private static RSAKey parse(String json) {
		try {
			return RSAKey.parse(json);
		}
		catch (ParseException ex) {
			throw new IllegalStateException("A stored key of Tandem cannot be read", ex);
		}
	}

	private record StoredKey(RSAKey jwk, Instant createdAt, Instant activatedAt) {
		String kid() {
			return jwk.getKeyID();
		}
	}

}
