package org.tandem.notifications;

import java.util.Optional;

import org.tandem.moodle.MoodleException;
import org.tandem.moodle.MoodleSite;
import org.tandem.moodle.MoodleSites;
import org.tandem.moodle.MoodleWebServices;
import org.tandem.moodle.MoodleWebServices.MessageResult;
import org.tandem.notifications.Outbox.Notification;

import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's Moodle messages with the platform's web services
 * ({@code core_message_send_instant_messages}). A Moodle that cannot be reached is tried
 * again later; a message Moodle refuses is given up at once, with what an administrator
 * should fix, since every other attempt would be refused too.
 */
@Component
class MoodleMessageSender {

	private static final String SETUP = " (see lti-config/moodle/README.md)";

	private static final String NO_WEB_SERVICES = "the platform's web services are no longer set, or their token"
			+ " cannot be decrypted: set them again on Tandem's admin page";

	private final Outbox outbox;

	private final MoodleSites sites;

	private final MoodleWebServices webServices;

	MoodleMessageSender(Outbox outbox, MoodleSites sites, MoodleWebServices webServices) {
		this.outbox = outbox;
		this.sites = sites;
		this.webServices = webServices;
	}

	@Scheduled(fixedDelayString = "${tandem.mail.poll-interval:10s}",
			initialDelayString = "${tandem.mail.poll-interval:10s}")
	void sendDue() {
		// A platform whose web services were removed would refuse each attempt: its
		// messages are given up now, rather than sent long after if they are set again.
		for (long platformId : outbox.moodlePlatformsWaiting()) {
			if (sites.of(platformId).isEmpty()) {
				outbox.giveUpMoodleMessages(platformId, NO_WEB_SERVICES);
			}
		}
		outbox.forEachDue(Outbox.Channel.MOODLE, this::send);
	}

	private void send(Notification message) {
		Optional<MoodleSite> site = sites.of(message.platformId());
		if (site.isEmpty()) {
			outbox.refused(message, NO_WEB_SERVICES);
			return;
		}
		try {
			// The same id at each attempt. Moodle only echoes it (a message that Moodle
			// took but whose answer was lost is delivered twice), but it ties Moodle's
			// answer to this row.
			MessageResult result = webServices.sendInstantMessage(site.get(), message.moodleUserId(), message.body(),
					"tandem-" + message.id());
			if (result.sent()) {
				outbox.sent(message);
			}
			else {
				// Moodle's reason: no such user, or their preferences refuse the message,
				// in the same words whether they block the service account or it lacks
				// the capability to message anyone.
				outbox.refused(message, "Moodle refused it: " + result.error()
						+ " Allow moodle/site:messageanyuser in the role of Tandem's service account, and check that"
						+ " Moodle user " + message.moodleUserId() + " still exists" + SETUP);
			}
		}
		catch (MoodleException ex) {
			if (ex.problem() == MoodleException.Problem.UNAVAILABLE) {
				outbox.failed(message, ex.getMessage());
			}
			else {
				outbox.refused(message, "Moodle refused it: " + ex.getMessage() + fix(ex.problem()) + SETUP);
			}
		}
	}

	private static String fix(MoodleException.Problem problem) {
		return switch (problem) {
			case MESSAGING_DISABLED -> ". Tick Enable messaging system in Moodle's site administration, or teachers"
					+ " are told by e-mail only";
			case INVALID_TOKEN -> ". Create a new token for Tandem's service account and set it on Tandem's admin page";
			case FUNCTION_NOT_IN_SERVICE -> ". Add core_message_send_instant_messages to Tandem's external service";
			case SERVICE_DISABLED -> ". Enable Tandem's external service in Moodle's site administration";
			case MISSING_CAPABILITY -> ". Allow moodle/site:sendmessage in the role of Tandem's service account";
			case WEB_SERVICES_OFF -> ". Turn on web services and the REST protocol in Moodle's site administration";
			default -> "";
		};
	}

}
