package org.tandem.requests.attachments;

/**
 * A file that passed every check ({@link Attachments#accept}), ready to be stored with
 * its message. Only the checks make one, so that nothing else reaches the table.
 *
 * @param fileName the name it is stored and downloaded under, made harmless
 */
public final class Upload {

	private final String fileName;

	private final FileType type;

	private final byte[] content;

	Upload(String fileName, FileType type, byte[] content) {
		this.fileName = fileName;
		this.type = type;
		this.content = content;
	}

	public String fileName() {
		return fileName;
	}

	public FileType type() {
		return type;
	}

	byte[] content() {
		return content;
	}

}
