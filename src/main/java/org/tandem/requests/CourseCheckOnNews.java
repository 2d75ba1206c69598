package org.tandem.requests;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.artifacts.CourseCheck;
import org.tandem.artifacts.CourseChecks;

import org.springframework.scheduling.annotation.Async;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Looks at the course once a request is filed (the snapshot its changes are measured
 * from) and once it is resolved (what the work left). It runs after the teacher's or the
 * engineer's action is saved and answered, whatever Moodle does, and outside any
 * transaction, so that no database connection waits on Moodle.
 *
 * <p>
 * Not an {@code @ApplicationModuleListener}: that listener always runs in a transaction
 * scope, and even with propagation NOT_SUPPORTED a scope keeps the connection of its
 * first read bound to the thread until it ends, so through Moodle's calls. The
 * publication registry keeps the event until any after-commit listener has run, this one
 * too.
 */
@Component
class CourseCheckOnNews {

	private static final Logger log = LoggerFactory.getLogger(CourseCheckOnNews.class);

	private final CourseChecks checks;

	private final HelpDesk desk;

	private final RequestRepository requests;

	CourseCheckOnNews(CourseChecks checks, HelpDesk desk, RequestRepository requests) {
		this.checks = checks;
		this.desk = desk;
		this.requests = requests;
	}

	@Async
	@TransactionalEventListener
	void filed(RequestFiled filed) {
		check(filed.courseId());
	}

	@Async
	@TransactionalEventListener
	void resolved(RequestStatusChanged changed) {
		if (changed.to() == RequestStatus.RESOLVED) {
			requests.find(changed.requestId()).ifPresent(request -> check(request.courseId()));
		}
	}

	private void check(long courseId) {
		CourseCheck check = checks.check(desk.course(courseId));
		log.debug("Course {} checked: {}, {} changes", courseId, check.outcome(), check.newChanges());
	}

}
