package org.tandem.notifications;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;
import org.tandem.artifacts.ReworkRecorded;
import org.tandem.lti.Directory;
import org.tandem.lti.Directory.Person;
import org.tandem.moodle.MoodleSites;
import org.tandem.requests.RequestAssigned;
import org.tandem.requests.RequestFiled;
import org.tandem.requests.RequestReplied;
import org.tandem.requests.RequestStatusChanged;
import org.tandem.requests.RequestSummary;
import org.tandem.requests.Requests;
import org.tandem.system.SupportedLocales;
import org.tandem.system.TandemProperties;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Who is told what, in their own language (that of their last launch): the platform's
 * engineers of a new request, the teacher of an engineer's reply, a change of status or a
 * rework, the engineer in charge of the teacher's reply or of being put in charge. They
 * are told by e-mail, and the teacher who filed the request also by a short Moodle
 * message when the platform's web services are set. A rework is told only in Moodle:
 * engineers record several in a row, and the request's page lists them all. Each
 * notification carries a link that opens the request through Moodle.
 *
 * <p>
 * Each listener runs once the action is saved, in a transaction of its own that writes
 * the outbox; the event stays in the publication registry until then, so a crash in
 * between loses no notification.
 */
@Component
class RequestNotifications {

	/** Moodle's sub is its user id. */
	private static final Pattern MOODLE_USER_ID = Pattern.compile("[0-9]{1,18}");

	/** What a Moodle message quotes of a text, so that it stays short. */
	private static final int QUOTE_LENGTH = 200;

	private final Directory directory;

	private final Requests requests;

	private final Outbox outbox;

	private final OpenLinks links;

	private final MessageSource messages;

	private final TandemProperties tandem;

	private final MoodleSites sites;

	private final ITemplateEngine templates;

	RequestNotifications(Directory directory, Requests requests, Outbox outbox, OpenLinks links, MessageSource messages,
			TandemProperties tandem, MoodleSites sites, ITemplateEngine templates) {
		this.directory = directory;
		this.requests = requests;
		this.outbox = outbox;
		this.links = links;
		this.messages = messages;
		this.tandem = tandem;
		this.sites = sites;
		this.templates = templates;
	}

	@ApplicationModuleListener
	void filed(RequestFiled filed) {
		RequestSummary request = requests.find(filed.requestId()).orElseThrow();
		String teacher = name(request.requesterId());
		for (Directory.Engineer engineer : directory.engineers(filed.platformId())) {
			String email = engineer.contactEmail();
			if (email != null) {
				Person person = engineer.person();
				send(person, email, null, request, "filed", teacher, request.need());
			}
		}
	}

	@ApplicationModuleListener
	void replied(RequestReplied replied) {
		RequestSummary request = requests.find(replied.requestId()).orElseThrow();
		String body = requests.reply(replied.requestId(), replied.messageId()).orElseThrow();
		if (replied.byEngineer()) {
			directory.person(request.requesterId())
				.ifPresent(teacher -> send(teacher, teacher.email(), moodleUserId(teacher), request, "engineer-replied",
						name(replied.authorId()), body));
		}
		else if (request.assigneeId() != null && request.assigneeId() != replied.authorId()) {
			directory.person(request.assigneeId())
				.ifPresent(engineer -> send(engineer, engineer.email(), null, request, "teacher-replied",
						name(replied.authorId()), body));
		}
	}

	@ApplicationModuleListener
	void statusChanged(RequestStatusChanged changed) {
		RequestSummary request = requests.find(changed.requestId()).orElseThrow();
		if (changed.actorId() == request.requesterId()) {
			return;
		}
		directory.person(request.requesterId()).ifPresent(teacher -> {
			String statusName = messages.getMessage(changed.to().key(), null, teacher.locale());
			send(teacher, teacher.email(), moodleUserId(teacher), request, "status-changed", name(changed.actorId()),
					changed.reason() == null ? statusName : statusName + " — " + changed.reason());
		});
	}

	@ApplicationModuleListener
	void assigned(RequestAssigned assigned) {
		if (assigned.assigneeId() == assigned.actorId()) {
			return;
		}
		RequestSummary request = requests.find(assigned.requestId()).orElseThrow();
		directory.person(assigned.assigneeId())
			.ifPresent(engineer -> send(engineer, engineer.email(), null, request, "assigned", name(assigned.actorId()),
					request.need()));
	}

	@ApplicationModuleListener
	void reworked(ReworkRecorded rework) {
		RequestSummary request = requests.find(rework.requestId()).orElseThrow();
		if (rework.engineerId() != request.requesterId()) {
			directory.person(request.requesterId())
				.ifPresent(teacher -> send(teacher, null, moodleUserId(teacher), request, "reworked",
						name(rework.engineerId()), rework.name()));
		}
	}

	/**
	 * @param email where to mail them ({@code mail.<event>.*}); none when null or blank
	 * @param moodleUserId whom to message in Moodle ({@code moodle-message.<event>});
	 * none when null
	 * @param detail what was said or decided, quoted
	 */
	private void send(Person person, String email, Long moodleUserId, RequestSummary request, String event,
			String actor, String detail) {
		boolean mail = email != null && !email.isBlank();
		if (!mail && moodleUserId == null) {
			return; // the request's page shows all
		}
		Locale locale = person == null ? SupportedLocales.DEFAULT : person.locale();
		String course = directory.courses(List.of(request.courseId())).get(request.courseId()).display();
		String link = person == null ? null : tandem.url("/open/" + links.create(person.id(), request.id()));
		if (mail) {
			Object[] args = { actor, request.title(), course, detail, link == null ? "" : link };
			outbox.enqueue(person == null ? null : person.id(), email,
					messages.getMessage("mail." + event + ".subject", args, locale),
					messages.getMessage("mail." + event + ".body", args, locale)
							+ (link == null ? messages.getMessage("mail.open-in-moodle", null, locale)
									: messages.getMessage("mail.link", args, locale)));
		}
		if (moodleUserId != null) {
			Context context = new Context(locale);
			context.setVariable("event", event);
			context.setVariable("actor", quote(actor));
			context.setVariable("title", quote(request.title()));
			context.setVariable("course", quote(course));
			context.setVariable("detail", quote(detail));
			context.setVariable("link", link);
			outbox.enqueueMoodleMessage(person.id(), person.platformId(), moodleUserId,
					templates.process("notifications/moodle-message", context).strip());
		}
	}

	/**
	 * The teacher's Moodle user id, when the platform's web services can send them a
	 * message.
	 */
	private Long moodleUserId(Person teacher) {
		return MOODLE_USER_ID.matcher(teacher.subject()).matches() && sites.of(teacher.platformId()).isPresent()
				? Long.valueOf(teacher.subject()) : null;
	}

	/** People's text, shortened for a Moodle message; the template escapes it. */
	private static String quote(String text) {
		return text.codePointCount(0, text.length()) <= QUOTE_LENGTH ? text
				: text.substring(0, text.offsetByCodePoints(0, QUOTE_LENGTH - 1)).strip() + "…";
	}

	private String name(long personId) {
		return directory.person(personId).map(Person::label).orElse("");
	}

}
