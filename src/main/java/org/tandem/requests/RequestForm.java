package org.tandem.requests;

import java.time.LocalDate;
import java.util.List;

import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a teacher fills in to ask for help. The messages are keys of the bundles.
 *
 * @param targets keys of the sections and modules picked in the course ({@code M:103})
 * @param wholeCourse the request is about the whole course
 */
record RequestForm(@NotNull(message = "{request.form.topic.required}") Topic topic,
		@NotBlank(message = "{request.form.title.required}") @Size(max = 200,
				message = "{request.form.too-long}") String title,
		@NotBlank(message = "{request.form.need.required}") @Size(max = 4000,
				message = "{request.form.too-long}") String need,
		@Size(max = 1000, message = "{request.form.too-long}") String audience,
		@Size(max = 4000, message = "{request.form.too-long}") String objectives,
		@Size(max = 2000, message = "{request.form.too-long}") String courseParts,
		@FutureOrPresent(message = "{request.form.wished-date.past}") LocalDate wishedDate,
		@NotNull(message = "{request.form.work-mode.required}") WorkMode workMode,
		@Size(max = 500, message = "{request.form.targets.too-many}") List<@Pattern(regexp = "[SM]:[0-9]{1,18}",
				message = "{request.form.targets.unknown}") String> targets,
		Boolean wholeCourse) {

	RequestForm {
		targets = targets == null ? List.of() : List.copyOf(targets);
		wholeCourse = Boolean.TRUE.equals(wholeCourse);
	}

	static RequestForm empty() {
		return new RequestForm(null, null, null, null, null, null, null, WorkMode.MESSAGES, List.of(), false);
	}

}
