package org.tandem.system;

import java.net.URI;
import java.time.ZoneId;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Where Tandem is reached, and how it shows time.
 *
 * @param baseUrl where browsers and platforms reach Tandem; every URL given to a platform
 * (login, redirect, key set) is built from it, so it must be exactly what is registered
 * in Moodle
 * @param timeZone the zone dates and times are shown in: LTI launches do not carry the
 * user's
 */
@Validated
@ConfigurationProperties("tandem")
public record TandemProperties(@NotNull URI baseUrl, @DefaultValue("Europe/Paris") ZoneId timeZone) {

	/** The base URL joined with an absolute path, with no double or trailing slash. */
	public String url(String path) {
		String base = baseUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

}
