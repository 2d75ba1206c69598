package org.tandem.demo;

import java.util.Arrays;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.context.annotation.Profile;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The demo platform's pages: a course page that frames Tandem, the OIDC authentication
 * endpoint that answers Tandem's login like Moodle's {@code /mod/lti/auth.php}, and the
 * platform's key set.
 */
@Controller
@Profile("demo")
class DemoController {

	private static final ObjectMapper JSON = JsonMapper.builder().build();

	private final DemoPlatform platform;

	private final DemoProperties properties;

	private final DemoCourseContents contents;

	private final DemoMessages messages;

	DemoController(DemoPlatform platform, DemoProperties properties, DemoCourseContents contents,
			DemoMessages messages) {
		this.platform = platform;
		this.properties = properties;
		this.contents = contents;
		this.messages = messages;
	}

	/**
	 * The course page. Served on the demo site only, so that Tandem is framed cross-site.
	 */
	@GetMapping("/demo")
	String course(@RequestParam(name = "locale", defaultValue = "fr") String locale, HttpServletRequest request,
			Model model) {
		if (!request.getServerName().equals(properties.siteUrl().getHost())) {
			return "redirect:" + properties.url(coursePath(locale));
		}
		String moodleLocale = locale.equals("en") ? "en" : "fr";
		model.addAttribute("course", DemoPlatform.COURSE);
		model.addAttribute("users", Arrays.asList(DemoUser.values()));
		model.addAttribute("moodleLocale", moodleLocale);
		model.addAttribute("loginUrl", platform.tandemUrl("/lti/login"));
		model.addAttribute("issuer", platform.issuer());
		model.addAttribute("targetLinkUri", platform.tandemUrl("/lti/launch"));
		model.addAttribute("clientId", DemoPlatform.CLIENT_ID);
		model.addAttribute("deploymentId", DemoPlatform.DEPLOYMENT_ID);
		model.addAttribute("messageHint", JSON
			.writeValueAsString(Map.of("cmid", 1, "launchid", "demo" + UUID.randomUUID(), "locale", moodleLocale)));
		model.addAttribute("sections", contents.sections());
		model.addAttribute("receivedMessages", messages.recent());
		return "demo/course";
	}

	/** The course page, in Moodle's language: French unless English is asked for. */
	static String coursePath(String locale) {
		return "en".equals(locale) ? "/demo?locale=en" : "/demo";
	}

	/**
	 * Moodle's links to the course and to its modules (get_contents gives these): back to
	 * the demo course.
	 */
	@GetMapping({ "/demo/course/view.php", "/demo/mod/{type}/view.php" })
	String courseLink() {
		return "redirect:" + properties.url("/demo");
	}

	/**
	 * The authentication request, checked as Moodle's auth.php checks it. A valid one
	 * posts a signed id_token to the redirect URI, from this site, as Moodle does.
	 */
	@GetMapping("/demo/auth")
	String authenticate(@RequestParam Map<String, String> params, Model model, HttpServletResponse response) {
		DemoUser user = DemoUser.byId(params.get("login_hint"));
		boolean valid = "openid".equals(params.get("scope")) && "id_token".equals(params.get("response_type"))
				&& "form_post".equals(params.get("response_mode"))
				&& (params.get("prompt") == null || "none".equals(params.get("prompt")))
				&& DemoPlatform.CLIENT_ID.equals(params.get("client_id"))
				&& platform.tandemUrl("/lti/launch").equals(params.get("redirect_uri")) && user != null
				&& params.get("nonce") != null && params.get("state") != null;
		if (!valid) {
			response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
			return "demo/invalid-request";
		}
		model.addAttribute("redirectUri", params.get("redirect_uri"));
		model.addAttribute("state", params.get("state"));
		model.addAttribute("idToken",
				platform.idToken(user, params.get("nonce"), locale(params.get("lti_message_hint"))));
		return "demo/post-token";
	}

	@GetMapping(path = "/demo/jwks.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	Map<String, Object> keys() {
		return platform.publicKeys().toJSONObject();
	}

	private static String locale(String messageHint) {
		try {
			Object locale = JSON.readValue(messageHint, Map.class).get("locale");
			return locale == null ? "fr" : locale.toString();
		}
		catch (RuntimeException ex) {
			return "fr";
		}
	}

}
