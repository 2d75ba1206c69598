package org.tandem.artifacts;

import java.time.Instant;

/**
 * A stored snapshot of a course.
 *
 * @param takenAt when Moodle first showed the course this way
 * @param checkedAt when Moodle last showed it this way
 */
public record SnapshotRecord(long id, long courseId, Instant takenAt, Instant checkedAt, CourseSnapshot snapshot) {
}
