package org.tandem.notifications;

import java.time.Duration;

import jakarta.servlet.http.HttpServletResponse;
import org.tandem.lti.Directory;
import org.tandem.lti.Directory.Person;
import org.tandem.lti.LaunchSession;
import org.tandem.notifications.Outbox.Channel;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The small page where each person chooses how Tandem tells them: by e-mail or by Moodle
 * message. It sets the launch's own person only; a channel that cannot reach them now is
 * refused with the reason, so that nobody chooses to hear nothing.
 */
@Controller
class NotificationPreferenceController {

	private final Directory directory;

	private final Recipients recipients;

	private final NotificationPreferences preferences;

	private final MailProperties properties;

	NotificationPreferenceController(Directory directory, Recipients recipients, NotificationPreferences preferences,
			MailProperties properties) {
		this.directory = directory;
		this.recipients = recipients;
		this.preferences = preferences;
		this.properties = properties;
	}

	@GetMapping("/notifications")
	String show(@AuthenticationPrincipal LaunchSession launch, Model model) {
		return page(launch, model);
	}

	@PostMapping("/notifications")
	String choose(@AuthenticationPrincipal LaunchSession launch, @RequestParam(required = false) String channel,
			Model model, HttpServletResponse response) {
		Person person = person(launch);
		Channel chosen = parse(channel);
		String refusal = chosen == null ? "notifications.channel.required"
				: chosen == Channel.MAIL && !recipients.canMail(person) ? "notifications.channel.no-address"
						: chosen == Channel.MOODLE && !recipients.canMessageInMoodle(person)
								? "notifications.channel.no-web-services" : null;
		if (refusal != null) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			model.addAttribute("refusal", refusal);
			return page(launch, model);
		}
		preferences.choose(person.id(), chosen);
		return "redirect:/notifications?saved";
	}

	private String page(LaunchSession launch, Model model) {
		Person person = person(launch);
		model.addAttribute("email", recipients.canMail(person) ? person.email() : null);
		model.addAttribute("canMessageInMoodle", recipients.canMessageInMoodle(person));
		model.addAttribute("current", recipients.of(person).map(Address::channel).orElse(null));
		Duration window = properties.batchWindow();
		// whole minutes, rounded up: a window of 90 s gathers what comes within 2 minutes
		model.addAttribute("windowMinutes", window.isZero() ? 0 : (window.toSeconds() + 59) / 60);
		return "notifications/preferences";
	}

	private Person person(LaunchSession launch) {
		return directory.person(launch.personId()).orElseThrow();
	}

	private static Channel parse(String channel) {
		for (Channel known : Channel.values()) {
			if (known.name().equals(channel)) {
				return known;
			}
		}
		return null;
	}

}
