package org.tandem.home;

import org.tandem.lti.LaunchSession;
import org.tandem.lti.MessageType;
import org.tandem.lti.Role;
import org.tandem.notifications.OpenLinks;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where each person lands after a launch: teachers on their course's requests, engineers
 * on the queue, administrators on the engineers of their platform; learners are told
 * Tandem is for teaching staff.
 */
@Controller
class HomeController {

	private final OpenLinks openLinks;

	HomeController(OpenLinks openLinks) {
		this.openLinks = openLinks;
	}

	/**
	 * After a launch: the request an e-mail link was clicked for, if any, else the page
	 * of the person's first role.
	 */
	@GetMapping({ "/", "/home" })
	String home(@AuthenticationPrincipal LaunchSession launch) {
		if (launch.messageType() == MessageType.DEEP_LINKING) {
			return "redirect:/deep-linking";
		}
		return openLinks.takePending(launch)
			.map(request -> "redirect:/requests/" + request)
			.orElse("redirect:" + path(launch.landingRole()));
	}

	@GetMapping("/learner")
	String learner(Model model) {
		return page(Role.LEARNER, model);
	}

	@GetMapping("/deep-linking")
	String deepLinking() {
		return "home/deep-linking";
	}

	private static String page(Role role, Model model) {
		model.addAttribute("role", role);
		return "home/" + role.name().toLowerCase(java.util.Locale.ROOT);
	}

	static String path(Role role) {
		return switch (role) {
			case ENGINEER -> "/engineer";
			case ADMINISTRATOR -> "/admin";
			case TEACHER -> "/teacher";
			case LEARNER -> "/learner";
		};
	}

}
