package org.tandem.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Gives every request a short id that appears on each log line it causes and on any error
 * page it ends on, so that a person can quote it and an operator find the log.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CorrelationIdFilter extends OncePerRequestFilter {

	public static final String ATTRIBUTE = "correlationId";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String id = (String) request.getAttribute(ATTRIBUTE);
		if (id == null) {
			id = RandomTokens.hex(6);
			request.setAttribute(ATTRIBUTE, id);
			response.setHeader("X-Correlation-Id", id);
		}
		MDC.put(ATTRIBUTE, id);
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(ATTRIBUTE);
		}
	}

	/** Error pages are rendered in a dispatch of their own: they need the id too. */
	@Override
	protected boolean shouldNotFilterErrorDispatch() {
		return false;
	}

}
