/**
 * The course in Moodle as Tandem sees it: snapshots, the changes between them, checks,
 * the engineers' reworks and the kind of help. It keeps its own row per course
 * ({@link org.tandem.artifacts.CourseKey}) and publishes
 * {@link org.tandem.artifacts.ReworkRecorded}.
 */
@ApplicationModule(displayName = "Course artifacts", allowedDependencies = { "moodle", "system" })
package org.tandem.artifacts;

import org.springframework.modulith.ApplicationModule;
