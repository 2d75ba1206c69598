package org.tandem.requests;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import org.tandem.lti.LaunchSession;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;

/** The teacher's side: the course's requests, and the form to ask for help. */
@Controller
@PreAuthorize("hasRole('TEACHER')")
class TeacherRequestsController {

	private final HelpDesk desk;

	private final RequestPages pages;

	TeacherRequestsController(HelpDesk desk, RequestPages pages) {
		this.desk = desk;
		this.pages = pages;
	}

	@GetMapping("/teacher")
	String courseRequests(@AuthenticationPrincipal LaunchSession launch, Model model) {
		model.addAttribute("requests", pages.ofCourse(launch.courseId()));
		return "requests/course";
	}

	@GetMapping("/requests/new")
	String form(Model model) {
		model.addAttribute("form", RequestForm.empty());
		return formPage(model);
	}

	@PostMapping("/requests")
	String file(@AuthenticationPrincipal LaunchSession launch, @Valid @ModelAttribute("form") RequestForm form,
			BindingResult errors, Model model) {
		if (errors.hasErrors()) {
			return formPage(model);
		}
		long id = desk.file(launch, form);
		return "redirect:/requests/" + id + "?filed";
	}

	private static String formPage(Model model) {
		Map<HelpKind, List<Topic>> topics = new EnumMap<>(HelpKind.class);
		for (HelpKind kind : HelpKind.values()) {
			topics.put(kind, Topic.of(kind));
		}
		model.addAttribute("topics", topics);
		model.addAttribute("workModes", WorkMode.values());
		return "requests/form";
	}

}
