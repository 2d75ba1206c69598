package org.tandem.demo;

import org.tandem.system.TandemProperties;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The demo platform's pages are open to all and hold no session. They frame Tandem and
 * post forms to it, which their Content-Security-Policy allows for Tandem's origin only;
 * the frame also shows the demo's own authentication page, as Moodle's auth.php runs in
 * its frame.
 */
@Configuration(proxyBeanMethods = false)
@Profile("demo")
class DemoSecurityConfiguration {

	@Bean
	@Order(1)
	SecurityFilterChain demo(HttpSecurity http, TandemProperties tandem) throws Exception {
		String tandemOrigin = tandem.url("");
		http.securityMatcher("/demo/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(AbstractHttpConfigurer::disable)
			.securityContext(context -> context.disable())
			.sessionManagement(session -> session.disable())
			.requestCache(cache -> cache.disable())
			.headers(headers -> headers.frameOptions(frame -> frame.sameOrigin())
				.contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'self'; script-src 'self'; "
						+ "style-src 'self'; img-src 'self' data:; frame-src 'self' " + tandemOrigin
						+ "; form-action 'self' " + tandemOrigin
						+ "; frame-ancestors 'self'; base-uri 'none'; object-src 'none'")));
		return http.build();
	}

}
