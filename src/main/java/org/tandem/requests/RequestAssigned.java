package org.tandem.requests;

/**
 * Published when an engineer is put in charge of a request, by themselves or another.
 *
 * @param previousAssigneeId who was in charge before, null when nobody was
 */
public record RequestAssigned(long requestId, long actorId, Long previousAssigneeId, long assigneeId) {
}
