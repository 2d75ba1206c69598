package org.tandem.lti.launch;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.view.RedirectView;

/** OIDC third-party initiated login: Moodle posts it, other platforms may use GET. */
@Controller
class LoginController {

	private final Launches launches;

	LoginController(Launches launches) {
		this.launches = launches;
	}

	@RequestMapping(path = "/lti/login", method = { RequestMethod.GET, RequestMethod.POST })
	RedirectView login(@RequestParam(name = "iss", required = false) String issuer,
			@RequestParam(name = "login_hint", required = false) String loginHint,
			@RequestParam(name = "target_link_uri", required = false) String targetLinkUri,
			@RequestParam(name = "lti_message_hint", required = false) String messageHint,
			@RequestParam(name = "client_id", required = false) String clientId,
			@RequestParam(name = "lti_deployment_id", required = false) String deploymentId) {
		Launches.LoginInitiation login = new Launches.LoginInitiation(issuer, loginHint, targetLinkUri, messageHint,
				clientId, deploymentId);
		RedirectView redirect = new RedirectView(launches.login(login).toString());
		redirect.setExpandUriTemplateVariables(false);
		redirect.setPropagateQueryParams(false);
		return redirect;
	}

}
