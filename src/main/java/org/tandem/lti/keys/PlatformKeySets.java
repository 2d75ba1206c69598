package org.tandem.lti.keys;

import java.net.MalformedURLException;
import java.net.URL;
import java.net.http.HttpClient;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.nimbusds.jose.jwk.source.CachingJWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSetBasedJWKSource;
import com.nimbusds.jose.jwk.source.JWKSetSource;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.OutageTolerantJWKSetSource;
import com.nimbusds.jose.jwk.source.RateLimitedJWKSetSource;
import com.nimbusds.jose.jwk.source.URLBasedJWKSetSource;
import com.nimbusds.jose.proc.SecurityContext;
import org.tandem.lti.LtiProperties;
import org.tandem.lti.Platform;

import org.springframework.stereotype.Component;

/**
 * One key source per platform, built from Nimbus' parts: the last good key set keeps
 * serving while the endpoint is down (outage tolerant), an unknown {@code kid} fetches
 * the set again no more often than a set interval (rate limited), and launches that
 * arrive during a fetch wait for that one fetch (caching, with a lock). The cache lives
 * as long as the platform's {@code Cache-Control} says, within bounds.
 */
@Component
public class PlatformKeySets {

	private final LtiProperties.Jwks settings;

	private final HttpClient client;

	private final Map<String, JWKSource<SecurityContext>> sources = new ConcurrentHashMap<>();

	public PlatformKeySets(LtiProperties properties) {
		this.settings = properties.jwks();
		this.client = HttpClient.newBuilder()
			.connectTimeout(settings.connectTimeout())
			.followRedirects(HttpClient.Redirect.NORMAL)
			.build();
	}

	public JWKSource<SecurityContext> forPlatform(Platform platform) {
		// Keyed by URL: a platform whose key set address changes gets a fresh cache.
		return sources.computeIfAbsent(platform.id() + " " + platform.jwksUrl(), key -> build(platform));
	}

	private JWKSource<SecurityContext> build(Platform platform) {
		URL url;
		try {
			url = platform.jwksUrl().toURL();
		}
		catch (MalformedURLException | IllegalArgumentException ex) {
			throw new IllegalStateException("Key set URL of platform " + platform.name() + " is not a URL", ex);
		}
		JwksRetriever retriever = new JwksRetriever(client, settings);
		JWKSetSource<SecurityContext> source = new URLBasedJWKSetSource<>(url, retriever);
		source = new OutageTolerantJWKSetSource<>(source, settings.outageTtl().toMillis(), null);
		source = new RateLimitedJWKSetSource<>(source, settings.minRefreshInterval().toMillis(), null);
		source = new CachingJWKSetSource<>(source, settings.defaultTtl().toMillis(), settings.refreshWait().toMillis(),
				null) {
			@Override
			public long getTimeToLive() {
				return retriever.lastTimeToLive().toMillis();
			}
		};
		return new JWKSetBasedJWKSource<>(source);
	}

}
