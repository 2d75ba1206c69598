package org.tandem.requests.attachments;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Small files of each kind, as the applications that make them start them. */
public final class TestFiles {

	private TestFiles() {
	}

	public static byte[] pdf() {
		return "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
			.getBytes(StandardCharsets.US_ASCII);
	}

	public static byte[] pdf(int size) {
		byte[] bytes = new byte[size];
		byte[] start = pdf();
		System.arraycopy(start, 0, bytes, 0, Math.min(start.length, size));
		return bytes;
	}

	/** A web page with a script, as someone would rename it to get it through. */
	public static byte[] html() {
		return "<!DOCTYPE html><html><body><script>alert(document.domain)</script></body></html>"
			.getBytes(StandardCharsets.UTF_8);
	}

	public static byte[] docx() {
		return zip(false, "[Content_Types].xml", "<Types/>", "word/document.xml", "<w:document/>");
	}

	public static byte[] odt() {
		return zip(true, "mimetype", "application/vnd.oasis.opendocument.text", "content.xml", "<office/>");
	}

	public static byte[] zip(boolean firstStored, String... namesAndContents) {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (int i = 0; i < namesAndContents.length; i += 2) {
				byte[] content = namesAndContents[i + 1].getBytes(StandardCharsets.UTF_8);
				ZipEntry entry = new ZipEntry(namesAndContents[i]);
				if (firstStored && i == 0) {
					CRC32 crc = new CRC32();
					crc.update(content);
					entry.setMethod(ZipEntry.STORED);
					entry.setSize(content.length);
					entry.setCrc(crc.getValue());
				}
				zip.putNextEntry(entry);
				zip.write(content);
				zip.closeEntry();
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return bytes.toByteArray();
	}

}
