package org.tandem.lti.launch;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.tandem.lti.LaunchSession;
import org.tandem.lti.session.LaunchSessions;
import org.tandem.lti.session.PageSessionIdResolver;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The platform posts the id_token (or an error) here; a valid launch opens a session. */
@Controller
class LaunchController {

	private final Launches launches;

	private final LaunchSessions sessions;

	LaunchController(Launches launches, LaunchSessions sessions) {
		this.launches = launches;
		this.sessions = sessions;
	}

	@PostMapping("/lti/launch")
	String launch(@RequestParam(name = "id_token", required = false) String idToken,
			@RequestParam(name = "state", required = false) String state,
			@RequestParam(name = "error", required = false) String error,
			@RequestParam(name = "error_description", required = false) String errorDescription,
			@RequestHeader(name = "Origin", required = false) String origin, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		if (error != null) {
			throw "login_required".equals(error) ? new LaunchRefusedException(LaunchProblem.LOGIN_REQUIRED)
					: new LaunchRefusedException(LaunchProblem.PLATFORM_ERROR, shorten(error),
							shorten(errorDescription == null ? "" : errorDescription));
		}
		LaunchSession session = launches.launch(idToken, state, origin);
		sessions.open(request, response, session);
		// The next page is reached by a navigation of this page, so that the browser
		// marks it same-origin (see PageSessionIdResolver); a redirect would carry
		// Moodle's site.
		model.addAttribute("launch", session);
		return "lti/continue";
	}

	private static String shorten(String text) {
		return text.length() > 200 ? text.substring(0, 200) + "…" : text;
	}

}
