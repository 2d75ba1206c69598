package org.tandem.requests;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.tandem.artifacts.CourseCheck;
import org.tandem.artifacts.CourseChecks;
import org.tandem.artifacts.HelpKind;
import org.tandem.lti.LaunchSession;
import org.tandem.requests.attachments.Attachments;
import org.tandem.requests.attachments.Upload;
import org.tandem.requests.templates.AnswerTemplates;
import org.tandem.requests.time.TimeActivity;
import org.tandem.requests.time.TimeEntryForm;
import org.tandem.system.Confirmation;
import org.tandem.system.CorrelationIdFilter;
import org.tandem.system.TandemProperties;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One request: everything about it, and what the viewer may do with it. Every action
 * checks access again in {@link HelpDesk}; a form with mistakes comes back with what was
 * typed and the mistakes next to the fields.
 */
@Controller
class RequestController {

	private final HelpDesk desk;

	private final RequestPages pages;

	private final AnswerTemplates templates;

	private final CourseWorkPages courseWork;

	private final CourseChecks checks;

	private final Attachments attachments;

	private final Clock clock;

	private final ZoneId zone;

	RequestController(HelpDesk desk, RequestPages pages, AnswerTemplates templates, CourseWorkPages courseWork,
			CourseChecks checks, Attachments attachments, Clock clock, TandemProperties properties) {
		this.desk = desk;
		this.pages = pages;
		this.templates = templates;
		this.courseWork = courseWork;
		this.checks = checks;
		this.attachments = attachments;
		this.clock = clock;
		this.zone = properties.timeZone();
	}

	record MessageForm(@NotBlank(message = "{message.form.body.required}") @Size(max = 10000,
			message = "{request.form.too-long}") String body) {
	}

	record StatusForm(@NotNull RequestStatus seen, @NotNull RequestStatus to,
			@Size(max = 2000, message = "{request.form.too-long}") String reason) {
	}

	record RatingForm(
			@NotNull(message = "{rating.form.required}") @Min(value = 1, message = "{rating.form.required}") @Max(
					value = 5, message = "{rating.form.required}") Integer rating,
			@Size(max = 2000, message = "{request.form.too-long}") String comment) {
	}

	@GetMapping("/requests/{id}")
	String show(@AuthenticationPrincipal LaunchSession launch, @PathVariable long id,
			@RequestParam(name = "template", required = false) Long templateId, Model model) {
		HelpRequest request = desk.visible(launch, id);
		// Before the page reads the request: what happens while it does stays news.
		desk.opened(launch, request);
		if (templateId != null && HelpDesk.isEngineerOf(launch, request)) {
			templates.find(launch.platformId(), templateId)
				.ifPresent(template -> model.addAttribute("reply", new MessageForm(template.body())));
		}
		return page(launch, request, model);
	}

	/**
	 * A reply to a request that ended meanwhile (closed in another tab) is not sent, and
	 * comes back on the page, to copy: nothing typed is lost.
	 */
	@PostMapping("/requests/{id}/replies")
	String reply(@AuthenticationPrincipal LaunchSession launch, @PathVariable long id,
			@Valid @ModelAttribute("reply") MessageForm form, BindingResult errors,
			@RequestParam(name = Attachments.FIELD, required = false) List<MultipartFile> files, Model model,
			HttpServletResponse response) {
		List<Upload> uploads = attachments.accept(files, errors);
		if (errors.hasErrors()) {
			return page(launch, desk.visible(launch, id), model);
		}
		try {
			desk.reply(launch, id, form.body(), uploads);
		}
		catch (RequestActionRefused ended) {
			response.setStatus(HttpServletResponse.SC_CONFLICT);
			model.addAttribute("unsent", form.body());
			model.addAttribute("unsentWhy", ended.messageKey());
			return page(launch, desk.visible(launch, id), model);
		}
		return "redirect:/requests/" + id + "#conversation";
	}

