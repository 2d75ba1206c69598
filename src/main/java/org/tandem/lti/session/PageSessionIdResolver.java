package org.tandem.lti.session;

import java.util.List;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.session.web.http.HttpSessionIdResolver;

/**
 * Carries the launch session in the page rather than in a cookie: Tandem runs in Moodle's
 * iframe, where browsers block third-party cookies, and Moodle offers no LTI platform
 * storage. Every link and form of a Tandem page carries the session id in the
 * {@value #PARAMETER} parameter (added by {@link SessionLinks}).
 * <p>
 * Why it is safe (see also the README, "Sessions in Moodle's iframe"):
 * <ul>
 * <li>the id is 256 random bits, known only to the page Tandem rendered for the launch;
 * <li>it is never in a cookie, so another site cannot make the browser send it: forms
 * posted from elsewhere carry no session, which stops CSRF by construction (Spring
 * Security's CSRF token is checked on top);
 * <li>a request carrying an id is honoured only when the browser says it comes from a
 * Tandem page ({@code Sec-Fetch-Site: same-origin}): a link to a Tandem page sent by
 * someone else, or a page of another site, cannot plant a session in a victim's browser;
 * <li>pages send {@code Referrer-Policy: same-origin}, so the id never leaves in a
 * Referer to another site, and Tandem never logs query strings.
 * </ul>
 */
public class PageSessionIdResolver implements HttpSessionIdResolver {

	static final String PARAMETER = "session";

	private static final Pattern WELL_FORMED = Pattern.compile("[A-Za-z0-9_-]{43}");

	@Override
	public List<String> resolveSessionIds(HttpServletRequest request) {
		String id = request.getParameter(PARAMETER);
		if (id == null || !WELL_FORMED.matcher(id).matches() || !fromTandemPage(request)) {
			return List.of();
		}
		return List.of(id);
	}

	/**
	 * Browsers send {@code Sec-Fetch-Site} on every request; a client without it (a
	 * script, a load test) is not a browser an attacker can steer.
	 */
	static boolean fromTandemPage(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		return site == null || site.equals("same-origin");
	}

	@Override
	public void setSessionId(HttpServletRequest request, HttpServletResponse response, String sessionId) {
		// Nothing to send: the id reaches the browser inside the links of the page.
	}

	@Override
	public void expireSession(HttpServletRequest request, HttpServletResponse response) {
		// Nothing to clear in the browser.
	}

}
