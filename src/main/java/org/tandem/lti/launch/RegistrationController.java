package org.tandem.lti.launch;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.system.CorrelationIdFilter;
import org.tandem.system.TandemProperties;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * LTI Advantage dynamic registration, which Moodle starts by opening the tool's
 * registration URL (or the URL typed as "Tool URL") with {@code openid_configuration} and
 * {@code registration_token}. Tandem does not support it yet: the administrator reads, in
 * their language, the values to register Tandem by hand, as the admin guide
 * ({@code lti-config/moodle/README.md}) gives them. 501, since the request is right and
 * Tandem lacks the feature.
 */
@Controller
class RegistrationController {

	private static final Logger log = LoggerFactory.getLogger(RegistrationController.class);

	private final TandemProperties tandem;

	RegistrationController(TandemProperties tandem) {
		this.tandem = tandem;
	}

	@GetMapping(path = "/lti/register")
	String register(@RequestParam(name = "openid_configuration", required = false) String configuration,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		// The registration token is a credential of the platform: never logged.
		log.warn("Refused a dynamic registration (platform configuration: {}): Tandem is registered by hand",
				configuration == null ? "none sent" : configuration);
		response.setStatus(HttpServletResponse.SC_NOT_IMPLEMENTED);
		model.addAttribute("toolUrl", tandem.url("/lti/launch"));
		model.addAttribute("loginUrl", tandem.url("/lti/login"));
		model.addAttribute("keySetUrl", tandem.url("/.well-known/jwks.json"));
		model.addAttribute(CorrelationIdFilter.ATTRIBUTE, request.getAttribute(CorrelationIdFilter.ATTRIBUTE));
		return "lti/registration";
	}

	/** Moodle's "Tool URL" registration opens the address the administrator typed. */
	@GetMapping(path = "/", params = "openid_configuration")
	String registerAtBaseUrl(@RequestParam(name = "openid_configuration") String configuration,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		return register(configuration, request, response, model);
	}

}
