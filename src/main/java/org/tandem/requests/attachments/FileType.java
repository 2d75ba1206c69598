package org.tandem.requests.attachments;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The kinds of file a request, a reply or a note may carry: what a syllabus or last
 * year's exam comes as. A file is of a type when its name ends with one of the type's
 * extensions and its first bytes are what such a file starts with, so that a web page
 * renamed {@code .pdf} is refused. Each type is served with its own media type, never the
 * one the uploader's browser claimed. No type a browser runs (HTML, SVG) is here.
 */
public enum FileType {

	PDF("application/pdf", FileType::isPdf, "pdf"),

	DOC("application/msword", FileType::isOle2, "doc"),

	XLS("application/vnd.ms-excel", FileType::isOle2, "xls"),

	PPT("application/vnd.ms-powerpoint", FileType::isOle2, "ppt"),

	DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", ooxml("word/"), "docx"),

	XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ooxml("xl/"), "xlsx"),

	PPTX("application/vnd.openxmlformats-officedocument.presentationml.presentation", ooxml("ppt/"), "pptx"),

	ODT("application/vnd.oasis.opendocument.text", openDocument("text"), "odt"),

	ODS("application/vnd.oasis.opendocument.spreadsheet", openDocument("spreadsheet"), "ods"),

	ODP("application/vnd.oasis.opendocument.presentation", openDocument("presentation"), "odp"),

	PNG("image/png", starts(0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A), "png"),

	JPEG("image/jpeg", starts(0xFF, 0xD8, 0xFF), "jpg", "jpeg"),

	GIF("image/gif", bytes -> starts("GIF87a").test(bytes) || starts("GIF89a").test(bytes), "gif"),

	WEBP("image/webp", bytes -> starts("RIFF").test(bytes) && at(bytes, 8, "WEBP"), "webp"),

	TXT("text/plain", FileType::isPlainText, "txt"),

	ZIP("application/zip", bytes -> ZipDirectory.read(bytes).isPresent(), "zip");

	private final String mediaType;

	private final Predicate<byte[]> content;

	private final List<String> extensions;

	FileType(String mediaType, Predicate<byte[]> content, String... extensions) {
		this.mediaType = mediaType;
		this.content = content;
		this.extensions = List.of(extensions);
	}

	/** What the download says it is. */
	public String mediaType() {
		return mediaType;
	}

	public List<String> extensions() {
		return extensions;
	}

	/** The type a file name claims, whatever the file holds. */
	static Optional<FileType> named(String fileName) {
		int dot = fileName.lastIndexOf('.');
		if (dot < 0) {
			return Optional.empty();
		}
		String extension = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
		return Arrays.stream(values()).filter(type -> type.extensions.contains(extension)).findFirst();
	}

	/** Whether the bytes are what a file of this type starts with (or is made of). */
	boolean holds(byte[] bytes) {
		return content.test(bytes);
	}

	private static boolean isPdf(byte[] bytes) {
		return starts("%PDF-").test(bytes);
	}

	/** Word, Excel and PowerPoint before 2007: a compound file. */
	private static boolean isOle2(byte[] bytes) {
		return starts(0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1).test(bytes);
	}

	/** Office Open XML: a zip with its content types and the application's folder. */
	private static Predicate<byte[]> ooxml(String folder) {
		return bytes -> ZipDirectory.read(bytes)
			.filter(zip -> zip.names().contains("[Content_Types].xml")
					&& zip.names().stream().anyMatch(name -> name.startsWith(folder)))
			.isPresent();
	}

	/**
	 * OpenDocument: a zip whose first entry, stored uncompressed, is its media type (ODF
	 * 1.2, part 3, section 3.3).
	 */
	private static Predicate<byte[]> openDocument(String kind) {
		byte[] mimetype = ("application/vnd.oasis.opendocument." + kind).getBytes(StandardCharsets.US_ASCII);
		return bytes -> ZipDirectory.read(bytes).isPresent()
				&& Arrays.equals(ZipDirectory.firstStoredEntry(bytes, "mimetype").orElse(null), mimetype);
	}

	/**
	 * Text with no NUL byte that does not open as markup: a page or a script renamed
	 * {@code .txt} is refused, even though it would be served as text.
	 */
	private static boolean isPlainText(byte[] bytes) {
		for (byte b : bytes) {
			if (b == 0) {
				return false;
			}
		}
		String start = new String(bytes, 0, Math.min(bytes.length, 512), StandardCharsets.ISO_8859_1)
			.replace("\u00EF\u00BB\u00BF", "")
			.stripLeading()
			.toLowerCase(Locale.ROOT);
		return List.of("<!doctype", "<html", "<head", "<body", "<script", "<svg", "<?xml", "<iframe")
			.stream()
			.noneMatch(start::startsWith);
	}

	private static Predicate<byte[]> starts(String ascii) {
		return bytes -> at(bytes, 0, ascii);
	}

	private static Predicate<byte[]> starts(int... signature) {
		return bytes -> {
			if (bytes.length < signature.length) {
				return false;
			}
			for (int i = 0; i < signature.length; i++) {
				if ((bytes[i] & 0xFF) != signature[i]) {
					return false;
				}
			}
			return true;
		};
	}

	private static boolean at(byte[] bytes, int offset, String ascii) {
		byte[] expected = ascii.getBytes(StandardCharsets.US_ASCII);
		return bytes.length >= offset + expected.length
				&& Arrays.equals(bytes, offset, offset + expected.length, expected, 0, expected.length);
	}

}
