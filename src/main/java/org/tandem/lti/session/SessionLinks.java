package org.tandem.lti.session;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * Adds the session id to every Tandem link and form action of a page. Thymeleaf's
 * {@code @{...}} links and Spring's redirects go through
 * {@link HttpServletResponse#encodeURL}, the servlet's own hook for sessions without
 * cookies, so templates need not think about it. Static resources and other sites' URLs
 * never get it.
 */
class SessionLinks extends OncePerRequestFilter {

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, new HttpServletResponseWrapper(response) {
			@Override
			public String encodeURL(String url) {
				return withSession(request, url);
			}

			@Override
			public String encodeRedirectURL(String url) {
				return withSession(request, url);
			}
		});
	}

	/**
	 * Error pages are rendered in a dispatch of their own, with the container's response:
	 * their links need the session too (a refused form's "back", the page's tabs).
	 */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

	static String withSession(HttpServletRequest request, String url) {
		HttpSession session = request.getSession(false);
		if (session == null || !isTandemPage(request, url)) {
			return url;
		}
		return UriComponentsBuilder.fromUriString(url)
			.replaceQueryParam(PageSessionIdResolver.PARAMETER, session.getId())
			.build()
			.toUriString();
	}

	private static boolean isTandemPage(HttpServletRequest request, String url) {
		String context = request.getContextPath();
		if (!url.startsWith("/") || url.startsWith("//")) {
			return false;
		}
		String path = url.substring(context.length());
		return !(path.startsWith("/webjars/") || path.startsWith("/css/") || path.startsWith("/js/")
				|| path.startsWith("/images/") || path.startsWith("/lti/") || path.startsWith("/.well-known/"));
	}

}