	@PostMapping("/requests/{id}/notes")
	String note(@AuthenticationPrincipal LaunchSession launch, @PathVariable long id,
			@Valid @ModelAttribute("note") MessageForm form, BindingResult errors,
			@RequestParam(name = Attachments.FIELD, required = false) List<MultipartFile> files, Model model) {
		List<Upload> uploads = attachments.accept(files, errors);
		if (errors.hasErrors()) {
			return page(launch, desk.visible(launch, id), model);
		}
		desk.note(launch, id, form.body(), uploads);
		return "redirect:/requests/" + id + "#conversation";
	}

	@PostMapping("/requests/{id}/withdraw")
	String withdraw(@AuthenticationPrincipal LaunchSession launch, @PathVariable long id,
			@RequestParam(name = Confirmation.CONFIRMED, defaultValue = "false") boolean confirmed, Model model) {
		if (!confirmed) {
			HelpRequest request = desk.withdrawable(launch, id);
			model.addAttribute("confirm", new Confirmation("request.withdraw.confirm", List.of(request.title()),
					"/requests/" + id + "/withdraw", Map.of(), "request.withdraw.confirm.yes", "/requests/" + id));
			return Confirmation.VIEW;
		}
		desk.withdraw(launch, id);
		return "redirect:/requests/" + id;
	}

	@PostMapping("/requests/{id}/take")
	String take(@AuthenticationPrincipal LaunchSession launch, @PathVariable long id) {
		desk.take(launch, id);
		return "redirect:/requests/" + id;
	}

	@PostMapping("/requests/{id}/assignee")
	String assign(@AuthenticationPrincipal LaunchSession launch, @PathVariable long id,
			@RequestParam("engineer") long engineer) {
		desk.assign(launch, id, engineer);
		return "redirect:/requests/" + id;
	}

	/**
	 * Declining ends the request for the teacher: it is asked again before it is done.
	 */
	@PostMapping("/requests/{id}/status")
	String move(@AuthenticationPrincipal LaunchSession launch, @PathVariable long id, @Valid StatusForm form,
			@RequestParam(name = Confirmation.CONFIRMED, defaultValue = "false") boolean confirmed, Model model) {
		if (form.to() == RequestStatus.DECLINED && !confirmed) {
			HelpRequest request = desk.movable(launch, id, form.seen(), form.to(), form.reason());
			model.addAttribute("confirm",
					new Confirmation("request.decline.confirm", List.of(request.title(), form.reason().strip()),
							"/requests/" + id + "/status",
							Map.of("seen", form.seen().name(), "to", form.to().name(), "reason", form.reason()),
							"request.decline.confirm.yes", "/requests/" + id));
			return Confirmation.VIEW;
		}
		desk.move(launch, id, form.seen(), form.to(), form.reason());
		return "redirect:/requests/" + id;
	}

	@PostMapping("/requests/{id}/reopen")
	String reopen(@AuthenticationPrincipal LaunchSession launch, @PathVariable long id,
			@RequestParam("seen") RequestStatus seen) {
		desk.reopen(launch, id, seen);
		return "redirect:/requests/" + id;
	}

	@PostMapping("/requests/{id}/rating")
	String rate(@AuthenticationPrincipal LaunchSession launch, @PathVariable long id,
			@Valid @ModelAttribute("rating") RatingForm form, BindingResult errors, Model model) {
		if (errors.hasErrors()) {
			return page(launch, desk.visible(launch, id), model);
		}
		desk.rate(launch, id, form.rating(), form.comment());
		return "redirect:/requests/" + id;
	}

	@PostMapping("/requests/{id}/time")
	String logTime(@AuthenticationPrincipal LaunchSession launch, @PathVariable long id,
			@Valid @ModelAttribute("time") TimeEntryForm form, BindingResult errors, Model model) {
		if (errors.hasErrors()) {
			return page(launch, desk.visible(launch, id), model);
		}
		desk.logTime(launch, id, form);
		return "redirect:/requests/" + id + "#time";
	}

