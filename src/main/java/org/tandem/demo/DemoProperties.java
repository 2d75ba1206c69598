package org.tandem.demo;

import java.net.URI;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Profile;
import org.springframework.validation.annotation.Validated;

/**
 * The demo platform.
 *
 * @param siteUrl where the demo platform's pages are served: another site than Tandem's
 * base URL (127.0.0.1 against localhost), so that the demo course frames Tandem across
 * sites and browsers apply their third-party rules, as they do under Moodle
 * @param webServiceToken the token Tandem calls the demo's web services with; the demo
 * platform's registration file ({@code demo/platform.yml}) gives it to Tandem
 */
@Validated
@Profile("demo")
@ConfigurationProperties("tandem.demo")
public record DemoProperties(@NotNull URI siteUrl, @NotBlank String webServiceToken) {

	String url(String path) {
		String base = siteUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

}
