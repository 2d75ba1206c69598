package org.tandem.requests;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.tandem.artifacts.HelpKind;

/**
 * Work Moodle cannot see: a scenario document, a meeting, an artifact outside Moodle.
 *
 * @param link optional; only http(s), so that no {@code javascript:} link reaches a page
 */
record OutsideReworkForm(
		@NotBlank(message = "{rework.form.title.required}") @Size(max = 300,
				message = "{request.form.too-long}") String title,
		@Size(max = 2048, message = "{request.form.too-long}") @Pattern(regexp = "(https?://\\S+)?",
				message = "{rework.form.link.invalid}") String link,
		@NotNull(message = "{time.form.kind.required}") HelpKind kind,
		@Size(max = 2000, message = "{request.form.too-long}") String note) {
}
