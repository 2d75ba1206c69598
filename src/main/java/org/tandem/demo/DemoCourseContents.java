package org.tandem.demo;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/**
 * The demo course as Moodle keeps it: BIO101 as Moodle 4.5's
 * {@code core_course_get_contents} gave it ({@code demo/bio101-contents.json}), and the
 * changes the demo user makes to its modules since the application started. Every change
 * is an instance save in Moodle's terms, so {@code core_course_get_updates_since} reports
 * it as {@code configuration}.
 */
@Component
@Profile("demo")
class DemoCourseContents {

	/** How Moodle wraps a module's description when it shows it on the course page. */
	private static final String DESCRIPTION_START = "<div class=\"no-overflow\">";

	private static final String DESCRIPTION_END = "</div>";

	private final ArrayNode sections;

	private final Clock clock;

	/** The time (Unix seconds) of each changed module's last change, by cmid. */
	private final Map<Long, Long> changes = new HashMap<>();

	DemoCourseContents(DemoProperties properties, Clock clock) {
		this.sections = (ArrayNode) CapturedJson.read("demo/bio101-contents.json", properties.url("/demo"));
		this.clock = clock;
	}

	/** What {@code core_course_get_contents} answers now. */
	synchronized ArrayNode contents() {
		return sections.deepCopy();
	}

	/**
	 * The modules changed after this time (Unix seconds; strictly after, as Moodle
	 * compares), in course order.
	 */
	synchronized List<Change> changedSince(long since) {
		List<Change> changed = new ArrayList<>();
		for (JsonNode section : sections) {
			for (JsonNode module : section.path("modules")) {
				Long at = changes.get(module.path("id").asLong());
				if (at != null && at > since) {
					changed.add(new Change(module.path("id").asLong(), at));
				}
			}
		}
		return changed;
	}

	/** The course as its page shows it. */
	synchronized List<Section> sections() {
		List<Section> shown = new ArrayList<>();
		for (JsonNode section : sections) {
			List<Module> modules = new ArrayList<>();
			for (JsonNode module : section.path("modules")) {
				String description = module.path("description").asString("");
				if (description.startsWith(DESCRIPTION_START) && description.endsWith(DESCRIPTION_END)) {
					description = description.substring(DESCRIPTION_START.length(),
							description.length() - DESCRIPTION_END.length());
				}
				modules.add(new Module(module.path("id").asLong(), module.path("name").asString(),
						module.path("modname").asString(), module.path("visible").asInt() == 1, description));
			}
			shown.add(new Section(section.path("id").asLong(), section.path("name").asString(),
					section.path("visible").asInt() == 1, modules));
		}
		return shown;
	}

	/** False when the course has no such module. */
	synchronized boolean rename(long cmid, String name) {
		return change(cmid, module -> module.put("name", name));
	}

	/**
	 * The description as the teacher writes it in Moodle's editor (HTML). Moodle then
	 * shows it on the course page, which {@code get_contents} reports, wrapped.
	 */
	synchronized boolean describe(long cmid, String html) {
		return change(cmid,
				module -> module.put("description", html.isBlank() ? "" : DESCRIPTION_START + html + DESCRIPTION_END));
	}

	synchronized boolean show(long cmid, boolean visible) {
		return change(cmid, module -> module.put("visible", visible ? 1 : 0));
	}

	private boolean change(long cmid, Consumer<ObjectNode> edit) {
		for (JsonNode section : sections) {
			for (JsonNode module : section.path("modules")) {
				if (module.path("id").asLong() == cmid) {
					long now = clock.instant().getEpochSecond();
					edit.accept((ObjectNode) module);
					touch((ObjectNode) module, now);
					changes.put(cmid, now);
					return true;
				}
			}
		}
		return false;
	}

	/**
	 * An instance save bumps the instance's timemodified. get_contents shows it only in
	 * the first contents entry of a page or URL (its only one) and of a book (its
	 * structure), and in {@code contentsinfo.lastmodified}; other types carry no such
	 * time.
	 */
	private static void touch(ObjectNode module, long now) {
		if (List.of("page", "url", "book").contains(module.path("modname").asString())
				&& module.path("contents").path(0) instanceof ObjectNode entry) {
			entry.put("timemodified", now);
			if (module.path("contentsinfo") instanceof ObjectNode info) {
				info.put("lastmodified", now);
			}
		}
	}

	/**
	 * A module's last change, reported by get_updates_since as a configuration update.
	 */
	record Change(long cmid, long time) {
	}

	record Section(long id, String name, boolean visible, List<Module> modules) {
	}

	/**
	 * A module as the course page shows it; {@code description} is what the editor holds.
	 */
	record Module(long id, String name, String type, boolean visible, String description) {
	}

}
