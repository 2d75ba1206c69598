package org.tandem.lti;

import java.net.URI;
import java.util.Set;

/**
 * A registered platform as Tandem knows it.
 *
 * @param source where the registration comes from (a file name, or {@code demo})
 */
public record Platform(long id, String name, String issuer, String clientId, URI authUrl, URI tokenUrl, URI jwksUrl,
		URI siteUrl, String source, boolean enabled, Set<String> deploymentIds) {

	/** The origin (scheme, host, port) of the platform's site, which frames Tandem. */
	public String origin() {
		return originOf(siteUrl);
	}

	/**
	 * The origin of the pages that post the id_token back: the platform's auth endpoint.
	 */
	public String authOrigin() {
		return originOf(authUrl);
	}

	public static String originOf(URI uri) {
		int port = uri.getPort();
		return uri.getScheme() + "://" + uri.getHost() + (port == -1 ? "" : ":" + port);
	}

}
