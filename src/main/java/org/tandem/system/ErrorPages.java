package org.tandem.system;

import java.util.Map;

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

	/** The container's error dispatch (sendError, or an exception outside Spring MVC). */
	@RequestMapping("/error")
	ModelAndView error(HttpServletRequest request, HttpServletResponse response) {
		Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
		int status = code instanceof Integer value ? value : 500;
		if (status >= 500 && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable thrown) {
			log.error("Unexpected error on {}", request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI), thrown);
		}
		response.setStatus(status);
		response.setContentType("text/html;charset=UTF-8");
		return page(status, request);
	}

	private static ModelAndView page(int status, HttpServletRequest request) {
		return new ModelAndView("error", Map.of("status", status, CorrelationIdFilter.ATTRIBUTE,
				String.valueOf(request.getAttribute(CorrelationIdFilter.ATTRIBUTE))));
	}

}
