package org.tandem.artifacts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.stereotype.Component;

/**
 * Checks every course with open requests on a schedule, so that changes are found even
 * when nobody asks. One course at a time: Moodle is not hammered. A course that Moodle
 * showed less than half an interval ago is left for the next round: an engineer just
 * checked it, or another Tandem instance sharing the database did.
 */
@Component
class ScheduledCourseChecks {

	private static final Logger log = LoggerFactory.getLogger(ScheduledCourseChecks.class);

	private final CourseChecks checks;

	private final SnapshotStore store;

	private final List<WatchedCourses> watched;

	private final ArtifactsProperties properties;

	private final TaskScheduler scheduler;

	private final Clock clock;

	ScheduledCourseChecks(CourseChecks checks, SnapshotStore store, List<WatchedCourses> watched,
			ArtifactsProperties properties, TaskScheduler scheduler, Clock clock) {
		this.checks = checks;
		this.store = store;
		this.watched = watched;
		this.properties = properties;
		this.scheduler = scheduler;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void start() {
		if (properties.scheduledChecks()) {
			scheduler.scheduleWithFixedDelay(this::checkAll, clock.instant().plus(properties.checkInterval()),
					properties.checkInterval());
		}
	}

	/**
	 * Checks each watched course once; a course Moodle refuses does not stop the others.
	 */
	int checkAll() {
		int changes = 0;
		int failed = 0;
		Instant recently = clock.instant().minus(properties.checkInterval().dividedBy(2));
		List<CourseKey> courses = watched.stream()
			.flatMap(w -> w.toWatch().stream())
			.distinct()
			.filter(course -> store.latestHead(course.id()).map(h -> h.checkedAt().isBefore(recently)).orElse(true))
			.toList();
		for (CourseKey course : courses) {
			try {
				CourseCheck check = checks.check(course);
				changes += check.newChanges();
				failed += check.outcome() == CourseCheck.Outcome.FAILED ? 1 : 0;
			}
			catch (RuntimeException ex) {
				failed++;
				log.error("Checking course {} failed", course.id(), ex);
			}
		}
		log.info("Scheduled check of {} courses: {} changes found, {} could not be read", courses.size(), changes,
				failed);
		return changes;
	}

}
