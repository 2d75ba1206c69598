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
 * Who the platform's engineers are, on the administrator's page. Moodle has no designer
 * role, so Tandem is told here (or in the registration file) who they are.
 */
@Controller
@PreAuthorize("hasRole('ADMINISTRATOR')")
class EngineersController {

	private final Directory directory;

	private final AdminPage page;

	EngineersController(Directory directory, AdminPage page) {
		this.directory = directory;
		this.page = page;
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
	String admin(@AuthenticationPrincipal LaunchSession launch, Model model) {
		return page.show(launch, model);
	}

	@PostMapping("/admin/engineers")
	String add(@AuthenticationPrincipal LaunchSession launch, @Valid @ModelAttribute("engineerForm") EngineerForm form,
			BindingResult errors, Model model) {
		if (errors.hasErrors()) {
			return page.show(launch, model);
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

}