	record ReworkForm(@NotNull(message = "{time.form.kind.required}") HelpKind kind,
			@Size(max = 2000, message = "{request.form.too-long}") String note) {
	}

	/**
	 * Looks at the course now; the page says what was found, or why Moodle could not be
	 * read. The check runs here, outside any transaction scope, so that no database
	 * connection waits on Moodle (see {@link HelpDesk#courseToCheck}).
	 */
	@PostMapping("/requests/{id}/course-check")
	String checkCourse(@AuthenticationPrincipal LaunchSession launch, @PathVariable long id, HttpServletRequest request,
			RedirectAttributes redirect) {
		CourseCheck check = checks.check(desk.courseToCheck(launch, id));
		redirect.addFlashAttribute("checked", check.outcome());
		redirect.addFlashAttribute("checkProblem", check.problemKey());
		// The log line of Moodle's answer carries this request's id, not the page's after
		// the redirect.
		redirect.addFlashAttribute("checkReference", request.getAttribute(CorrelationIdFilter.ATTRIBUTE));
		redirect.addFlashAttribute("newChanges", check.newChanges());
		return "redirect:/requests/" + id + "#course";
	}

	@PostMapping("/requests/{id}/changes/{change}/rework")
	String rework(@AuthenticationPrincipal LaunchSession launch, @PathVariable long id, @PathVariable long change,
			@Valid ReworkForm form, BindingResult errors) {
		if (errors.hasErrors()) {
			throw new RequestActionRefused(id, "rework.refused.invalid");
		}
		desk.rework(launch, id, change, form.kind(), form.note());
		return "redirect:/requests/" + id + "#course";
	}

	@PostMapping("/requests/{id}/changes/{change}/not-mine")
	String notMine(@AuthenticationPrincipal LaunchSession launch, @PathVariable long id, @PathVariable long change) {
		desk.notMine(launch, id, change);
		return "redirect:/requests/" + id + "#course";
	}

	@PostMapping("/requests/{id}/reworks")
	String reworkOutside(@AuthenticationPrincipal LaunchSession launch, @PathVariable long id,
			@Valid @ModelAttribute("outside") OutsideReworkForm form, BindingResult errors, Model model) {
		if (errors.hasErrors()) {
			return page(launch, desk.visible(launch, id), model);
		}
		desk.reworkOutside(launch, id, form);
		return "redirect:/requests/" + id + "#reworks";
	}

	/** A refused action comes back to the request, which says why. */
	@ExceptionHandler(RequestActionRefused.class)
	String refused(RequestActionRefused refused, RedirectAttributes redirect) {
		redirect.addFlashAttribute("refused", refused.messageKey());
		return "redirect:/requests/" + refused.requestId();
	}

	/**
	 * The request's page. A form posted with mistakes is in the model already, bound, and
	 * comes back as it was typed; the page's other forms start empty. Not
	 * {@code @ModelAttribute} methods: Spring would bind the posted form onto the empty
	 * one they put in the model first, and a record has no setters, so what was typed
	 * would be lost.
	 */
	private String page(LaunchSession launch, HelpRequest request, Model model) {
		model.addAttribute("view", pages.request(launch, request));
		model.addAttribute("work", courseWork.of(launch, request));
		model.addAttribute("statuses", RequestStatus.values());
		model.addAttribute("activities", TimeActivity.values());
		model.addAttribute("kinds", HelpKind.values());
		// Work is dated as the people who do it read the calendar, not as the server's
		// zone does.
		LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
		model.mergeAttributes(Map.of("reply", new MessageForm(""), "note", new MessageForm(""), "rating",
				new RatingForm(null, null), "time", new TimeEntryForm(today, null, null, request.kind(), null),
				"outside", new OutsideReworkForm(null, null, request.kind(), null)));
		return "requests/request";
	}

}
