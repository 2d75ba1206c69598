package org.tandem.admin;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.tandem.lti.Directory;
import org.tandem.lti.LaunchSession;

import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The platform administrator's page: who the platform's engineers are. Moodle has no
 * designer role, so Tandem is told here (or in the registration file) who they are.
 */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class EngineersController {

	private final Directory directory;

	EngineersController(Directory directory) {
		this.directory = directory;
	}

	record EngineerForm(@Size(max = 255, message = "{request.form.too-long}") String lmsUserId,
			@Email(message = "{admin.engineers.email.invalid}") @Size(max = 320,
					message = "{request.form.too-long}") String email) {

		@AssertTrue(message = "{admin.engineers.who.required}")
		public boolean isNamed() {
			return (lmsUserId != null && !lmsUserId.isBlank()) || (email != null && !email.isBlank());
		}

	}

	@GetMapping("/admin")
	String engineers(@AuthenticationPrincipal LaunchSession launch, Model model) {
		model.addAttribute("form", new EngineerForm("", ""));
		return page(launch, model);
	}

	@PostMapping("/admin/engineers")
	String add(@AuthenticationPrincipal LaunchSession launch, @Valid @ModelAttribute("form") EngineerForm form,
			BindingResult errors, Model model) {
		if (errors.hasErrors()) {
			return page(launch, model);
		}
		directory.addEngineer(launch.platformId(), form.lmsUserId(), form.email());
		return "redirect:/admin";
	}

	@PostMapping("/admin/engineers/{id}/delete")
	String remove(@AuthenticationPrincipal LaunchSession launch, @PathVariable long id) {
		if (!directory.removeEngineer(launch.platformId(), id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "redirect:/admin";
	}

	private String page(LaunchSession launch, Model model) {
		model.addAttribute("engineers", directory.engineers(launch.platformId()));
		return "admin/engineers";
	}

}
