package org.tandem.system;

import java.util.List;

import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A page marks as required the fields its form refuses empty, and only those: what
 * validation says, read from the form's record.
 */
class FormFieldsTest {

	private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();

	private final FormFields fields = new FormFields(FACTORY.getValidator());

	record Form(@NotBlank @Size(max = 200) String title, @NotNull Integer minutes, @NotEmpty List<String> parts,
			@Size(max = 1000) String note, String comment) {
	}

	@AfterAll
	static void close() {
		FACTORY.close();
	}

	@Test
	void fieldsRefusedEmptyAreRequired() {
		Form form = new Form(null, null, null, null, null);
		assertThat(this.fields.required(form, "title")).isTrue();
		assertThat(this.fields.required(form, "minutes")).isTrue();
		assertThat(this.fields.required(form, "parts")).isTrue();
	}

	@Test
	void fieldsThatMayStayEmptyAreNot() {
		Form form = new Form(null, null, null, null, null);
		assertThat(this.fields.required(form, "note")).as("only a length").isFalse();
		assertThat(this.fields.required(form, "comment")).as("no constraint").isFalse();
		assertThat(this.fields.required(form, "nothing")).as("no such field").isFalse();
		assertThat(this.fields.required(null, "title")).as("no form").isFalse();
	}

}
