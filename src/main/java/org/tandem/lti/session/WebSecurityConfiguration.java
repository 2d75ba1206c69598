package org.tandem.lti.session;

import java.io.IOException;
import java.util.stream.Collectors;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.tandem.lti.PlatformRegistry;
import org.tandem.system.ErrorReason;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.csrf.CsrfException;
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
			.requestMatchers("/lti/login", "/lti/launch", "/lti/register", "/.well-known/jwks.json", "/webjars/**",
					"/css/**", "/js/**", "/images/**", "/favicon.ico", "/error", "/actuator/health/**")
			.permitAll()
			// Moodle's dynamic registration may open the tool's base URL: it is told how
			// Tandem is registered.
			.requestMatchers(request -> "/".equals(request.getServletPath())
					&& request.getParameter("openid_configuration") != null)
			.permitAll()
			.anyRequest()
			.authenticated())
			// Platforms post these from their own site; state, nonce and Origin protect
			// them.
			.csrf(csrf -> csrf.ignoringRequestMatchers("/lti/login", "/lti/launch"))
			.exceptionHandling(errors -> errors
				.authenticationEntryPoint((request, response, ex) -> ErrorReason.send(request, response,
						HttpServletResponse.SC_UNAUTHORIZED, null, "no launch session (none sent, unknown or ended)"))
				.accessDeniedHandler(WebSecurityConfiguration::refused))
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

	/**
	 * A refusal says what happened. A form without its CSRF token is refused before the
	 * session's roles are looked at: without a launch, the session has ended (or never
	 * was); within one, the form did not come as its page sent it.
	 */
	private static void refused(HttpServletRequest request, HttpServletResponse response, AccessDeniedException ex)
			throws IOException {
		if (!(ex instanceof CsrfException)) {
			ErrorReason.send(request, response, HttpServletResponse.SC_FORBIDDEN, null, ex.getMessage());
		}
		else if (SecurityContextHolder.getContext().getAuthentication() instanceof LaunchAuthentication) {
			ErrorReason.send(request, response, HttpServletResponse.SC_FORBIDDEN, "error.csrf", ex.getMessage());
		}
		else {
			ErrorReason.send(request, response, HttpServletResponse.SC_UNAUTHORIZED, null,
					"a form without a launch session (none sent, unknown or ended)");
		}
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
