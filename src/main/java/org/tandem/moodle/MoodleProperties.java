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
 */
@ConfigurationProperties("tandem.moodle")
public record MoodleProperties(@DefaultValue("3s") Duration connectTimeout, @DefaultValue("10s") Duration readTimeout) {
}
