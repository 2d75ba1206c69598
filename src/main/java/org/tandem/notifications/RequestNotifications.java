package org.tandem.notifications;

import java.util.List;

import org.tandem.artifacts.ReworkRecorded;
import org.tandem.lti.Directory;
import org.tandem.lti.Directory.Person;
import org.tandem.requests.RequestAssigned;
import org.tandem.requests.RequestFiled;
import org.tandem.requests.RequestReplied;
import org.tandem.requests.RequestStatusChanged;
import org.tandem.requests.RequestSummary;
import org.tandem.requests.Requests;
import org.tandem.system.TandemProperties;

import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.event.TransactionalEventListener;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Who is told what, in their own language (that of their last launch): the platform's
 * engineers of a new request, the teacher of an engineer's reply, a change of status or a
 * rework, the engineer in charge of the teacher's reply or of being put in charge. Each
 * person is told on one channel ({@link Recipients}), and what happens to them within a
 * few minutes comes as one message ({@link Batches}). Each notification carries a link
 * that opens the request through Moodle, where they reply.
 *
 * <p>
 * Each listener runs once the action is saved, in a transaction of its own that writes
 * the outbox; the event stays in the publication registry until then, so a crash in
 * between loses no notification.
 */
@Component
class RequestNotifications {

	private final Directory directory;

	private final Requests requests;

	private final Recipients recipients;

	private final Batches batches;

	private final OpenLinks links;

	private final MessageSource messages;

	private final TandemProperties tandem;

	private final TransactionTemplate transaction;

	RequestNotifications(Directory directory, Requests requests, Recipients recipients, Batches batches,
			OpenLinks links, MessageSource messages, TandemProperties tandem, PlatformTransactionManager transactions) {
		this.directory = directory;
		this.requests = requests;
		this.recipients = recipients;
		this.batches = batches;
		this.links = links;
		this.messages = messages;
		this.tandem = tandem;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * Not an {@code @ApplicationModuleListener}: finding where to tell engineers may ask
	 * Moodle for their addresses, and no database connection waits on Moodle (see
	 * {@code CourseCheckOnNews}). The outbox is written in one transaction after.
	 */
	@Async
	@TransactionalEventListener
	void filed(RequestFiled filed) {
		RequestSummary request = requests.find(filed.requestId()).orElseThrow();
		String teacher = name(request.requesterId());
		List<Address> addresses = directory.engineers(filed.platformId())
			.stream()
			.flatMap(engineer -> recipients.engineer(filed.platformId(), engineer).stream())
			.distinct()
			.toList();
		transaction.executeWithoutResult(
				status -> addresses.forEach(address -> tell(address, request, "filed", teacher, request.need())));
	}

	@ApplicationModuleListener
	void replied(RequestReplied replied) {
		RequestSummary request = requests.find(replied.requestId()).orElseThrow();
		String body = requests.reply(replied.requestId(), replied.messageId()).orElseThrow();
		if (replied.byEngineer()) {
			tell(request.requesterId(), request, "engineer-replied", name(replied.authorId()), body);
		}
		else if (request.assigneeId() != null && request.assigneeId() != replied.authorId()) {
			tell(request.assigneeId(), request, "teacher-replied", name(replied.authorId()), body);
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
			tell(teacher, request, "status-changed", name(changed.actorId()),
					changed.reason() == null ? statusName : statusName + " — " + changed.reason());
		});
	}

	@ApplicationModuleListener
	void assigned(RequestAssigned assigned) {
		if (assigned.assigneeId() == assigned.actorId()) {
			return;
		}
		RequestSummary request = requests.find(assigned.requestId()).orElseThrow();
		tell(assigned.assigneeId(), request, "assigned", name(assigned.actorId()), request.need());
	}

	@ApplicationModuleListener
	void reworked(ReworkRecorded rework) {
		RequestSummary request = requests.find(rework.requestId()).orElseThrow();
		if (rework.engineerId() != request.requesterId()) {
			tell(request.requesterId(), request, "reworked", name(rework.engineerId()), rework.name());
		}
	}

	private void tell(long personId, RequestSummary request, String event, String actor, String detail) {
		directory.person(personId).ifPresent(person -> tell(person, request, event, actor, detail));
	}

	/** Nobody Tandem cannot reach is told: the request's page shows all. */
	private void tell(Person person, RequestSummary request, String event, String actor, String detail) {
		recipients.of(person).ifPresent(address -> tell(address, request, event, actor, detail));
	}

	/**
	 * @param detail what was said or decided, quoted
	 */
	private void tell(Address address, RequestSummary request, String event, String actor, String detail) {
		String course = directory.courses(List.of(request.courseId())).get(request.courseId()).display();
		String link = address.recipientId() == null ? null
				: tandem.url("/open/" + links.create(address.recipientId(), request.id()));
		batches.add(address, new Notice(event, actor, request.title(), course, detail, link));
	}

	private String name(long personId) {
		return directory.person(personId).map(Person::label).orElse("");
	}

}
