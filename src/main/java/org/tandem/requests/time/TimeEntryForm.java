package org.tandem.requests.time;

import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;
import org.tandem.artifacts.HelpKind;

/** Time an engineer spent on a request. */
public record TimeEntryForm(
		@NotNull(message = "{time.form.date.required}") @PastOrPresent(
				message = "{time.form.date.future}") LocalDate workDate,
		@NotNull(message = "{time.form.minutes.required}") @Min(value = 1, message = "{time.form.minutes.range}") @Max(
				value = 1440, message = "{time.form.minutes.range}") Integer minutes,
		@NotNull(message = "{time.form.activity.required}") TimeActivity activity,
		@NotNull(message = "{time.form.kind.required}") HelpKind kind,
		@Size(max = 1000, message = "{request.form.too-long}") String note) {

	/**
	 * Design time is médiation, production time médiatisation: see
	 * {@link TimeActivity#fits}.
	 */
	@AssertTrue(message = "{time.form.kind.mismatch}")
	public boolean isKindFitting() {
		return activity == null || kind == null || activity.fits(kind);
	}

}
