package org.tandem.moodle;

import java.net.URI;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.lti.PlatformRegistered;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.encrypt.TextEncryptor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each platform's web-service site and token. Tokens are stored encrypted (AES-256-GCM, a
 * fresh IV each time, with a key derived from {@code tandem.moodle.token-key}) and leave
 * this class only inside a {@link MoodleSite}, whose {@code toString} hides them.
 */
@Service
public class MoodleSites {

	private static final Logger log = LoggerFactory.getLogger(MoodleSites.class);

	/**
	 * PBKDF2 salt of the key derivation; the key's secrecy rests on the configured
	 * secret.
	 */
	private static final String SALT = "5461616e64656d2d776562736572766963657321";

	static final int MIN_KEY_LENGTH = 32;

	private final JdbcClient jdbc;

	private final MoodleWebServices webServices;

	private final Clock clock;

	private final TextEncryptor encryptor;

	MoodleSites(JdbcClient jdbc, MoodleWebServices webServices, MoodleProperties properties, Clock clock) {
		this.jdbc = jdbc;
		this.webServices = webServices;
		this.clock = clock;
		String key = properties.tokenKey();
		if (key != null && !key.isBlank() && key.length() < MIN_KEY_LENGTH) {
			throw new IllegalStateException("tandem.moodle.token-key (TANDEM_MOODLE_TOKEN_KEY) must be at least "
					+ MIN_KEY_LENGTH + " characters long: generate one with `openssl rand -base64 32`");
		}
		this.encryptor = key == null || key.isBlank() ? null : Encryptors.delux(key, SALT);
	}

	/**
	 * False when no key is configured: tokens cannot be kept, the course view stays off.
	 */
	public boolean canKeepTokens() {
		return encryptor != null;
	}

	/** Where and how to call Moodle for this platform, when its web services are set. */
	@Transactional(readOnly = true)
	public Optional<MoodleSite> of(long platformId) {
		if (encryptor == null) {
			return Optional.empty();
		}
		return jdbc.sql("select site_url, token_encrypted from moodle_service where platform_id = ?")
			.param(platformId)
			.query((rs, n) -> new MoodleSite(URI.create(rs.getString(1)), decrypt(platformId, rs.getString(2))))
			.optional()
			.filter(site -> site.token() != null);
	}

	@Transactional(readOnly = true)
	public Optional<WebServiceConnection> connection(long platformId) {
		return jdbc.sql("""
				select site_url, token_end, source, site_name, missing_functions, checked_at
				  from moodle_service where platform_id = ?""")
			.param(platformId)
			.query((rs, n) -> new WebServiceConnection(platformId, URI.create(rs.getString(1)), rs.getString(2),
					rs.getString(3), rs.getString(4), functions(rs.getString(5)),
					rs.getTimestamp(6) == null ? null : rs.getTimestamp(6).toInstant()))
			.optional();
	}

	/**
	 * Checks the token with Moodle, then keeps it. A token Moodle refuses, or a Moodle
	 * that cannot be reached, is not kept: the exception says what to fix. A service that
	 * lacks functions is kept, and the connection names them. Moodle is called outside
	 * any transaction, so that a slow Moodle holds no database connection. Outside any
	 * transaction scope too, hence no transaction on this class: with propagation
	 * NOT_SUPPORTED, the connection of the scope's first read would stay bound to the
	 * thread until the scope ends.
	 * @param platformSite the platform's site, whose host the web services must be on
	 * @throws SiteUrlRefused when the address is not one of {@link SiteAddresses}:
	 * nothing is called nor kept
	 */
	public WebServiceConnection connect(long platformId, URI platformSite, URI siteUrl, String token, String source) {
		requireKey();
		SiteAddresses.require(siteUrl, platformSite);
		MoodleSite site = new MoodleSite(siteUrl, token.strip());
		SiteInfo info = webServices.siteInfo(site);
		save(platformId, site, source);
		recordCheck(platformId, info);
		log.info("Web services of platform {} set at {} by {}; missing functions: {}", platformId, siteUrl, source,
				info.missingFunctions());
		return connection(platformId).orElseThrow();
	}

