package org.tandem.system;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;

/**
 * What a person typed into a form Tandem could not take (too large, or sent once the
 * session had ended): the error page shows it to copy, so that nothing is lost. Only
 * typed text counts: not the form's security fields, nor what a list, a date or a number
 * field sends.
 */
final class TypedText {

	/** The fields of a form read by {@link OversizedForms}, Tomcat having refused it. */
	static final String ATTRIBUTE = TypedText.class.getName();

	/** {@code RequestDispatcher.ERROR_METHOD} of Servlet 6.1. */
	private static final String ERROR_METHOD = "jakarta.servlet.error.method";

	private static final List<String> TECHNICAL = List.of("_csrf", "session");

	/**
	 * A choice (ASSESSMENT), a box ticked, a number, a date: sent by a field, not typed.
	 */
	private static final Pattern CHOSEN = Pattern
		.compile("[A-Z][A-Z0-9_]*|true|false|on|-?[0-9]+|[0-9]{4}-[0-9]{2}-[0-9]{2}");

	private TypedText() {
	}

	/** The texts of the form this request posted, in the form's order. */
	static List<String> of(HttpServletRequest request) {
		if (request.getAttribute(ATTRIBUTE) instanceof Map<?, ?> read && fromTandemPage(request)) {
			@SuppressWarnings("unchecked")
			Map<String, List<String>> fields = (Map<String, List<String>>) read;
			return typed(fields);
		}
		if (!"POST".equals(method(request)) || !fromTandemPage(request)) {
			return List.of();
		}
		try {
			Map<String, List<String>> fields = new LinkedHashMap<>();
			request.getParameterMap().forEach((name, values) -> fields.put(name, List.of(values)));
			return typed(fields);
		}
		catch (IllegalStateException unreadable) {
			// Tomcat could not parse the body (a body without a length over the limit).
			return List.of();
		}
	}

	/**
	 * The method of the request that failed: an error dispatch is a GET (Servlet 6.1),
	 * with the original method in {@value #ERROR_METHOD}.
	 */
	static String method(HttpServletRequest request) {
		return request.getAttribute(ERROR_METHOD) instanceof String method ? method : request.getMethod();
	}

	/**
	 * Only a form of Tandem's own pages: another site's form would have its text shown as
	 * Tandem's. Browsers say where a request comes from ({@code Sec-Fetch-Site}).
	 */
	private static boolean fromTandemPage(HttpServletRequest request) {
		String site = request.getHeader("Sec-Fetch-Site");
		return site == null || site.equals("same-origin");
	}

	private static List<String> typed(Map<String, List<String>> fields) {
		List<String> texts = new ArrayList<>();
		fields.forEach((name, values) -> {
			if (!TECHNICAL.contains(name)) {
				values.stream().filter(v -> !v.isBlank() && !CHOSEN.matcher(v.strip()).matches()).forEach(texts::add);
			}
		});
		return texts;
	}

}
