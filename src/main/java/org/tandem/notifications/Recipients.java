package org.tandem.notifications;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.lti.Directory.Engineer;
import org.tandem.lti.Directory.Person;
import org.tandem.moodle.MoodleException;
import org.tandem.moodle.MoodleSite;
import org.tandem.moodle.MoodleSites;
import org.tandem.moodle.MoodleUser;
import org.tandem.moodle.MoodleWebServices;
import org.tandem.notifications.Outbox.Channel;
import org.tandem.system.SupportedLocales;

import org.springframework.stereotype.Component;

/**
 * Where each person is told, on one channel: the one they chose, when Tandem can reach
 * them on it; else by e-mail when Tandem knows their address, else by Moodle message when
 * the platform's web services are set. An engineer named only by Moodle user id, who has
 * not launched Tandem yet, has their address asked of Moodle.
 */
@Component
public class Recipients {

	private static final Logger log = LoggerFactory.getLogger(Recipients.class);

	/** Moodle's sub is its user id. */
	private static final Pattern MOODLE_USER_ID = Pattern.compile("[0-9]{1,18}");

	private final NotificationPreferences preferences;

	private final MoodleSites sites;

	private final MoodleWebServices webServices;

	Recipients(NotificationPreferences preferences, MoodleSites sites, MoodleWebServices webServices) {
		this.preferences = preferences;
		this.sites = sites;
		this.webServices = webServices;
	}

	/** How Tandem can tell an engineer of a new request, as the admin page shows it. */
	public enum Reach {

		/** Tandem knows their e-mail address. */
		MAIL,
		/**
		 * Through Moodle's web services: Tandem asks Moodle for their address, and sends
		 * a Moodle message when Moodle gives none.
		 */
		MOODLE,
		/** Neither: no address, and no web services to ask or message them with. */
		NONE

	}

	/** How this engineer of the platform can be told, without asking Moodle. */
	public Reach reach(long platformId, Engineer engineer) {
		return engineer.contactEmail() != null ? Reach.MAIL
				: moodleUserId(platformId, engineerUserId(engineer)) != null ? Reach.MOODLE : Reach.NONE;
	}

	/** Where to tell someone who launched Tandem; empty when no channel reaches them. */
	Optional<Address> of(Person person) {
		return choose(person.id(), person.platformId(), person.email(),
				moodleUserId(person.platformId(), person.subject()), person.locale());
	}

	/**
	 * Where to tell an engineer of the platform. Asks Moodle for the address of one that
	 * Tandem knows by Moodle user id only; logs a warning for one nobody can reach.
	 */
	Optional<Address> engineer(long platformId, Engineer engineer) {
		Person person = engineer.person();
		Long moodleUserId = moodleUserId(platformId, engineerUserId(engineer));
		String email = engineer.contactEmail();
		Optional<MoodleSite> site = sites.of(platformId);
		if (email == null && moodleUserId != null && site.isPresent()) {
			try {
				Optional<MoodleUser> user = webServices.user(site.get(), moodleUserId);
				if (user.isEmpty()) {
					log.warn(
							"Moodle {} has no user {}: engineer {} cannot be told of new requests. Correct their"
									+ " Moodle user id on Tandem's admin page",
							site.get().siteUrl(), moodleUserId, engineer.label());
					return Optional.empty();
				}
				email = user.get().email();
			}
			catch (MoodleException ex) {
				// a Moodle message is tried instead, and retried while Moodle is down
				log.warn("Could not ask Moodle {} for the e-mail address of user {} ({}), who is told by Moodle"
						+ " message instead. Add core_user_get_users_by_field to Tandem's external service (see"
						+ " lti-config/moodle/README.md)", site.get().siteUrl(), moodleUserId, ex.getMessage());
			}
		}
		Optional<Address> address = choose(person == null ? null : person.id(), platformId, email, moodleUserId,
				person == null ? SupportedLocales.DEFAULT : person.locale());
		if (address.isEmpty()) {
			log.warn("Engineer {} of platform {} cannot be told of new requests: Tandem knows no e-mail address for"
					+ " them and the platform's Moodle web services are not set. Name them by e-mail on Tandem's"
					+ " admin page, or set the web services there", engineer.label(), platformId);
		}
		return address;
	}

	private Optional<Address> choose(Long personId, long platformId, String email, Long moodleUserId, Locale locale) {
		boolean mail = email != null && !email.isBlank();
		Channel chosen = personId == null ? null : preferences.of(personId).orElse(null);
		if (moodleUserId != null && (chosen == Channel.MOODLE || !mail)) {
			return Optional.of(Address.moodle(personId, platformId, moodleUserId, locale));
		}
		return mail ? Optional.of(Address.mail(personId, email, locale)) : Optional.empty();
	}

	/** Whether Tandem can mail this person now. */
	boolean canMail(Person person) {
		return person.email() != null && !person.email().isBlank();
	}

	/** Whether Tandem can message this person in Moodle now. */
	boolean canMessageInMoodle(Person person) {
		return moodleUserId(person.platformId(), person.subject()) != null;
	}

	private static String engineerUserId(Engineer engineer) {
		return engineer.lmsUserId() != null ? engineer.lmsUserId()
				: engineer.person() == null ? null : engineer.person().subject();
	}

	/** The Moodle user id, when the platform's web services can message them. */
	private Long moodleUserId(long platformId, String subject) {
		return subject != null && MOODLE_USER_ID.matcher(subject).matches() && sites.of(platformId).isPresent()
				? Long.valueOf(subject) : null;
	}

}
