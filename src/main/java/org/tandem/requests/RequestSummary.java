package org.tandem.requests;

/**
 * What other modules may read of a request: enough to tell people about it.
 *
 * @param need what the teacher wants, in their words
 * @param assigneeId the engineer in charge, null while nobody is
 * @param resourceLinkId the Tandem activity it was filed from (Moodle: the activity's
 * instance id), null when unknown
 */
public record RequestSummary(long id, long platformId, long courseId, long requesterId, Long assigneeId, String title,
		String need, String resourceLinkId) {
}
