package org.tandem.home;

import org.tandem.lti.LaunchSession;
import org.tandem.lti.MessageType;
import org.tandem.lti.Role;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Where each person lands after a launch: a page per role that shows who is launching, in
 * which course, as what. The features that follow fill these pages.
 */
@Controller
class HomeController {

	@GetMapping({ "/", "/home" })
	String home(@AuthenticationPrincipal LaunchSession launch) {
		if (launch.messageType() == MessageType.DEEP_LINKING) {
			return "redirect:/deep-linking";
		}
		return "redirect:" + path(launch.landingRole());
	}

	@GetMapping("/engineer")
	@PreAuthorize("hasRole('ENGINEER')")
	String engineer(Model model) {
		return page(Role.ENGINEER, model);
	}

	@GetMapping("/admin")
	@PreAuthorize("hasRole('ADMINISTRATOR')")
	String administrator(Model model) {
		return page(Role.ADMINISTRATOR, model);
	}

	@GetMapping("/teacher")
	@PreAuthorize("hasRole('TEACHER')")
	String teacher(Model model) {
		return page(Role.TEACHER, model);
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
