package org.tandem.system;

import java.lang.annotation.Annotation;
import java.util.Set;

import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.metadata.PropertyDescriptor;

import org.springframework.stereotype.Component;

/**
 * Which fields of a form a person must fill, read from the form's own constraints, so
 * that a page marks as required exactly the fields that validation refuses empty;
 * templates call it as {@code @formFields}.
 */
@Component("formFields")
public class FormFields {

	/** The constraints that refuse an empty answer. */
	private static final Set<Class<? extends Annotation>> REQUIRING = Set.of(NotNull.class, NotBlank.class,
			NotEmpty.class);

	private final Validator validator;

	FormFields(Validator validator) {
		this.validator = validator;
	}

	/** Whether the form refuses this field empty; false for no form or no such field. */
	public boolean required(Object form, String field) {
		if (form == null) {
			return false;
		}
		PropertyDescriptor property = this.validator.getConstraintsForClass(form.getClass())
			.getConstraintsForProperty(field);
		return property != null && property.getConstraintDescriptors()
			.stream()
			.anyMatch(constraint -> REQUIRING.contains(constraint.getAnnotation().annotationType()));
	}

}
