package org.tandem.requests.attachments;

/**
 * A file a request or one of its messages carries, as pages list it.
 *
 * @param messageId the reply or note it came with, null when it came with the request
 */
public record Attachment(long id, Long messageId, String fileName, FileType type, FileSize size) {
}
