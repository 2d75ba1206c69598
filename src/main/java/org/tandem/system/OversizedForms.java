package org.tandem.system;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A form over {@code server.tomcat.max-http-form-post-size} is answered with Tandem's 413
 * page before anything asks for a parameter. Left to Tomcat, the first
 * {@code getParameter} (the session's, in the first filter) throws, Tomcat logs a stack
 * trace without the request's reference and shows its own English page, and what the
 * person typed is gone. Here the body is read as far as Tomcat would swallow it
 * ({@code server.tomcat.max-swallow-size}), so that the page gives the text back.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class OversizedForms extends OncePerRequestFilter {

	private final long limit;

	private final int kept;

	OversizedForms(@Value("${server.tomcat.max-http-form-post-size:2MB}") DataSize limit,
			@Value("${server.tomcat.max-swallow-size:2MB}") DataSize kept) {
		this.limit = limit.toBytes();
		this.kept = (int) Math.min(Integer.MAX_VALUE - 8, Math.max(kept.toBytes(), limit.toBytes()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (isMultipart(request)) {
			multipart(request, response, chain);
			return;
		}
		long length = request.getContentLengthLong();
		if (limit < 0 || length <= limit || !isForm(request)) {
			chain.doFilter(request, response);
			return;
		}
		// Reading the body ourselves also keeps Tomcat from parsing it afterwards: the
		// error page's own parameters come from the query string alone.
		byte[] body = request.getInputStream().readNBytes(kept);
		request.setAttribute(TypedText.ATTRIBUTE, fields(body, body.length < length, charset(request)));
		ErrorReason.send(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, null,
				"a form of " + length + " bytes, over the limit of " + limit);
	}

	/**
	 * A form with files is parsed here, before the first {@code getParameter} would throw
	 * on a text over the limit or a file over {@code tandem.attachments}' limits. Its
	 * text cannot be given back: Tomcat has read the body. (The pages send a form without
	 * files as a plain form, whose text comes back.)
	 */
	private static void multipart(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			request.getParts();
		}
		catch (IllegalStateException unread) {
			if (!overLimit(unread)) {
				throw unread;
			}
			ErrorReason.send(request, response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, null,
					"a form with files of " + request.getContentLengthLong() + " bytes, over a limit: "
							+ unread.getMessage());
			return;
		}
		chain.doFilter(request, response);
	}

	/** Tomcat's words for a limit passed, whether on the text or on the files. */
	private static boolean overLimit(Throwable unread) {
		for (Throwable cause = unread; cause != null; cause = cause.getCause()) {
			String name = cause.getClass().getSimpleName();
			String message = String.valueOf(cause.getMessage());
			if (name.contains("LimitExceeded") || message.contains("maxPostSize") || message.contains("exceeds")) {
				return true;
			}
		}
		return false;
	}

	private static boolean isMultipart(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && type.toLowerCase(Locale.ROOT).startsWith("multipart/form-data");
	}

	private static boolean isForm(HttpServletRequest request) {
		String type = request.getContentType();
		return type != null && MediaType.APPLICATION_FORM_URLENCODED.isCompatibleWith(MediaType.parseMediaType(type));
	}

	private static Charset charset(HttpServletRequest request) {
		try {
			return request.getCharacterEncoding() == null ? StandardCharsets.UTF_8
					: Charset.forName(request.getCharacterEncoding());
		}
		catch (IllegalArgumentException unknown) {
			return StandardCharsets.UTF_8;
		}
	}

	/** The form's fields; a body cut short loses its last, partial field. */
	static Map<String, List<String>> fields(byte[] body, boolean cut, Charset charset) {
		String form = new String(body, StandardCharsets.ISO_8859_1);
		if (cut) {
			form = form.substring(0, Math.max(0, form.lastIndexOf('&')));
		}
		Map<String, List<String>> fields = new LinkedHashMap<>();
		for (String pair : form.split("&")) {
			int eq = pair.indexOf('=');
			if (eq <= 0) {
				continue;
			}
			try {
				fields.computeIfAbsent(URLDecoder.decode(pair.substring(0, eq), charset), name -> new ArrayList<>())
					.add(URLDecoder.decode(pair.substring(eq + 1), charset));
			}
			catch (IllegalArgumentException malformed) {
				// Not a browser's encoding: nothing a person typed.
			}
		}
		return fields;
	}

}
