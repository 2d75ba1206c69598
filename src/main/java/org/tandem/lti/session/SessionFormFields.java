package org.tandem.lti.session;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.servlet.support.RequestDataValueProcessor;

/**
 * Gives every GET form of a page the session id as a hidden field. A browser drops the
 * query string of a GET form's {@code action} and sends the form's fields instead, so the
 * {@code session} parameter {@link SessionLinks} put there would be lost (the queue's
 * filter and an answer template's "Use" once lost the session that way). POST forms keep
 * their action's query string and need nothing more, multipart ones (forms with files)
 * too: the session is read from the query string before the body is, and the CSRF token
 * from the body's parts, which the servlet container reads for Spring Security's filter
 * as it does a plain form's fields. It wraps Spring Security's processor, which adds the
 * CSRF token, the same hook Thymeleaf calls for every {@code th:action} form.
 */
final class SessionFormFields implements RequestDataValueProcessor {

	private static final String GET_FORM = SessionFormFields.class.getName() + ".GET_FORM";

	private final RequestDataValueProcessor delegate;

	SessionFormFields(RequestDataValueProcessor delegate) {
		this.delegate = delegate;
	}

	@Override
	public String processAction(HttpServletRequest request, String action, String method) {
		request.setAttribute(GET_FORM, "GET".equalsIgnoreCase(method));
		return delegate.processAction(request, action, method);
	}

	@Override
	public String processFormFieldValue(HttpServletRequest request, String name, String value, String type) {
		return delegate.processFormFieldValue(request, name, value, type);
	}

	@Override
	public Map<String, String> getExtraHiddenFields(HttpServletRequest request) {
		Map<String, String> fields = new LinkedHashMap<>();
		Map<String, String> delegated = delegate.getExtraHiddenFields(request);
		if (delegated != null) {
			fields.putAll(delegated);
		}
		HttpSession session = request.getSession(false);
		if (Boolean.TRUE.equals(request.getAttribute(GET_FORM)) && session != null) {
			fields.put(PageSessionIdResolver.PARAMETER, session.getId());
		}
		request.removeAttribute(GET_FORM);
		return fields;
	}

	@Override
	public String processUrl(HttpServletRequest request, String url) {
		return delegate.processUrl(request, url);
	}

}
