package org.tandem.requests.attachments;

import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.web.util.UriUtils;

/**
 * A stored file on its way to the browser, which must save it, never show it nor run it:
 * {@code attachment}, the type's own media type, and {@code nosniff} so that the browser
 * does not guess another.
 */
public record Download(String fileName, FileType type, byte[] content) {

	public HttpHeaders headers() {
		HttpHeaders headers = new HttpHeaders();
		headers.setContentType(MediaType.parseMediaType(type.mediaType()));
		headers.setContentLength(content.length);
		headers.set(HttpHeaders.CONTENT_DISPOSITION, contentDisposition(fileName));
		headers.set("X-Content-Type-Options", "nosniff");
		return headers;
	}

	/**
	 * The name in UTF-8 (RFC 6266, RFC 8187), so that accents are kept, after a plain
	 * ASCII one for the rare client that reads no other.
	 */
	static String contentDisposition(String fileName) {
		String ascii = fileName.codePoints()
			.map(c -> c < 0x20 || c > 0x7E || c == '"' || c == '\\' ? '_' : c)
			.collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append)
			.toString();
		return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
				+ UriUtils.encode(fileName, StandardCharsets.UTF_8);
	}

}
