package org.tandem.requests.attachments;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The names a zip file lists in its central directory, read without inflating anything:
 * telling a zip, a .docx or an .odt apart must cost nothing, even for a zip bomb. A zip
 * must start with an entry (or be empty): a page with a zip glued to its end is not one.
 *
 * @param names the entries' names, in the directory's order
 */
record ZipDirectory(List<String> names) {

	private static final int END_SIGNATURE = 0x06054b50;

	private static final int ENTRY_SIGNATURE = 0x02014b50;

	private static final int LOCAL_SIGNATURE = 0x04034b50;

	private static final int END_SIZE = 22;

	static Optional<ZipDirectory> read(byte[] zip) {
		if (zip.length < END_SIZE || (int32(zip, 0) != LOCAL_SIGNATURE && int32(zip, 0) != END_SIGNATURE)) {
			return Optional.empty();
		}
		// The end record closes the file, before a comment of at most 65535 bytes.
		for (int end = zip.length - END_SIZE; end >= Math.max(0, zip.length - END_SIZE - 0xFFFF); end--) {
			if (int32(zip, end) == END_SIGNATURE) {
				return entries(zip, int16(zip, end + 10), int32(zip, end + 16) & 0xFFFFFFFFL, end);
			}
		}
		return Optional.empty();
	}

	/**
	 * The content of the first entry when it has this name and is stored as is (how
	 * OpenDocument keeps its media type).
	 */
	static Optional<byte[]> firstStoredEntry(byte[] zip, String name) {
		if (zip.length < 30 || int32(zip, 0) != LOCAL_SIGNATURE || int16(zip, 8) != 0) {
			return Optional.empty();
		}
		long size = int32(zip, 18) & 0xFFFFFFFFL;
		int nameLength = int16(zip, 26);
		int start = 30 + nameLength + int16(zip, 28);
		if (30 + nameLength > zip.length || start + size > zip.length
				|| !name.equals(new String(zip, 30, nameLength, StandardCharsets.UTF_8))) {
			return Optional.empty();
		}
		return Optional.of(Arrays.copyOfRange(zip, start, start + (int) size));
	}

	private static Optional<ZipDirectory> entries(byte[] zip, int count, long offset, int end) {
		List<String> names = new ArrayList<>();
		int at = (int) Math.min(offset, Integer.MAX_VALUE);
		for (int i = 0; i < count; i++) {
			if (at + 46 > end || int32(zip, at) != ENTRY_SIGNATURE) {
				return Optional.empty();
			}
			int nameLength = int16(zip, at + 28);
			if (at + 46 + nameLength > end) {
				return Optional.empty();
			}
			names.add(new String(zip, at + 46, nameLength, StandardCharsets.UTF_8));
			at += 46 + nameLength + int16(zip, at + 30) + int16(zip, at + 32);
		}
		return Optional.of(new ZipDirectory(List.copyOf(names)));
	}

	private static int int16(byte[] bytes, int at) {
		return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8;
	}

	private static int int32(byte[] bytes, int at) {
		return (bytes[at] & 0xFF) | (bytes[at + 1] & 0xFF) << 8 | (bytes[at + 2] & 0xFF) << 16
				| (bytes[at + 3] & 0xFF) << 24;
	}

}
