package org.tandem.requests;

/**
 * Published when a teacher files a request: engineers are told, the course is looked at.
 */
public record RequestFiled(long requestId, long platformId, long courseId) {
}
