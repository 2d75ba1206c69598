package org.tandem.moodle;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * What {@code core_course_get_updates_since} says changed in a course since a time: for
 * each module (or section), the areas Moodle names ({@code configuration},
 * {@code contentfiles}, {@code introfiles}, {@code completion}...).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record CourseUpdates(List<Instance> instances) {

	public CourseUpdates {
		instances = instances == null ? List.of() : List.copyOf(instances);
	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Instance(String contextlevel, long id, List<Update> updates) {

		public Instance {
			updates = updates == null ? List.of() : List.copyOf(updates);
		}

	}

	@JsonIgnoreProperties(ignoreUnknown = true)
	public record Update(String name, Long timeupdated, List<Long> itemids) {
	}

}
