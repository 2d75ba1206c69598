package org.tandem.requests;

import org.tandem.lti.PlatformRegistry;

import org.springframework.context.annotation.Bean;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.server.ResponseStatusException;

/**
 * The link of an e-mail: it needs no session, notes which request its recipient wants,
 * and sends them to the Tandem activity of the course in Moodle, whose launch brings them
 * to the request.
 */
@Controller
class OpenLinkController {

	private final OpenLinks links;

	private final RequestRepository requests;

	private final PlatformRegistry platforms;

	private final org.tandem.lti.Directory directory;

	OpenLinkController(OpenLinks links, RequestRepository requests, PlatformRegistry platforms,
			org.tandem.lti.Directory directory) {
		this.links = links;
		this.requests = requests;
		this.platforms = platforms;
		this.directory = directory;
	}

	@GetMapping("/open/{token}")
	String open(@PathVariable String token) {
		HelpRequest request = links.click(token)
			.flatMap(requests::find)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		var platform = platforms.byId(request.platformId())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		String site = platform.siteUrl().toString().replaceAll("/$", "");
		if (request.resourceLinkId() != null) {
			// Moodle's LTI activity by instance id, which is the launch's resource link
			// id.
			return "redirect:" + site + "/mod/lti/view.php?l=" + request.resourceLinkId();
		}
		String contextId = directory.courses(java.util.List.of(request.courseId())).get(request.courseId()).contextId();
		return "redirect:" + platform.courseUrl(contextId);
	}

	/** Open to all, without a session: the token alone decides, and it opens nothing. */
	@Bean
	@Order(2)
	static SecurityFilterChain openLinkSecurity(HttpSecurity http) throws Exception {
		return http.securityMatcher("/open/**")
			.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
			.csrf(AbstractHttpConfigurer::disable)
			.requestCache(cache -> cache.disable())
			.build();
	}

}
