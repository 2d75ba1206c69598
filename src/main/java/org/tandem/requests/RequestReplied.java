package org.tandem.requests;

/**
 * Published when someone replies in a request's conversation (internal notes are not
 * news).
 *
 * @param messageId the reply, read with {@link Requests#reply}
 * @param byEngineer an engineer answered the teacher; otherwise the teacher wrote
 */
public record RequestReplied(long requestId, long authorId, long messageId, boolean byEngineer) {
}
