package org.tandem.requests;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.tandem.artifacts.Artifact;
import org.tandem.artifacts.CourseChange;
import org.tandem.artifacts.CourseHistory;
import org.tandem.artifacts.CourseKey;
import org.tandem.artifacts.HelpKind;
import org.tandem.artifacts.Reworks;
import org.tandem.lti.Directory;
import org.tandem.lti.LaunchSession;
import org.tandem.lti.Role;
import org.tandem.requests.attachments.Attachments;
import org.tandem.requests.attachments.Upload;
import org.tandem.requests.time.TimeEntries;
import org.tandem.requests.time.TimeEntryForm;
import org.tandem.system.Texts;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

/**
 * What teachers and engineers do with requests, with who may do it. A teacher acts only
 * on requests of the course their launch made them Instructor of; an engineer on every
 * request of their platform. Anything else is "not found", so that ids reveal nothing.
 * Each piece of news is published as an event, in the transaction that makes it: who is
 * told, and the course check after filing, listen to them.
 */
@Service
@Transactional
class HelpDesk {

	private final RequestRepository requests;

	private final TimeEntries time;

	private final Directory directory;

	private final RequestTargets targets;

	private final Reworks reworks;

	private final CourseHistory history;

	private final Attachments attachments;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	HelpDesk(RequestRepository requests, TimeEntries time, Directory directory, RequestTargets targets, Reworks reworks,
			CourseHistory history, Attachments attachments, ApplicationEventPublisher events, Clock clock) {
		this.requests = requests;
		this.time = time;
		this.directory = directory;
		this.targets = targets;
		this.reworks = reworks;
		this.history = history;
		this.attachments = attachments;
		this.events = events;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	HelpRequest visible(LaunchSession launch, long id) {
		return requests.find(id)
			.filter(r -> isEngineerOf(launch, r) || isTeacherOf(launch, r))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/**
	 * An engineer opens the request's page: what happened until now is no longer news to
	 * them in the queue. Its own statements, not in a transaction (see
	 * {@link RequestRepository#viewed}).
	 */
	@Transactional(propagation = Propagation.NOT_SUPPORTED)
	void opened(LaunchSession launch, HelpRequest request) {
		if (isEngineerOf(launch, request)) {
			requests.viewed(launch.personId(), request.id(), clock.instant());
		}
	}

	static boolean isEngineerOf(LaunchSession launch, HelpRequest request) {
		return launch.has(Role.ENGINEER) && request.platformId() == launch.platformId();
	}

	static boolean isTeacherOf(LaunchSession launch, HelpRequest request) {
		return launch.has(Role.TEACHER) && request.courseId() == launch.courseId()
				&& request.platformId() == launch.platformId();
	}

	/**
	 * Files the request with the parts of the course it is about (as the last snapshot
	 * has them). Once this is saved, the course is checked ({@link CourseCheckOnNews}):
	 * the snapshot the request's changes are measured from.
	 * @param filing the form it is filed from: filing it again is a
	 * {@link org.springframework.dao.DuplicateKeyException}, and nothing is filed
	 * @param files checked already; saved with the request, or nothing is
	 */
	long file(LaunchSession launch, RequestForm form, List<Artifact> parts, FilingToken filing, List<Upload> files) {
		if (!launch.has(Role.TEACHER)) {
			throw new AccessDeniedException("Only the course's teachers file requests");
		}
		Instant now = clock.instant();
		long id = requests.insert(new HelpRequest(0, launch.platformId(), launch.courseId(), launch.personId(),
				launch.resourceLinkId(), form.topic().kind(), form.topic(), form.title().strip(), form.need().strip(),
				Texts.blankToNull(form.audience()), Texts.blankToNull(form.objectives()),
				Texts.blankToNull(form.courseParts()), form.wishedDate(), form.workMode(), RequestStatus.NEW, null,
				null, now, now, null, now, true, null, null, null), filing);
		requests.addEvent(id, launch.personId(), RequestRepository.EventType.CREATED, null, RequestStatus.NEW.name(),
				null, now);
		targets.save(id, form.wholeCourse(), parts);
		attachments.store(id, null, launch.personId(), files, now);
		events.publishEvent(new RequestFiled(id, launch.platformId(), launch.courseId()));
		return id;
	}

	/** The request this teacher filed from this form, if they did. */
	@Transactional(readOnly = true)
	Optional<Long> filedFrom(LaunchSession launch, FilingToken filing) {
		return requests.filedFrom(launch.personId(), filing);
	}

	/** The teacher who filed it takes back a request nobody has taken yet. */
	void withdraw(LaunchSession launch, long id) {
		moveStatus(launch, withdrawable(launch, id), RequestStatus.NEW, RequestStatus.WITHDRAWN, null);
	}

	/**
	 * The request, if this teacher may withdraw it now: what the page that asks to
	 * confirm shows, refused as {@link #withdraw} would refuse it.
	 */
	@Transactional(readOnly = true)
	HelpRequest withdrawable(LaunchSession launch, long id) {
		HelpRequest request = asRequester(launch, id);
		if (request.status() != RequestStatus.NEW || request.assigneeId() != null) {
			throw new RequestActionRefused(id, "request.refused.withdraw-taken");
		}
		return request;
	}

	void reply(LaunchSession launch, long id, String body, List<Upload> files) {
		HelpRequest request = visible(launch, id);
		Instant now = clock.instant();
		if (request.status() == RequestStatus.WITHDRAWN) {
			throw new RequestActionRefused(id, "request.refused.reply-withdrawn");
		}
		if (request.status() == RequestStatus.CLOSED || request.status() == RequestStatus.DECLINED) {
			throw new RequestActionRefused(id, "request.refused.reply-ended");
		}
		long message = requests.addMessage(id, launch.personId(), false, body.strip(), now);
		attachments.store(id, message, launch.personId(), files, now);
		boolean byEngineer = isEngineerOf(launch, request) && request.requesterId() != launch.personId();
		if (byEngineer) {
			requests.engineerReplied(id, now);
		}
		else {
			requests.teacherWrote(id, now);
			if (request.status() == RequestStatus.WAITING_FOR_TEACHER) {
				moveStatus(launch, request, RequestStatus.WAITING_FOR_TEACHER, RequestStatus.IN_PROGRESS, null);
			}
		}
		events.publishEvent(new RequestReplied(id, launch.personId(), message, byEngineer));
	}

	/** An internal note: only engineers ever see it, nor its files. */
	void note(LaunchSession launch, long id, String body, List<Upload> files) {
		HelpRequest request = asEngineer(launch, id);
		Instant now = clock.instant();
		long note = requests.addMessage(id, launch.personId(), true, body.strip(), now);
		attachments.store(id, note, launch.personId(), files, now);
		requests.touch(request.id(), now);
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
			events.publishEvent(new RequestAssigned(id, launch.personId(), request.assigneeId(), engineerPersonId));
		}
		if (request.status() == RequestStatus.NEW) {
			moveStatus(launch, request, RequestStatus.NEW, RequestStatus.TAKEN, null);
		}
	}

	/**
	 * Moves the request along its life, from the status the engineer saw.
	 * @param reason required to decline
	 */
	void move(LaunchSession launch, long id, RequestStatus seen, RequestStatus to, String reason) {
		HelpRequest request = movable(launch, id, seen, to, reason);
		if (to == RequestStatus.TAKEN && request.assigneeId() == null) {
			assign(launch, id, launch.personId());
			return;
		}
		moveStatus(launch, request, seen, to, Texts.blankToNull(reason));
	}

	/**
	 * The request, if this engineer may move it so now: what the page that asks to
	 * confirm a decline shows, refused as {@link #move} would refuse it.
	 */
	@Transactional(readOnly = true)
	HelpRequest movable(LaunchSession launch, long id, RequestStatus seen, RequestStatus to, String reason) {
		HelpRequest request = asEngineer(launch, id);
		if (request.status() != seen || !seen.next().contains(to)) {
			throw new RequestActionRefused(id, "request.refused.changed");
		}
		if (to == RequestStatus.DECLINED && (reason == null || reason.isBlank())) {
			throw new RequestActionRefused(id, "request.refused.decline-reason");
		}
		return request;
	}

	/**
	 * Takes up again a request that ended: the teacher who asked their withdrawn one, an
	 * engineer a declined one (as each ended it), from the status they saw.
	 */
	void reopen(LaunchSession launch, long id, RequestStatus seen) {
		HelpRequest request = visible(launch, id);
		if (!mayReopen(launch, request)) {
			throw new AccessDeniedException(
					"Only the teacher who asked reopens a withdrawn request, an engineer a declined one");
		}
		RequestStatus to = seen.reopenedTo(request.assigneeId() != null);
		if (request.status() != seen || to == null) {
			throw new RequestActionRefused(id, "request.refused.changed");
		}
		moveStatus(launch, request, seen, to, null);
	}

	/** Who may reopen this request as it stands. */
	static boolean mayReopen(LaunchSession launch, HelpRequest request) {
		return switch (request.status()) {
			case WITHDRAWN -> isRequester(launch, request);
			case DECLINED -> isEngineerOf(launch, request);
			default -> false;
		};
	}

	/** The teacher who asked rates the help, once. */
	void rate(LaunchSession launch, long id, int rating, String comment) {
		HelpRequest request = asRequester(launch, id);
		if (!request.status().rateable()) {
			throw new RequestActionRefused(id, "request.refused.rate-open");
		}
		Instant now = clock.instant();
		if (!requests.rate(id, rating, Texts.blankToNull(comment), now)) {
			throw new RequestActionRefused(id, "request.refused.rated");
		}
		requests.addEvent(id, launch.personId(), RequestRepository.EventType.RATED, null, Integer.toString(rating),
				null, now);
	}

	void logTime(LaunchSession launch, long id, TimeEntryForm entry) {
		HelpRequest request = asEngineer(launch, id);
		time.add(request.id(), launch.personId(), entry, clock.instant());
		requests.touch(request.id(), clock.instant());
		events.publishEvent(
				new TimeLogged(request.id(), launch.personId(), entry.workDate(), entry.minutes(), entry.kind()));
	}

	/**
	 * The course an engineer may look at, as Moodle has it now, for this request. The
	 * caller checks it outside any transaction scope, which HelpDesk cannot give: even
	 * with propagation NOT_SUPPORTED, a scope keeps the connection of its first read
	 * bound to the thread until it ends, so through both of Moodle's time-outs.
	 */
	@Transactional(readOnly = true)
	CourseKey courseToCheck(LaunchSession launch, long id) {
		return course(asEngineer(launch, id).courseId());
	}

	/** The engineer says a change found in the course is their work for this request. */
	void rework(LaunchSession launch, long id, long changeId, HelpKind kind, String note) {
		HelpRequest request = asEngineer(launch, id);
		CourseChange change = changeSinceFiled(request, changeId);
		Instant now = clock.instant();
		if (reworks.reviews(id).containsKey(changeId)
				|| !reworks.fromChange(id, launch.personId(), change, kind, Texts.blankToNull(note), now)) {
			throw new RequestActionRefused(id, "rework.refused.reviewed");
		}
		reworked(launch, request, change.name(), now);
	}

	/**
	 * The engineer says a change found in the course is not their work for this request.
	 */
	void notMine(LaunchSession launch, long id, long changeId) {
		HelpRequest request = asEngineer(launch, id);
		changeSinceFiled(request, changeId);
		if (reworks.reviews(id).containsKey(changeId)
				|| !reworks.dismiss(id, changeId, launch.personId(), clock.instant())) {
			throw new RequestActionRefused(id, "rework.refused.reviewed");
		}
	}

	/**
	 * Work Moodle cannot see: a scenario document, a meeting, an artifact outside Moodle.
	 */
	void reworkOutside(LaunchSession launch, long id, OutsideReworkForm form) {
		HelpRequest request = asEngineer(launch, id);
		Instant now = clock.instant();
		reworks.outside(id, launch.personId(), form.title().strip(), Texts.blankToNull(form.link()), form.kind(),
				Texts.blankToNull(form.note()), now);
		reworked(launch, request, form.title().strip(), now);
	}

	private void reworked(LaunchSession launch, HelpRequest request, String name, Instant now) {
		if (request.status() == RequestStatus.WITHDRAWN) {
			throw new RequestActionRefused(request.id(), "rework.refused.withdrawn");
		}
		requests.addEvent(request.id(), launch.personId(), RequestRepository.EventType.REWORK, null, name, null, now);
		requests.touch(request.id(), now);
	}

	/** Only a change found after the request was filed can be its work. */
	private CourseChange changeSinceFiled(HelpRequest request, long changeId) {
		return history.change(request.courseId(), changeId)
			.filter(c -> c.detectedAt().isAfter(request.createdAt()))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	/** The course as the artifacts module knows courses. */
	CourseKey course(long courseId) {
		Directory.CourseRef course = directory.courses(List.of(courseId)).get(courseId);
		return new CourseKey(course.id(), course.platformId(), course.contextId());
	}

	private void moveStatus(LaunchSession launch, HelpRequest request, RequestStatus from, RequestStatus to,
			String reason) {
		Instant now = clock.instant();
		if (!requests.moveStatus(request.id(), from, to, reason, now)) {
			throw new RequestActionRefused(request.id(), "request.refused.changed");
		}
		requests.addEvent(request.id(), launch.personId(), RequestRepository.EventType.STATUS, from.name(), to.name(),
				reason, now);
		events.publishEvent(new RequestStatusChanged(request.id(), launch.personId(), from, to, reason));
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
