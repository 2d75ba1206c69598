package org.tandem.notifications;

import java.util.List;
import java.util.Locale;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.tandem.notifications.Outbox.Channel;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The words of a notification, in the recipient's language: one piece of news as it is,
 * several as one message that lists them. A mail and a Moodle message say different
 * things about replying: neither is read by anyone, so both send people to Tandem, and
 * the Moodle message says plainly not to answer it in Moodle.
 */
@Component
class NoticeWriter {

	/** What a Moodle message quotes of a text, so that it stays short. */
	private static final int QUOTE_LENGTH = 200;

	private final MessageSource messages;

	private final ITemplateEngine templates;

	NoticeWriter(MessageSource messages, ITemplateEngine templates) {
		this.messages = messages;
		this.templates = templates;
	}

	/** A message's subject (none for Moodle) and body. */
	record Text(String subject, String body) {
	}

	Text write(Channel channel, Locale locale, List<Notice> notices) {
		return channel == Channel.MAIL ? mail(locale, notices) : new Text(null, moodleMessage(locale, notices));
	}

	private Text mail(Locale locale, List<Notice> notices) {
		StringBuilder body = new StringBuilder();
		if (notices.size() > 1) {
			body.append(text("mail.digest.intro", locale, notices.size()));
		}
		for (int i = 0; i < notices.size(); i++) {
			Notice notice = notices.get(i);
			Object[] args = { notice.actor(), notice.title(), notice.course(), notice.detail(),
					notice.link() == null ? "" : notice.link() };
			if (i > 0) {
				body.append(text("mail.digest.separator", locale));
			}
			body.append(messages.getMessage("mail." + notice.event() + ".body", args, locale))
				.append(notice.link() == null ? text("mail.open-in-moodle", locale)
						: messages.getMessage("mail.link", args, locale));
		}
		body.append(text("mail.footer", locale));
		Notice first = notices.get(0);
		String subject = notices.size() > 1 ? text("mail.digest.subject", locale, notices.size())
				: messages.getMessage("mail." + first.event() + ".subject",
						new Object[] { first.actor(), first.title(), first.course(), first.detail() }, locale);
		return new Text(subject, body.toString());
	}

	private String moodleMessage(Locale locale, List<Notice> notices) {
		Context context = new Context(locale);
		context.setVariable("notices",
				notices.stream()
					.map(n -> new Notice(n.event(), quote(n.actor()), quote(n.title()), quote(n.course()),
							quote(n.detail()), n.link()))
					.toList());
		return templates.process("notifications/moodle-message", context).strip();
	}

	private String text(String key, Locale locale, Object... args) {
		return messages.getMessage(key, args, locale);
	}

	/** People's text, shortened for a Moodle message; the template escapes it. */
	private static String quote(String text) {
		return text.codePointCount(0, text.length()) <= QUOTE_LENGTH ? text
				: text.substring(0, text.offsetByCodePoints(0, QUOTE_LENGTH - 1)).strip() + "…";
	}

}
