package org.tandem.moodle;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What {@code core_course_get_contents} says of a course: its sections and, in each, its
 * modules (activities and resources), with what can change about them.
 */
public final class CourseContents {

	private CourseContents() {
	}

	/**
	 * A section; {@code section} is its position in the course (0 is the general
	 * section).
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Section(long id, String name, int visible, String summary, int section, String availability,
			List<Module> modules) {

		public Section {
			modules = modules == null ? List.of() : List.copyOf(modules);
		}

	}

	/**
	 * A course module; {@code id} is its cmid. {@code completion}: 0 none, 1 manual, 2
	 * automatic.
	 */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Module(long id, String url, String name, long instance, String description, int visible,
			String modname, String availability, Integer completion, List<Content> contents) {

		public Module {
			contents = contents == null ? List.of() : List.copyOf(contents);
		}

	}

	/** A file or URL of a module, as Moodle lists it. */
	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Content(String type, String filename, String filepath, Long filesize, Long timemodified) {
	}

}
