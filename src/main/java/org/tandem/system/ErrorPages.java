package org.tandem.system;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.stereotype.Controller;
import org.springframework.validation.BindException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Every error a person can meet ends on a page in their language with the correlation id;
 * never a stack trace. Expected failures (a wrong method, a missing parameter) keep their
 * 4xx status; anything else is logged with its stack trace and shown as a 500 page.
 */
@Controller
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorPages implements ErrorController {

	private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

	/** The statuses with words of their own; others say what 400 or 500 say. */
	private static final Set<Integer> KNOWN = Set.of(401, 403, 404, 405, 413);

	@ExceptionHandler(Exception.class)
	ModelAndView failed(Exception ex, HttpServletRequest request, HttpServletResponse response) throws Exception {
		if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
			throw ex; // Spring Security answers these with the 403 or 401 page
		}
		int status = 500;
		if (ex instanceof ErrorResponse error) {
			status = error.getStatusCode().value();
			log.info("{} on {} {}: {}", status, request.getMethod(), request.getRequestURI(), ex.getMessage());
		}
		else if (ex instanceof TypeMismatchException || ex instanceof BindException
				|| ex instanceof HttpMessageNotReadableException) {
			// A value the browser should never send (a word where an id goes): the
			// request is wrong.
			status = 400;
			log.info("400 on {} {}: {}", request.getMethod(), request.getRequestURI(), ex.getMessage());
		}
		else {
			log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
		}
		response.setStatus(status);
		return page(status, request);
	}

	/**
	 * The container's error dispatch: {@code sendError} (a refused session, a role, a
	 * form too large), or an exception outside Spring MVC. Each gets its log line, with
	 * the reference the page shows.
	 */
	@RequestMapping("/error")
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer value ? value : 500;
		Object uri = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
		Object detail = request.getAttribute(RequestDispatcher.ERROR_MESSAGE);
		String method = TypedText.method(request);
		if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown) {
			log.error("Unexpected error on {} {}", method, uri, thrown);
		}
		else if (status == HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE) {
			log.warn("413 on {} {}: {}", method, uri, detail);
		}
		else {
			log.info("{} on {} {}: {}", status, method, uri, detail);
		}
		response.setStatus(status);
		response.setContentType("text/html;charset=UTF-8");
		ModelAndView page = page(status, request);
		if (request.getAttribute(ErrorReason.ATTRIBUTE) instanceof String key) {
			page.addObject("key", key);
		}
		page.addObject("typed", TypedText.of(request));
		if (status != HttpServletResponse.SC_UNAUTHORIZED) {
			// Back to the form, with the session its address carries; a new launch for a
			// session that ended.
			page.addObject("back", sameOriginReferer(request));
		}
		return page;
	}

	private static ModelAndView page(int status, HttpServletRequest request) {
		Map<String, Object> model = new HashMap<>();
		model.put("status", status);
		model.put("key", "error." + (KNOWN.contains(status) ? status : status >= 500 ? 500 : 400));
		model.put(CorrelationIdFilter.ATTRIBUTE, String.valueOf(request.getAttribute(CorrelationIdFilter.ATTRIBUTE)));
		return new ModelAndView("error", model);
	}

	/**
	 * The Tandem page the form was on: browsers send it to the same origin only
	 * ({@code Referrer-Policy: same-origin}).
	 */
	private static String sameOriginReferer(HttpServletRequest request) {
		String referer = request.getHeader("Referer");
		String origin = ServletUriComponentsBuilder.fromContextPath(request).replacePath(null).toUriString() + "/";
		return referer != null && referer.startsWith(origin) ? referer : null;
	}

}
