package org.tandem.notifications;

import java.util.Locale;

import org.tandem.notifications.Outbox.Channel;

/**
 * Where one person is told: an e-mail address, or a Moodle user of a platform. News for
 * the same address within the batch window goes out as one message.
 *
 * @param recipientId the person, once they have launched Tandem; else null
 */
record Address(Channel channel, Long recipientId, String email, Long platformId, Long moodleUserId, Locale locale) {

	static Address mail(Long recipientId, String email, Locale locale) {
		return new Address(Channel.MAIL, recipientId, email.strip(), null, null, locale);
	}

	static Address moodle(Long recipientId, long platformId, long moodleUserId, Locale locale) {
		return new Address(Channel.MOODLE, recipientId, null, platformId, moodleUserId, locale);
	}

	/** The same for every notice to this address: what {@link Batches} locks. */
	String key() {
		return channel == Channel.MAIL ? "mail:" + email.toLowerCase(Locale.ROOT)
				: "moodle:" + platformId + ":" + moodleUserId;
	}

	/** What the log says of it. */
	@Override
	public String toString() {
		return channel == Channel.MAIL ? email : "Moodle user " + moodleUserId + " of platform " + platformId;
	}

}
