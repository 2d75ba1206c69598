package org.tandem.requests.attachments;

import java.text.Normalizer;

/**
 * The name a file is kept under: what the person sees of the name they chose, with
 * nothing a path, a header or a shell could read as more than a name. Pages escape it as
 * any text; this keeps it safe where it is not a page (a saved file, a log line).
 */
final class FileNames {

	static final int MAX_LENGTH = 200;

	private FileNames() {
	}

	/**
	 * @param submitted the name the browser sent, which may hold a path (old browsers
	 * send {@code C:\Users\...})
	 * @return the name, or {@code ""} when nothing usable is left
	 */
	static String clean(String submitted) {
		String name = submitted == null ? "" : Normalizer.normalize(submitted, Normalizer.Form.NFC);
		name = name.substring(Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\')) + 1);
		StringBuilder kept = new StringBuilder();
		name.codePoints().forEach(c -> {
			boolean control = Character.isISOControl(c) || Character.getType(c) == Character.FORMAT;
			kept.appendCodePoint(control || "<>:\"/\\|?*".indexOf(c) >= 0 ? '_' : c);
		});
		// No hidden file, no "..", and no trailing dot or space, which Windows drops.
		name = kept.toString().replaceAll("^[.\\s]+", "").replaceAll("[.\\s]+$", "").strip();
		if (name.codePointCount(0, name.length()) > MAX_LENGTH) {
			int dot = name.lastIndexOf('.');
			String extension = dot > 0 && name.length() - dot <= 10 ? name.substring(dot) : "";
			name = name.substring(0, name.offsetByCodePoints(0, MAX_LENGTH - extension.length())) + extension;
		}
		return name;
	}

}
