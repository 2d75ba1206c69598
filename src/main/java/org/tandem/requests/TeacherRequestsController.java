package org.tandem.requests;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import jakarta.validation.Valid;
import org.tandem.artifacts.CourseCheck;
import org.tandem.artifacts.CourseChecks;
import org.tandem.artifacts.CourseHistory;
import org.tandem.artifacts.CourseKey;
import org.tandem.artifacts.HelpKind;
import org.tandem.artifacts.SnapshotRecord;
import org.tandem.lti.LaunchSession;
import org.tandem.requests.attachments.Attachments;
import org.tandem.requests.attachments.Upload;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The teacher's side: the course's requests, and the form to ask for help. The form lists
 * the course as Moodle has it, so that the teacher picks the parts the request is about;
 * when Moodle cannot be read, the teacher says it in words.
 */
@Controller
@PreAuthorize("hasRole('TEACHER')")
class TeacherRequestsController {

	private final HelpDesk desk;

	private final RequestPages pages;

	private final CourseChecks checks;

	private final CourseHistory history;

	private final FormTargets targets;

	private final Attachments attachments;

	TeacherRequestsController(HelpDesk desk, RequestPages pages, CourseChecks checks, CourseHistory history,
			FormTargets targets, Attachments attachments) {
		this.desk = desk;
		this.pages = pages;
		this.checks = checks;
		this.history = history;
		this.targets = targets;
		this.attachments = attachments;
	}

	@GetMapping("/teacher")
	String courseRequests(@AuthenticationPrincipal LaunchSession launch, Model model) {
		model.addAttribute("requests", pages.ofCourse(launch.courseId()));
		return "requests/course";
	}

	/**
	 * The form, named by a filing token in its address: a new one when the address has
	 * none, the same one when Back reloads it, which then says it was sent already.
	 */
	@GetMapping("/requests/new")
	String form(@AuthenticationPrincipal LaunchSession launch,
			@RequestParam(name = FilingToken.PARAMETER, required = false) String filing, Model model) {
		Optional<FilingToken> token = FilingToken.parse(filing);
		if (token.isEmpty()) {
			return "redirect:/requests/new?" + FilingToken.PARAMETER + "=" + FilingToken.fresh();
		}
		model.addAttribute("filing", token.get());
		desk.filedFrom(launch, token.get()).ifPresent(id -> model.addAttribute("sentAs", id));
		model.addAttribute("form", RequestForm.empty());
		CourseCheck check = checks
			.checkWithinFormWait(new CourseKey(launch.courseId(), launch.platformId(), launch.contextId()));
		if (check.checked()) {
			return formPage(model, check.snapshot());
		}
		SnapshotRecord lastSeen = null;
		if (check.outcome() == CourseCheck.Outcome.FAILED) {
			// Moodle cannot be read now: the course as Tandem last saw it still lets the
			// teacher pick.
			model.addAttribute("courseProblem", check.problemKey());
			lastSeen = history.latest(launch.courseId()).orElse(null);
			model.addAttribute("lastSeen", lastSeen == null ? null : lastSeen.checkedAt());
		}
		return formPage(model, lastSeen);
	}

	/**
	 * Files the request once per form: the form sent again lands on the request it filed,
	 * which says so. A form without its token (not one this page made) comes back with a
	 * new one and what was typed.
	 */
	@PostMapping("/requests")
	String file(@AuthenticationPrincipal LaunchSession launch,
			@RequestParam(name = FilingToken.PARAMETER, required = false) String filing,
			@Valid @ModelAttribute("form") RequestForm form, BindingResult errors,
			@RequestParam(name = Attachments.FIELD, required = false) List<MultipartFile> files, Model model) {
		Optional<FilingToken> token = FilingToken.parse(filing);
		Optional<Long> sent = token.flatMap(t -> desk.filedFrom(launch, t));
		if (sent.isPresent()) {
			return sentBefore(sent.get());
		}
		FormTargets.Resolved picked = targets.resolve(launch.courseId(), form, errors);
		List<Upload> uploads = attachments.accept(files, errors);
		if (token.isEmpty()) {
			errors.reject("request.form.filing.missing");
		}
		if (errors.hasErrors()) {
			model.addAttribute("filing", token.orElseGet(FilingToken::fresh));
			return formPage(model, picked.course());
		}
		try {
			return "redirect:/requests/" + desk.file(launch, form, picked.parts(), token.get(), uploads) + "?filed";
		}
		catch (DuplicateKeyException sentTwiceAtOnce) {
			// A second click while the first was being filed, perhaps on another
			// instance: the first one filed it.
			return sentBefore(desk.filedFrom(launch, token.get()).orElseThrow(() -> sentTwiceAtOnce));
		}
	}

	private static String sentBefore(long id) {
		return "redirect:/requests/" + id + "?resent";
	}

	/**
	 * @param course the course to pick parts from, null when Moodle could not be read
	 */
	private static String formPage(Model model, SnapshotRecord course) {
		Map<HelpKind, List<Topic>> topics = new EnumMap<>(HelpKind.class);
		for (HelpKind kind : HelpKind.values()) {
			topics.put(kind, Topic.of(kind));
		}
		model.addAttribute("topics", topics);
		model.addAttribute("workModes", WorkMode.values());
		model.addAttribute("outline", course == null ? null : course.snapshot().outline());
		return "requests/form";
	}

}
