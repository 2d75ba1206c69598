package org.tandem.artifacts;

/**
 * A course as this module knows it: enough to ask Moodle for it. Callers build it from
 * the course their launch or request is about; this module keeps its own row per course
 * and never reads another module's tables.
 *
 * @param id Tandem's id of the course
 * @param contextId the course's id in Moodle (the launch's {@code context.id})
 */
public record CourseKey(long id, long platformId, String contextId) {
}
