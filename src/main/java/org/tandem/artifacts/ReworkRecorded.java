package org.tandem.artifacts;

/**
 * Published when an engineer records a rework for a request: an artifact of the course,
 * or work Moodle cannot see.
 *
 * @param name the artifact's name, or the title of the work outside Moodle
 * @param inMoodle false for work Moodle cannot see
 */
public record ReworkRecorded(long requestId, long engineerId, HelpKind kind, String name, boolean inMoodle) {
}
