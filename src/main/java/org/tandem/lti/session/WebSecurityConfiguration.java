package org.tandem.lti.session;

import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletResponse;
import org.tandem.lti.PlatformRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.web.servlet.LocaleResolver;

/**
 * Who may reach what: the LTI endpoints and Tandem's key set are open, every page needs a
 * launch session, and features say which role with {@code @PreAuthorize}. Pages may be
 * framed only by registered platforms.
 */
@Configuration(proxyBeanMethods = false)
@EnableMethodSecurity
class WebSecurityConfiguration {

	@Bean
	@Order(Ordered.LOWEST_PRECEDENCE)
	SecurityFilterChain pages(HttpSecurity http, PlatformRegistry registry) throws Exception {
		http.authorizeHttpRequests(requests -> requests
			.requestMatchers("/lti/login", "/lti/launch", "/.well-known/jwks.json", "/webjars/**", "/css/**", "/js/**",
					"/images/**", "/favicon.ico", "/error", "/actuator/health/**")
			.permitAll()
			.anyRequest()
			.authenticated())
			// Platforms post these from their own site; state, nonce and Origin protect
			// them.
			.csrf(csrf -> csrf.ignoringRequestMatchers("/lti/login", "/lti/launch"))
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint(
						(request, response, ex) -> response.sendError(HttpServletResponse.SC_UNAUTHORIZED))
				.accessDeniedHandler((request, response, ex) -> response.sendError(HttpServletResponse.SC_FORBIDDEN)))
			.headers(headers -> headers.frameOptions(frame -> frame.disable())
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
				.addHeaderWriter((request, response) -> response.setHeader("Content-Security-Policy",
						contentSecurityPolicy(registry)))
				.permissionsPolicyHeader(permissions -> permissions.policy("camera=(), microphone=(), geolocation=()")))
			// The session travels in the page's links (PageSessionIdResolver): let
			// encodeURL add it.
			.sessionManagement(session -> session.enableSessionUrlRewriting(true))
			.requestCache(cache -> cache.disable())
			.formLogin(AbstractHttpConfigurer::disable)
			.httpBasic(AbstractHttpConfigurer::disable)
			.logout(AbstractHttpConfigurer::disable);
		return http.build();
	}

	static String contentSecurityPolicy(PlatformRegistry registry) {
		String ancestors = registry.frameAncestors().stream().collect(Collectors.joining(" "));
		return "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
				+ "form-action 'self'; base-uri 'none'; object-src 'none'; frame-ancestors 'self' " + ancestors;
	}

	@Bean
	LocaleResolver localeResolver() {
		return new LaunchLocaleResolver();
	}

}
