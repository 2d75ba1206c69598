package org.tandem.requests;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tandem.artifacts.Artifact;
import org.tandem.artifacts.CourseHistory;
import org.tandem.artifacts.SnapshotRecord;

import org.springframework.stereotype.Component;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;

/**
 * The parts of the course a teacher picked on the request form, found in the course as
 * Tandem last saw it, which is what the form lists: a key the course does not hold (it
 * changed since the form was shown, or the post is not the form's) is refused.
 */
@Component
class FormTargets {

	private static final String UNKNOWN = "request.form.targets.unknown";

	private static final String WHOLE_AND_PARTS = "request.form.whole-course.and-parts";

	private final CourseHistory history;

	FormTargets(CourseHistory history) {
		this.history = history;
	}

	/**
	 * @param course the course the form offers its parts from, null when Tandem never saw
	 * it
	 * @param parts the parts picked, in the order picked; empty when one was refused
	 */
	record Resolved(SnapshotRecord course, List<Artifact> parts) {
	}

	/**
	 * The parts the form's targets name; an unknown one rejects the targets field. Keys
	 * already in error (not shaped as keys) are not looked up. The form is null when
	 * another field could not be converted (a tampered topic): the targets are then read
	 * from what was posted, so that the teacher sees every mistake at once. The whole
	 * course and some of its parts together say two things: the teacher picks one.
	 */
	Resolved resolve(long courseId, RequestForm form, BindingResult errors) {
		Optional<SnapshotRecord> course = history.latest(courseId);
		if (errors.hasFieldErrors("targets")) {
			return new Resolved(course.orElse(null), List.of());
		}
		List<String> keys = (form != null ? form.targets() : posted(errors, "targets")).stream().distinct().toList();
		boolean wholeCourse = form != null ? form.wholeCourse() : posted(errors, "wholeCourse").contains("true");
		if (wholeCourse && !keys.isEmpty()) {
			reject(errors, "wholeCourse", true, WHOLE_AND_PARTS);
		}
		List<Artifact> parts = new ArrayList<>();
		for (String key : keys) {
			Optional<Artifact> part = course.flatMap(c -> c.snapshot().find(key));
			if (part.isEmpty()) {
				reject(errors, "targets", keys, UNKNOWN);
				return new Resolved(course.orElse(null), List.of());
			}
			parts.add(part.get());
		}
		return new Resolved(course.orElse(null), List.copyOf(parts));
	}

	/** Not rejectValue: it reads the field from the form, which may be null. */
	private static void reject(BindingResult errors, String field, Object posted, String code) {
		errors.addError(new FieldError(errors.getObjectName(), field, posted, false,
				errors.resolveMessageCodes(code, field), null, null));
	}

	private static List<String> posted(BindingResult errors, String field) {
		Object value = errors.getFieldValue(field);
		if (value instanceof List<?> keys) {
			return keys.stream().map(String::valueOf).toList();
		}
		if (value instanceof String[] keys) {
			return List.of(keys);
		}
		return value == null ? List.of() : List.of(String.valueOf(value));
	}

}
