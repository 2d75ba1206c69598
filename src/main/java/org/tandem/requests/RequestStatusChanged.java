package org.tandem.requests;

/**
 * Published when a request moves along its life.
 *
 * @param reason why it was declined, else null
 */
public record RequestStatusChanged(long requestId, long actorId, RequestStatus from, RequestStatus to, String reason) {
}
