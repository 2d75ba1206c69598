package org.tandem.moodle;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * What an administrator sees of a platform's web services: never the token, only its last
 * characters.
 *
 * @param source {@code admin} when set on the admin page, else the registration's source
 * @param siteName null until a check reached Moodle
 * @param missingFunctions the functions Tandem needs that the service lacks, as last
 * checked
 * @param checkedAt null when never checked (a registration file is read without calling
 * Moodle)
 */
public record WebServiceConnection(long platformId, URI siteUrl, String tokenEnd, String source, String siteName,
		List<String> missingFunctions, Instant checkedAt) {

	public WebServiceConnection {
		missingFunctions = List.copyOf(missingFunctions);
	}

	/** Checked, and the service offers every function Tandem calls. */
	public boolean complete() {
		return checkedAt != null && missingFunctions.isEmpty();
	}

}
