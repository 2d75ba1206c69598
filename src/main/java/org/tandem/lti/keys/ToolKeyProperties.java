package org.tandem.lti.keys;

import java.time.Duration;

import jakarta.validation.constraints.Min;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Tandem's own signing keys.
 *
 * @param size RSA modulus length in bits
 * @param rotationPeriod how long a key signs before the next one takes over
 * @param overlap how long a new key is published before it signs, and an old one after it
 * stopped: longer than any platform caches Tandem's key set
 */
@Validated
@ConfigurationProperties("tandem.keys")
public record ToolKeyProperties(@DefaultValue("2048") @Min(2048) int size, @DefaultValue("90d") Duration rotationPeriod,
		@DefaultValue("7d") Duration overlap) {
}
