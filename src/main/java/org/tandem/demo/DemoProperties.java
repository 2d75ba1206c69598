package org.tandem.demo;

import java.net.URI;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The demo platform.
 *
 * @param siteUrl where the demo platform's pages are served: another site than Tandem's
 * base URL (127.0.0.1 against localhost), so that the demo course frames Tandem across
 * sites and browsers apply their third-party rules, as they do under Moodle
 */
@ConfigurationProperties("tandem.demo")
public record DemoProperties(URI siteUrl) {

	String url(String path) {
		String base = siteUrl.toString();
		return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + path;
	}

}
