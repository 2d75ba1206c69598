package org.tandem.admin;

import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Size;
import org.tandem.lti.Directory;
import org.tandem.lti.LaunchSession;
import org.tandem.system.Confirmation;

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
import org.springframework.web.bind.annotation.RequestParam;
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

	/**
	 * Only engineers named on this page can be removed here; the file names the others.
	 */
	@PostMapping("/admin/engineers/{id}/delete")
	String remove(@AuthenticationPrincipal LaunchSession launch, @PathVariable long id,
			@RequestParam(name = Confirmation.CONFIRMED, defaultValue = "false") boolean confirmed, Model model) {
		if (!confirmed) {
			Directory.Engineer engineer = directory.engineers(launch.platformId())
				.stream()
				.filter(e -> e.id() == id && "admin".equals(e.source()))
				.findFirst()
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
			model.addAttribute("confirm", new Confirmation("admin.engineers.remove.confirm", List.of(engineer.label()),
					"/admin/engineers/" + id + "/delete", Map.of(), "admin.engineers.remove.confirm.yes", "/admin"));
			return Confirmation.VIEW;
		}
		if (!directory.removeEngineer(launch.platformId(), id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "redirect:/admin";
	}

}
