package org.tandem.moodle;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What {@code core_webservice_get_site_info} says of the site and of the token's service.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SiteInfo(String sitename, String siteurl, String release, String username, List<Function> functions) {

	/** The functions Tandem calls, all of which the service must offer. */
	public static final List<String> NEEDED = List.of("core_webservice_get_site_info", "core_course_get_contents",
			"core_course_get_updates_since", "core_message_send_instant_messages");

	public SiteInfo {
		functions = functions == null ? List.of() : List.copyOf(functions);
	}

	/** The functions Tandem needs that the token's service lacks. */
	public List<String> missingFunctions() {
		Set<String> offered = functions.stream().map(Function::name).collect(Collectors.toSet());
		return NEEDED.stream().filter(name -> !offered.contains(name)).toList();
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Function(String name) {
	}

}
