package org.tandem.moodle;

import java.net.URI;

/**
 * A Moodle site as its web services see it: its address and the token of the service
 * account Tandem calls with. The token is a secret: it is never shown nor logged.
 */
public record MoodleSite(URI siteUrl, String token) {

	@Override
	public String toString() {
		return "MoodleSite[" + siteUrl + "]";
	}

}
