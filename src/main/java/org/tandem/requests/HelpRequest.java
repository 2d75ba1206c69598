package org.tandem.requests;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.tandem.artifacts.HelpKind;

/**
 * A teacher's request for help on a course, as stored.
 *
 * @param need what the teacher wants, in their words
 * @param audience for whom: the learners, how many, their level
 * @param courseParts the parts of the course it concerns, in the teacher's words
 * @param awaitingReply the teacher wrote last (or just filed it): an engineer's answer is
 * awaited
 */
record HelpRequest(long id, long platformId, long courseId, long requesterId, String resourceLinkId, HelpKind kind,
		Topic topic, String title, String need, String audience, String objectives, String courseParts,
		LocalDate wishedDate, WorkMode workMode, RequestStatus status, Long assigneeId, String declineReason,
		Instant createdAt, Instant lastActivityAt, Instant firstResponseAt, Instant lastTeacherMessageAt,
		boolean awaitingReply, Integer rating, String ratingComment, Instant ratedAt) {

	/**
	 * How long the teacher waited for a first answer, or has waited so far: the clock
	 * runs from filing to the first reply only while the request is open. Withdrawn,
	 * declined or resolved, nobody is expected to answer, so those stretches do not
	 * count; it runs again from a reopening.
	 * @param history the request's events in their order (its status changes count)
	 */
	Duration firstAnswerWait(List<RequestRepository.Event> history, Instant now) {
		Instant end = firstResponseAt != null ? firstResponseAt : now;
		Duration waited = Duration.ZERO;
		Instant runningSince = createdAt;
		for (RequestRepository.Event event : history) {
			if (event.type() != RequestRepository.EventType.STATUS || !event.createdAt().isBefore(end)) {
				continue;
			}
			boolean open = RequestStatus.valueOf(event.to()).open();
			if (!open && runningSince != null) {
				waited = waited.plus(Duration.between(runningSince, event.createdAt()));
				runningSince = null;
			}
			else if (open && runningSince == null) {
				runningSince = event.createdAt();
			}
		}
		return runningSince == null ? waited : waited.plus(Duration.between(runningSince, end));
	}

	/** Since the teacher last wrote, when they wrote last and wait for an answer. */
	Duration sinceTeacherWrote(Instant now) {
		return awaitingReply && lastTeacherMessageAt != null && status.open()
				? Duration.between(lastTeacherMessageAt, now) : null;
	}

	/**
	 * The day the teacher wished is past and the request is not resolved (nor closed,
	 * declined or withdrawn).
	 */
	boolean overdue(LocalDate today) {
		return wishedDate != null && wishedDate.isBefore(today) && status.open();
	}

	boolean unassigned() {
		return assigneeId == null;
	}

}
