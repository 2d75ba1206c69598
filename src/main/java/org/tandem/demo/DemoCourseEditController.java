package org.tandem.demo;

import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The teacher's edits on the demo course page, as on Moodle's: rename a module, rewrite
 * its description, hide or show it. Tandem then sees them through the demo's web
 * services.
 */
@Controller
@Profile("demo")
class DemoCourseEditController {

	private final DemoCourseContents contents;

	private final DemoProperties properties;

	DemoCourseEditController(DemoCourseContents contents, DemoProperties properties) {
		this.contents = contents;
		this.properties = properties;
	}

	/** Kept as typed, as Tandem must show any name Moodle gives it as text. */
	@PostMapping("/demo/course/modules/{cmid}/name")
	String rename(@PathVariable long cmid, @RequestParam String name,
			@RequestParam(defaultValue = "fr") String locale) {
		if (name.isBlank()) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "A module needs a name");
		}
		return done(contents.rename(cmid, name.strip()), locale);
	}

	@PostMapping("/demo/course/modules/{cmid}/description")
	String describe(@PathVariable long cmid, @RequestParam(defaultValue = "") String description,
			@RequestParam(defaultValue = "fr") String locale) {
		return done(contents.describe(cmid, description.strip()), locale);
	}

	/** {@code visible} is 1 or 0, as Moodle says it. */
	@PostMapping("/demo/course/modules/{cmid}/visibility")
	String show(@PathVariable long cmid, @RequestParam boolean visible,
			@RequestParam(defaultValue = "fr") String locale) {
		return done(contents.show(cmid, visible), locale);
	}

	private String done(boolean found, String locale) {
		if (!found) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such module in the demo course");
		}
		return "redirect:" + properties.url(DemoController.coursePath(locale));
	}

}
