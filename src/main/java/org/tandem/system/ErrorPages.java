package org.tandem.system;

import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.webmvc.error.DefaultErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.web.error.ErrorAttributeOptions;
import org.springframework.context.annotation.Bean;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.ModelAndView;

/**
 * Every error a person can meet ends on a page in their language with the correlation id;
 * never a stack trace. Expected failures (a wrong method, a missing parameter) keep their
 * 4xx status; anything else is logged with its stack trace and shown as a 500 page.
 */
@ControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ErrorPages {

	private static final Logger log = LoggerFactory.getLogger(ErrorPages.class);

	@ExceptionHandler(Exception.class)
	ModelAndView failed(Exception ex, HttpServletRequest request, HttpServletResponse response) throws Exception {
		if (ex instanceof AccessDeniedException || ex instanceof AuthenticationException) {
			throw ex; // Spring Security answers these (403 page, or 401 page)
		}
		int status = 500;
		if (ex instanceof ErrorResponse error) {
			status = error.getStatusCode().value();
			log.info("{} {}: {}", status, request.getRequestURI(), ex.getMessage());
		}
		else {
			log.error("Unexpected error on {} {}", request.getMethod(), request.getRequestURI(), ex);
		}
		response.setStatus(status);
		return new ModelAndView("error", Map.of("status", status, CorrelationIdFilter.ATTRIBUTE,
				String.valueOf(request.getAttribute(CorrelationIdFilter.ATTRIBUTE))));
	}

	/** Adds the correlation id to what Spring Boot's error pages see. */
	@Bean
	static ErrorAttributes errorAttributes() {
		return new DefaultErrorAttributes() {
			@Override
			public Map<String, Object> getErrorAttributes(WebRequest request, ErrorAttributeOptions options) {
				Map<String, Object> attributes = super.getErrorAttributes(request, options);
				attributes.put(CorrelationIdFilter.ATTRIBUTE,
						request.getAttribute(CorrelationIdFilter.ATTRIBUTE, WebRequest.SCOPE_REQUEST));
				return attributes;
			}
		};
	}

}