	/**
	 * Asks Moodle again what the kept token may call; empty when no token is kept or it
	 * cannot be decrypted, which the connection's page shows as something to set again.
	 * Like {@link #connect}, outside any transaction scope.
	 */
	public Optional<WebServiceConnection> check(long platformId) {
		Optional<MoodleSite> site = of(platformId);
		if (site.isEmpty()) {
			return Optional.empty();
		}
		recordCheck(platformId, webServices.siteInfo(site.get()));
		return connection(platformId);
	}

	/** Forgets the platform's token: the course view is off until a new one is set. */
	@Transactional
	public boolean disconnect(long platformId) {
		return jdbc.sql("delete from moodle_service where platform_id = ?").param(platformId).update() > 0;
	}

	/**
	 * A registration that names web services sets them, unchecked: Moodle may not be up
	 * when Tandem starts. One that is silent leaves what an administrator set.
	 */
	@EventListener
	@Transactional
	void registered(PlatformRegistered event) {
		if (event.webServices() == null) {
			return;
		}
		if (encryptor == null) {
			log.warn("The registration of platform {} names web services, but no tandem.moodle.token-key is set: "
					+ "the token is not kept and the course view stays off", event.platform().name());
			return;
		}
		URI siteUrl = event.webServices().siteUrl() != null ? event.webServices().siteUrl()
				: event.platform().siteUrl();
		MoodleSite site = new MoodleSite(siteUrl, event.webServices().token().strip());
		Optional<MoodleSite> kept = of(event.platform().id());
		if (kept.isPresent() && kept.get().siteUrl().equals(site.siteUrl())
				&& kept.get().token().equals(site.token())) {
			return;
		}
		save(event.platform().id(), site, "registration");
	}

	private void save(long platformId, MoodleSite site, String source) {
		String token = site.token();
		// What pages show of the token: its last 4 characters, never more than half of
		// it.
		String end = token.substring(token.length() - Math.min(4, token.length() / 2));
		Object[] values = { site.siteUrl().toString(), encryptor.encrypt(token), end, source,
				Timestamp.from(clock.instant()) };
		int updated = jdbc.sql("""
				update moodle_service set site_url = ?, token_encrypted = ?, token_end = ?, source = ?, updated_at = ?,
				  site_name = null, missing_functions = null, checked_at = null where platform_id = ?""")
			.params(values)
			.param(platformId)
			.update();
		if (updated == 0) {
			jdbc.sql("""
					insert into moodle_service (site_url, token_encrypted, token_end, source, updated_at, platform_id)
					values (?, ?, ?, ?, ?, ?)""").params(values).param(platformId).update();
		}
	}

	private void recordCheck(long platformId, SiteInfo info) {
		Instant now = clock.instant();
		jdbc.sql("update moodle_service set site_name = ?, missing_functions = ?, checked_at = ? where platform_id = ?")
			.params(info.sitename(), String.join(",", info.missingFunctions()), Timestamp.from(now), platformId)
			.update();
	}

	private String decrypt(long platformId, String encrypted) {
		try {
			return encryptor.decrypt(encrypted);
		}
		catch (IllegalStateException | IllegalArgumentException ex) {
			// The key changed since the token was stored: the administrator must set it
			// again.
			log.error("The web-service token of platform {} cannot be decrypted with the configured "
					+ "tandem.moodle.token-key; set the token again on the admin page", platformId);
			return null;
		}
	}

	private void requireKey() {
		if (encryptor == null) {
			throw new IllegalStateException("tandem.moodle.token-key is not set");
		}
	}

	private static List<String> functions(String list) {
		return list == null || list.isBlank() ? List.of() : Arrays.asList(list.split(","));
	}

}
