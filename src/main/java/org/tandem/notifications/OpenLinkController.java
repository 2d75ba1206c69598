package org.tandem.notifications;

import java.util.List;

import org.tandem.lti.Directory;
import org.tandem.lti.Platform;
import org.tandem.lti.PlatformRegistry;
import org.tandem.moodle.MoodleUrls;
import org.tandem.requests.RequestSummary;
import org.tandem.requests.Requests;

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

	private final Requests requests;

	private final PlatformRegistry platforms;

	private final Directory directory;

	OpenLinkController(OpenLinks links, Requests requests, PlatformRegistry platforms, Directory directory) {
		this.links = links;
		this.requests = requests;
		this.platforms = platforms;
		this.directory = directory;
	}

	@GetMapping("/open/{token}")
	String open(@PathVariable String token) {
		RequestSummary request = links.click(token)
			.flatMap(requests::find)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Platform platform = platforms.byId(request.platformId())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (request.resourceLinkId() != null) {
			return "redirect:" + MoodleUrls.ltiActivity(platform.siteUrl(), request.resourceLinkId());
		}
		String contextId = directory.courses(List.of(request.courseId())).get(request.courseId()).contextId();
		return "redirect:" + MoodleUrls.course(platform.siteUrl(), contextId);
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
