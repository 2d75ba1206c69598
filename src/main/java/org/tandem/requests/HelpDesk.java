package org.tandem.requests;

import java.time.Clock;
import java.time.Instant;

import org.tandem.lti.Directory;
import org.tandem.lti.LaunchSession;
import org.tandem.lti.Role;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * What teachers and engineers do with requests, with who may do it. A teacher acts only on
 * requests of the course their launch made them Instructor of; an engineer on every request
 * of their platform. Anything else is "not found", so that ids reveal nothing.
 */
@Service
@Transactional
class HelpDesk {

	private final RequestRepository requests;

	private final TimeEntries time;

	private final Directory directory;

	private final RequestNotifications notifications;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	HelpDesk(RequestRepository requests, TimeEntries time, Directory directory, RequestNotifications notifications,
			ApplicationEventPublisher events, Clock clock) {
		this.requests = requests;
		this.time = time;
		this.directory = directory;
		this.notifications = notifications;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	HelpRequest visible(LaunchSession launch, long id) {
		return requests.find(id)
			.filter(r -> isEngineerOf(launch, r) || isTeacherOf(launch, r))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	static boolean isEngineerOf(LaunchSession launch, HelpRequest request) {
		return launch.has(Role.ENGINEER) && request.platformId() == launch.platformId();
	}

	static boolean isTeacherOf(LaunchSession launch, HelpRequest request) {
		return launch.has(Role.TEACHER) && request.courseId() == launch.courseId()
				&& request.platformId() == launch.platformId();
	}

	long file(LaunchSession launch, RequestForm form) {
		if (!launch.has(Role.TEACHER)) {
			throw new AccessDeniedException("Only the course's teachers file requests");
		}
		Instant now = clock.instant();
		long id = requests.insert(new HelpRequest(0, launch.platformId(), launch.courseId(), launch.personId(),
				launch.resourceLinkId(), form.topic().kind(), form.topic(), form.title().strip(), form.need().strip(),
				TimeEntries.blankToNull(form.audience()), TimeEntries.blankToNull(form.objectives()),
				TimeEntries.blankToNull(form.courseParts()), form.wishedDate(), form.workMode(), RequestStatus.NEW,
				null, null, now, now, null, now, true, null, null, null));
		requests.addEvent(id, launch.personId(), RequestRepository.EventType.CREATED, null, RequestStatus.NEW.name(),
				null, now);
		events.publishEvent(new RequestFiled(id, launch.platformId(), launch.courseId()));
		return id;
	}

	/** The teacher who filed it takes back a request nobody has taken yet. */
	void withdraw(LaunchSession launch, long id) {
		HelpRequest request = asRequester(launch, id);
		if (request.status() != RequestStatus.NEW || request.assigneeId() != null) {
			throw new RequestActionRefused(id, "request.refused.withdraw-taken");
		}
		moveStatus(launch, request, RequestStatus.NEW, RequestStatus.WITHDRAWN, null);
	}

	void reply(LaunchSession launch, long id, String body) {
		HelpRequest request = visible(launch, id);
		Instant now = clock.instant();
		if (request.status() == RequestStatus.WITHDRAWN || request.status() == RequestStatus.CLOSED
				|| request.status() == RequestStatus.DECLINED) {
			throw new RequestActionRefused(id, "request.refused.reply-ended");
		}
		requests.addMessage(id, launch.personId(), false, body.strip(), now);
		if (isEngineerOf(launch, request) && request.requesterId() != launch.personId()) {
			requests.engineerReplied(id, now);
			notifications.engineerReplied(request, launch.personId(), body.strip());
		}
		else {
			requests.teacherWrote(id, now);
			if (request.status() == RequestStatus.WAITING_FOR_TEACHER) {
				moveStatus(launch, request, RequestStatus.WAITING_FOR_TEACHER, RequestStatus.IN_PROGRESS, null);
			}
			notifications.teacherReplied(request, launch.personId(), body.strip());
		}
	}

	/** An internal note: only engineers ever see it. */
	void note(LaunchSession launch, long id, String body) {
		HelpRequest request = asEngineer(launch, id);
		requests.addMessage(id, launch.personId(), true, body.strip(), clock.instant());
		requests.touch(request.id(), clock.instant());
	}

	void take(LaunchSession launch, long id) {
		assign(launch, id, launch.personId());
	}

	/** Puts an engineer of the platform in charge; a new request becomes taken. */
	void assign(LaunchSession launch, long id, long engineerPersonId) {
		HelpRequest request = asEngineer(launch, id);
		if (!request.status().open()) {
			throw new RequestActionRefused(id, "request.refused.assign-ended");
		}
		boolean engineer = directory.engineers(launch.platformId())
			.stream()
			.anyMatch(e -> e.person() != null && e.person().id() == engineerPersonId);
		if (!engineer) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not an engineer of this platform");
		}
		Instant now = clock.instant();
		if (request.assigneeId() == null || request.assigneeId() != engineerPersonId) {
			requests.assign(id, engineerPersonId, now);
			requests.addEvent(id, launch.personId(), RequestRepository.EventType.ASSIGNEE,
					request.assigneeId() == null ? null : request.assigneeId().toString(),
					Long.toString(engineerPersonId), null, now);
			if (engineerPersonId != launch.personId()) {
				notifications.assigned(request, launch.personId(), engineerPersonId);
			}
		}
		if (request.status() == RequestStatus.NEW) {
			moveStatus(launch, request, RequestStatus.NEW, RequestStatus.TAKEN, null);
		}
	}

	/**
	 * Moves the request along its life, from the status the engineer saw.
	 *
	 * @param reason required to decline
	 */
	void move(LaunchSession launch, long id, RequestStatus seen, RequestStatus to, String reason) {
		HelpRequest request = asEngineer(launch, id);
		if (request.status() != seen || !seen.next().contains(to)) {
			throw new RequestActionRefused(id, "request.refused.changed");
		}
		if (to == RequestStatus.DECLINED && (reason == null || reason.isBlank())) {
			throw new RequestActionRefused(id, "request.refused.decline-reason");
		}
		if (to == RequestStatus.TAKEN && request.assigneeId() == null) {
			assign(launch, id, launch.personId());
			return;
		}
		moveStatus(launch, request, seen, to, reason == null || reason.isBlank() ? null : reason.strip());
	}

	/** The teacher who asked rates the help, once. */
	void rate(LaunchSession launch, long id, int rating, String comment) {
		HelpRequest request = asRequester(launch, id);
		if (!request.status().rateable()) {
			throw new RequestActionRefused(id, "request.refused.rate-open");
		}
		Instant now = clock.instant();
		if (!requests.rate(id, rating, TimeEntries.blankToNull(comment), now)) {
			throw new RequestActionRefused(id, "request.refused.rated");
		}
		requests.addEvent(id, launch.personId(), RequestRepository.EventType.RATED, null, Integer.toString(rating),
				null, now);
	}

	void logTime(LaunchSession launch, long id, TimeEntryForm entry) {
		HelpRequest request = asEngineer(launch, id);
		time.add(request.id(), launch.personId(), entry, clock.instant());
		requests.touch(request.id(), clock.instant());
	}

	private void moveStatus(LaunchSession launch, HelpRequest request, RequestStatus from, RequestStatus to,
			String reason) {
		Instant now = clock.instant();
		if (!requests.moveStatus(request.id(), from, to, reason, now)) {
			throw new RequestActionRefused(request.id(), "request.refused.changed");
		}
		requests.addEvent(request.id(), launch.personId(), RequestRepository.EventType.STATUS, from.name(), to.name(),
				reason, now);
		if (launch.personId() != request.requesterId()) {
			notifications.statusChanged(request, launch.personId(), to, reason);
		}
	}

	/**
	 * Withdrawing and rating belong to the teacher who asked: an engineer who is also
	 * Instructor of the course (as Moodle makes them) must not rate their own help.
	 */
	static boolean isRequester(LaunchSession launch, HelpRequest request) {
		return isTeacherOf(launch, request) && request.requesterId() == launch.personId();
	}

	private HelpRequest asRequester(LaunchSession launch, long id) {
		HelpRequest request = visible(launch, id);
		if (!isRequester(launch, request)) {
			throw new AccessDeniedException("Only the teacher who asked may do this");
		}
		return request;
	}

	private HelpRequest asEngineer(LaunchSession launch, long id) {
		HelpRequest request = visible(launch, id);
		if (!isEngineerOf(launch, request)) {
			throw new AccessDeniedException("Only engineers may do this");
		}
		return request;
	}

}
