package org.tandem.requests;

import java.util.Locale;

import org.tandem.lti.Directory;
import org.tandem.lti.Directory.Person;
import org.tandem.system.TandemProperties;

import org.springframework.context.MessageSource;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Who is told what, by e-mail, in their own language (that of their last launch): the
 * platform's engineers of a new request, the teacher of an engineer's reply or a change of
 * status, the engineer in charge of the teacher's reply or of being put in charge. Each
 * mail carries a link that opens the request through Moodle.
 */
@Component
class RequestNotifications {

	private final Directory directory;

	private final RequestRepository requests;

	private final Outbox outbox;

	private final OpenLinks links;

	private final MessageSource messages;

	private final TandemProperties tandem;

	RequestNotifications(Directory directory, RequestRepository requests, Outbox outbox, OpenLinks links,
			MessageSource messages, TandemProperties tandem) {
		this.directory = directory;
		this.requests = requests;
		this.outbox = outbox;
		this.links = links;
		this.messages = messages;
		this.tandem = tandem;
	}

	@EventListener
	void filed(RequestFiled filed) {
		HelpRequest request = requests.find(filed.requestId()).orElseThrow();
		String teacher = name(request.requesterId());
		for (Directory.Engineer engineer : directory.engineers(filed.platformId())) {
			String email = engineer.contactEmail();
			if (email != null) {
				Person person = engineer.person();
				send(person, email, request, "mail.filed", teacher, request.need());
			}
		}
	}

	void engineerReplied(HelpRequest request, long authorId, String body) {
		directory.person(request.requesterId())
			.ifPresent(teacher -> send(teacher, teacher.email(), request, "mail.engineer-replied", name(authorId), body));
	}

	void teacherReplied(HelpRequest request, long authorId, String body) {
		if (request.assigneeId() != null && request.assigneeId() != authorId) {
			directory.person(request.assigneeId())
				.ifPresent(engineer -> send(engineer, engineer.email(), request, "mail.teacher-replied", name(authorId),
						body));
		}
	}

	void statusChanged(HelpRequest request, long actorId, RequestStatus status, String reason) {
		directory.person(request.requesterId()).ifPresent(teacher -> {
			String statusName = messages.getMessage(status.key(), null, teacher.locale());
			send(teacher, teacher.email(), request, "mail.status-changed", name(actorId),
					reason == null ? statusName : statusName + " — " + reason);
		});
	}

	void assigned(HelpRequest request, long actorId, long assigneeId) {
		directory.person(assigneeId)
			.ifPresent(engineer -> send(engineer, engineer.email(), request, "mail.assigned", name(actorId),
					request.need()));
	}

	/**
	 * @param detail what was said or decided, quoted in the mail
	 */
	private void send(Person person, String email, HelpRequest request, String key, String actor, String detail) {
		if (email == null || email.isBlank()) {
			return; // the platform shares no e-mail for this person: the request's page shows all
		}
		Locale locale = person == null ? Locale.FRENCH : person.locale();
		String course = directory.courses(java.util.List.of(request.courseId())).get(request.courseId()).display();
		String link = person == null ? null : tandem.url("/open/" + links.create(person.id(), request.id()));
		Object[] args = { actor, request.title(), course, detail, link == null ? "" : link };
		outbox.enqueue(person == null ? null : person.id(), email,
				messages.getMessage(key + ".subject", args, locale),
				messages.getMessage(key + ".body", args, locale)
						+ (link == null ? messages.getMessage("mail.open-in-moodle", null, locale)
								: messages.getMessage("mail.link", args, locale)));
	}

	private String name(long personId) {
		return directory.person(personId).map(Person::label).orElse("");
	}

}
