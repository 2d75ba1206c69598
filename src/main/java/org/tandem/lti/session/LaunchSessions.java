package org.tandem.lti.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.tandem.lti.LaunchSession;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Opens the session of a valid launch, with the launch as its principal
 * ({@link LaunchAuthentication}).
 */
@Component
public class LaunchSessions {

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	/**
	 * Always a new session: the one the browser had (another launch, or an id someone
	 * planted) ends, so that no id known before the launch carries it.
	 */
	public void open(HttpServletRequest request, HttpServletResponse response, LaunchSession launch) {
		HttpSession previous = request.getSession(false);
		if (previous != null) {
			previous.invalidate();
		}
		request.getSession(true);
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new LaunchAuthentication(launch));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}

}
