package org.tandem.home;

import java.util.ArrayList;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import org.tandem.lti.LaunchSession;
import org.tandem.lti.PlatformRegistry;
import org.tandem.lti.Role;
import org.tandem.moodle.MoodleUrls;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * Every page's layout shows the launch (person, course, roles) and the pages it opens.
 */
@ControllerAdvice
class LaunchModel {

	private final PlatformRegistry platforms;

	LaunchModel(PlatformRegistry platforms) {
		this.platforms = platforms;
	}

	@ModelAttribute("launch")
	LaunchSession launch(@AuthenticationPrincipal LaunchSession launch) {
		return launch;
	}

	/** The launch's course in Moodle. */
	@ModelAttribute("courseUrl")
	String courseUrl(@AuthenticationPrincipal LaunchSession launch) {
		return launch == null ? null
				: platforms.byId(launch.platformId())
					.map(platform -> MoodleUrls.course(platform.siteUrl(), launch.contextId()))
					.orElse(null);
	}

	/** The role pages this launch may open, in the navigation. */
	@ModelAttribute("pages")
	List<NavigationLink> pages(@AuthenticationPrincipal LaunchSession launch) {
		List<NavigationLink> links = new ArrayList<>();
		if (launch != null) {
			for (Role role : Role.values()) {
				if (launch.has(role) && role != Role.LEARNER) {
					links.add(new NavigationLink(HomeController.path(role), role.key()));
				}
			}
		}
		return links;
	}

	/**
	 * The page itself, for the "open in a new window" link; the landing page when the
	 * page answers a form, which cannot be opened again.
	 */
	@ModelAttribute("currentPath")
	String currentPath(HttpServletRequest request) {
		return "GET".equals(request.getMethod()) ? request.getRequestURI().substring(request.getContextPath().length())
				: "/home";
	}

	record NavigationLink(String path, String label) {
	}

}
