package org.tandem.lti.launch;

import java.util.Arrays;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.system.CorrelationIdFilter;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Every refused login or launch ends on a page in the user's language that says what went
 * wrong and what the Moodle administrator should check, with the correlation id that the
 * log line carries too.
 */
@ControllerAdvice(assignableTypes = { LoginController.class, LaunchController.class })
class LaunchRefusalPages {

	private static final Logger log = LoggerFactory.getLogger(LaunchRefusalPages.class);

	private final MessageSource messages;

	LaunchRefusalPages(MessageSource messages) {
		this.messages = messages;
	}

	@ExceptionHandler(LaunchRefusedException.class)
	String refused(LaunchRefusedException ex, Model model, HttpServletRequest request, HttpServletResponse response) {
		LaunchProblem problem = ex.problem();
		log.warn("Launch refused: {} {}{}", problem, Arrays.toString(ex.arguments()),
				ex.getCause() == null ? "" : " (" + ex.getCause().getMessage() + ")");
		Locale locale = LocaleContextHolder.getLocale();
		response.setStatus(problem.status().value());
		model.addAttribute("problemTitle", messages.getMessage(problem.key() + ".title", null, locale));
		model.addAttribute("problemDetail", messages.getMessage(problem.key() + ".detail", ex.arguments(), locale));
		model.addAttribute("adminHint", messages.getMessage(problem.key() + ".admin", ex.arguments(), null, locale));
		model.addAttribute("correlationId", request.getAttribute(CorrelationIdFilter.ATTRIBUTE));
		return "lti/refused";
	}

}
