package org.tandem.moodle;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Calls to Moodle's web services.
 *
 * @param connectTimeout and
 * @param readTimeout bound how long a page waits for Moodle: past them, the page says the
 * course view is unavailable rather than hang
 * @param tokenKey the secret that encrypts the platforms' web-service tokens at rest (at
 * least 32 characters, from the environment: {@code TANDEM_MOODLE_TOKEN_KEY}); without it
 * no token can be kept and the course view stays off
 */
@ConfigurationProperties("tandem.moodle")
public record MoodleProperties(@DefaultValue("3s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout,
		String tokenKey) {

	@Override
	public String toString() {
		return "MoodleProperties[connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout + "]";
	}

}
