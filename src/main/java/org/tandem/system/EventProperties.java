package org.tandem.system;

import java.time.Duration;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * News between modules, kept in the database until handled.
 *
 * @param resubmitInterval how often events left unhandled are looked for
 * @param resubmitAfter an event unhandled for this long is handed to its listener again
 */
@Validated
@ConfigurationProperties("tandem.events")
record EventProperties(@DefaultValue("1m") @NotNull Duration resubmitInterval,
		@DefaultValue("2m") @NotNull Duration resubmitAfter) {
}
