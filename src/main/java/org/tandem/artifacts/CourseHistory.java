package org.tandem.artifacts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** What Tandem has seen of a course: its last snapshot and the changes found. */
@Service
@Transactional(readOnly = true)
public class CourseHistory {

	private final SnapshotStore store;

	CourseHistory(SnapshotStore store) {
		this.store = store;
	}

	public Optional<SnapshotRecord> latest(long courseId) {
		return store.latest(courseId);
	}

	/** Changes found after this time, oldest first. */
	public List<CourseChange> changesSince(long courseId, Instant since) {
		return store.changesSince(courseId, since);
	}

	public Optional<CourseChange> change(long courseId, long changeId) {
		return store.change(courseId, changeId);
	}

	/** These changes of the course, by id. */
	public Map<Long, CourseChange> changes(long courseId, Collection<Long> changeIds) {
		if (changeIds.isEmpty()) {
			return Map.of();
		}
		return store.changes(courseId, changeIds)
			.stream()
			.collect(Collectors.toMap(CourseChange::id, Function.identity()));
	}

}
