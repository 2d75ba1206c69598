package org.tandem.lti.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.tandem.lti.LaunchSession;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

/**
 * Opens the session of a valid launch, with the launch as its principal
 * ({@link LaunchAuthentication}), and ends the session its frame had before.
 */
@Component
public class LaunchSessions {

	private final SecurityContextRepository contexts = new HttpSessionSecurityContextRepository();

	private final FindByIndexNameSessionRepository<?> sessions;

	LaunchSessions(FindByIndexNameSessionRepository<?> sessions) {
		this.sessions = sessions;
	}

	/**
	 * Always a new session. The one the browser sent (an id someone planted) ends, and so
	 * does the previous launch session of the same frame ({@link LaunchFrame}): Moodle
	 * posts the launch from its site, so the browser never sends the frame's old id, and
	 * without this the old page would still serve and send forms.
	 */
	public void open(HttpServletRequest request, HttpServletResponse response, LaunchSession launch) {
		HttpSession previous = request.getSession(false);
		if (previous != null) {
			previous.invalidate();
		}
		LaunchFrame frame = LaunchFrame.of(launch, request.getHeader("User-Agent"));
		sessions.findByPrincipalName(frame.key()).keySet().forEach(sessions::deleteById);
		HttpSession session = request.getSession(true);
		// Spring Session indexes the session by this name instead of the principal's.
		session.setAttribute(FindByIndexNameSessionRepository.PRINCIPAL_NAME_INDEX_NAME, frame.key());
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(new LaunchAuthentication(launch));
		SecurityContextHolder.setContext(context);
		contexts.saveContext(context, request, response);
	}

}
