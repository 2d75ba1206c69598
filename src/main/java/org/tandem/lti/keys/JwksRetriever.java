package org.tandem.lti.keys;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.nimbusds.jose.util.Resource;
import com.nimbusds.jose.util.ResourceRetriever;
import org.tandem.lti.LtiProperties;

/**
 * Fetches a platform's key set with bounded time and size, and remembers how long the
 * platform said it may be cached ({@code Cache-Control}), which Nimbus' retriever does
 * not report.
 */
class JwksRetriever implements ResourceRetriever {

	private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d+)");

	private final HttpClient client;

	private final LtiProperties.Jwks settings;

	private volatile Duration lastTimeToLive;

	JwksRetriever(HttpClient client, LtiProperties.Jwks settings) {
		this.client = client;
		this.settings = settings;
		this.lastTimeToLive = settings.defaultTtl();
	}

	@Override
	public Resource retrieveResource(URL url) throws IOException {
		HttpRequest request = HttpRequest.newBuilder(URI.create(url.toString()))
			.timeout(settings.readTimeout())
			.header("Accept", "application/json")
			.GET()
			.build();
		HttpResponse<InputStream> response;
		try {
			response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IOException("Interrupted while fetching " + url, ex);
		}
		try (InputStream body = response.body()) {
			if (response.statusCode() != 200) {
				throw new IOException("HTTP " + response.statusCode() + " from " + url);
			}
			long limit = settings.sizeLimit().toBytes();
			byte[] bytes = body.readNBytes((int) limit + 1);
			if (bytes.length > limit) {
				throw new IOException("Key set larger than " + limit + " bytes at " + url);
			}
			lastTimeToLive = timeToLive(response.headers().firstValue("Cache-Control"));
			return new Resource(new String(bytes, StandardCharsets.UTF_8),
					response.headers().firstValue("Content-Type").orElse(null));
		}
	}

	/** How long the last key set fetched may be cached, within the configured bounds. */
	Duration lastTimeToLive() {
		return lastTimeToLive;
	}

	Duration timeToLive(Optional<String> cacheControl) {
		if (cacheControl.isEmpty()) {
			return settings.defaultTtl();
		}
		String value = cacheControl.get().toLowerCase(java.util.Locale.ROOT);
		if (value.contains("no-store") || value.contains("no-cache")) {
			return settings.minTtl();
		}
		Matcher matcher = MAX_AGE.matcher(value);
		if (!matcher.find()) {
			return settings.defaultTtl();
		}
		Duration asked = Duration.ofSeconds(Long.parseLong(matcher.group(1)));
		if (asked.compareTo(settings.minTtl()) < 0) {
			return settings.minTtl();
		}
		return asked.compareTo(settings.maxTtl()) > 0 ? settings.maxTtl() : asked;
	}

}
