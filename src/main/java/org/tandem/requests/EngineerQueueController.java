package org.tandem.requests;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.tandem.artifacts.HelpKind;
import org.tandem.lti.LaunchSession;
import org.tandem.requests.templates.AnswerTemplates;
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
 * The engineer's side: the whole platform's queue in one table with its filters, the
 * requests of the course they launched from marked in it; and the answer templates they
 * share.
 */
@Controller
@PreAuthorize("hasRole('ENGINEER')")
class EngineerQueueController {

	private final RequestPages pages;

	private final AnswerTemplates templates;

	private final java.time.Clock clock;

	EngineerQueueController(RequestPages pages, AnswerTemplates templates, java.time.Clock clock) {
		this.pages = pages;
		this.templates = templates;
		this.clock = clock;
	}

	record TemplateForm(
			@NotBlank(message = "{template.form.title.required}") @Size(max = 200,
					message = "{request.form.too-long}") String title,
			@NotBlank(message = "{template.form.body.required}") @Size(max = 10000,
					message = "{request.form.too-long}") String body) {
	}

	/**
	 * The queue. A search too long answers 400 with the page, the search field as typed
	 * and what to do next to it, and the queue without the search (its links too, so that
	 * none repeats the mistake).
	 */
	@GetMapping("/engineer")
	String queue(@AuthenticationPrincipal LaunchSession launch, @ModelAttribute("filter") QueueFilter typed,
			Model model, HttpServletResponse response) {
		QueueFilter filter = typed;
		if (typed.searchTooLong()) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("searchProblem", "queue.search.too-long");
			filter = typed.withoutSearch();
		}
		model.addAttribute("filter", filter);
		model.addAttribute("search", typed.q());
		model.addAttribute("searchMax", SearchText.MAX_QUERY);
		model.addAttribute("queue", pages.queue(launch, filter));
		model.addAttribute("statuses", RequestStatus.values());
		model.addAttribute("kinds", HelpKind.values());
		model.addAttribute("topics", Topic.values());
		model.addAttribute("assignees", QueueFilter.Assignee.values());
		return "requests/queue";
	}

	@GetMapping("/engineer/templates")
	String templates(@AuthenticationPrincipal LaunchSession launch, Model model) {
		model.addAttribute("form", new TemplateForm("", ""));
		return templatesPage(launch, model);
	}

	@PostMapping("/engineer/templates")
	String addTemplate(@AuthenticationPrincipal LaunchSession launch, @Valid @ModelAttribute("form") TemplateForm form,
			BindingResult errors, Model model) {
		if (errors.hasErrors()) {
			return templatesPage(launch, model);
		}
		templates.add(launch.platformId(), launch.personId(), form.title(), form.body(), clock.instant());
		return "redirect:/engineer/templates";
	}

	@PostMapping("/engineer/templates/{id}/delete")
	String removeTemplate(@AuthenticationPrincipal LaunchSession launch, @PathVariable long id,
			@RequestParam(name = Confirmation.CONFIRMED, defaultValue = "false") boolean confirmed, Model model) {
		if (!confirmed) {
			AnswerTemplates.AnswerTemplate template = templates.find(launch.platformId(), id)
				.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
			model.addAttribute("confirm",
					new Confirmation("templates.delete.confirm", List.of(template.title()),
							"/engineer/templates/" + id + "/delete", Map.of(), "templates.delete.confirm.yes",
							"/engineer/templates"));
			return Confirmation.VIEW;
		}
		if (!templates.remove(launch.platformId(), id)) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "redirect:/engineer/templates";
	}

	private String templatesPage(LaunchSession launch, Model model) {
		model.addAttribute("templates", templates.of(launch.platformId()));
		return "requests/templates";
	}

}
