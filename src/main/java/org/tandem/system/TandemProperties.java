package org.tandem.system;

import java.net.URI;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Where Tandem is reached from browsers and platforms. Every URL given to a platform
 * (login, redirect, key set) is built from it, so it must be exactly what is registered
 * in Moodle.
 */
@Validated
@ConfigurationProperties("tandem")
public record TandemProperties(@NotNull URI baseUrl) {

	/** The base URL joined with an absolute path, with no double or trailing slash. */
	public String url(String path) {
		String base = baseUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

}
