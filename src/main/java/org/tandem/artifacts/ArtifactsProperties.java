package org.tandem.artifacts;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Tandem follows the courses.
 *
 * @param scheduledChecks whether courses with open requests are checked on a schedule
 * @param checkInterval the time between two scheduled checks of all those courses
 * @param formWait how long the request form waits for Moodle's answer; past it, the form
 * lists the course as Tandem last saw it and the check ends in the background
 */
@ConfigurationProperties("tandem.artifacts")
public record ArtifactsProperties(@DefaultValue("true") boolean scheduledChecks,
		@DefaultValue("1h") Duration checkInterval, @DefaultValue("5s") Duration formWait) {
}
