package org.tandem.requests;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.tandem.artifacts.Artifact;
import org.tandem.artifacts.CourseHistory;
import org.tandem.artifacts.SnapshotRecord;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * The parts of the course a teacher picked on the request form, found in the course as
 * Tandem last saw it, which is what the form lists: a key the course does not hold (it
 * changed since the form was shown, or the post is not the form's) is refused.
 */
@Component
class FormTargets {

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
	 * already in error (not shaped as keys) are not looked up.
	 */
	Resolved resolve(long courseId, RequestForm form, Errors errors) {
		Optional<SnapshotRecord> course = history.latest(courseId);
		if (errors.hasFieldErrors("targets")) {
			return new Resolved(course.orElse(null), List.of());
		}
		List<Artifact> parts = new ArrayList<>();
		for (String key : form.targets()) {
			Optional<Artifact> part = course.flatMap(c -> c.snapshot().find(key));
			if (part.isEmpty()) {
				errors.rejectValue("targets", "request.form.targets.unknown");
				return new Resolved(course.orElse(null), List.of());
			}
			parts.add(part.get());
		}
		return new Resolved(course.orElse(null), List.copyOf(parts));
	}

}
