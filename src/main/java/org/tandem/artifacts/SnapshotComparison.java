package org.tandem.artifacts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.tandem.moodle.CourseUpdates;

/**
 * What changed between two snapshots of a course, helped by what Moodle says changed
 * since: a module Moodle reports whose visible state did not move (a quiz's time limit)
 * is still modified. A module deleted and another added under the same name are two
 * artifacts (their cmids differ). Moves are the fewest that explain the new order: when a
 * section moves up, the sections it passed are not reported.
 */
public final class SnapshotComparison {

	private SnapshotComparison() {
	}

	public static List<Change> compare(CourseSnapshot before, CourseSnapshot after, CourseUpdates updates) {
		Map<String, Artifact> was = before.byKey();
		Map<String, Artifact> is = after.byKey();
		Map<Long, Set<String>> areas = areas(updates);
		Set<String> moved = moved(was, is);
		List<Change> changes = new ArrayList<>();
		for (Artifact old : was.values()) {
			if (!is.containsKey(old.key())) {
				changes.add(new Change(Change.Type.REMOVED, old, null, Set.of()));
			}
		}
		for (Artifact now : is.values()) {
			Artifact old = was.get(now.key());
			Set<String> named = now.kind() == Artifact.Kind.MODULE ? areas.getOrDefault(now.id(), Set.of()) : Set.of();
			if (old == null) {
				changes.add(new Change(Change.Type.ADDED, null, now, named));
				continue;
			}
			if (moved.contains(now.key())) {
				changes.add(new Change(Change.Type.MOVED, old, now, named));
			}
			if (!old.name().equals(now.name())) {
				changes.add(new Change(Change.Type.RENAMED, old, now, named));
			}
			if (old.visible() != now.visible()) {
				changes.add(new Change(now.visible() ? Change.Type.SHOWN : Change.Type.HIDDEN, old, now, named));
			}
			boolean described = changes.stream().anyMatch(c -> c.after() == now);
			if (!old.fingerprint().equals(now.fingerprint()) || (!named.isEmpty() && !described)) {
				changes.add(new Change(Change.Type.MODIFIED, old, now, named));
			}
		}
		return changes;
	}

	/**
	 * Sections whose place among the others changed, and modules that changed section or
	 * place in their section: those outside the longest run that kept its order.
	 */
	private static Set<String> moved(Map<String, Artifact> was, Map<String, Artifact> is) {
		Set<String> moved = new HashSet<>();
		moved.addAll(outOfOrder(was, is, Artifact.Kind.SECTION, null));
		for (Artifact now : is.values()) {
			Artifact old = was.get(now.key());
			if (now.kind() == Artifact.Kind.MODULE && old != null && old.sectionId() != now.sectionId()) {
				moved.add(now.key());
			}
		}
		Set<Long> sections = new TreeSet<>();
		is.values().stream().filter(a -> a.kind() == Artifact.Kind.SECTION).forEach(s -> sections.add(s.id()));
		for (long section : sections) {
			moved.addAll(outOfOrder(was, is, Artifact.Kind.MODULE, section));
		}
		return moved;
	}

	/** Keys of artifacts (of a kind, in a section) that left the longest order-keeping run. */
	private static Set<String> outOfOrder(Map<String, Artifact> was, Map<String, Artifact> is, Artifact.Kind kind,
			Long section) {
		List<Artifact> kept = is.values()
			.stream()
			.filter(a -> a.kind() == kind && was.containsKey(a.key()))
			.filter(a -> section == null || (a.sectionId() == section && was.get(a.key()).sectionId() == section))
			.sorted((a, b) -> Integer.compare(a.position(), b.position()))
			.toList();
		int[] oldPositions = kept.stream().mapToInt(a -> was.get(a.key()).position()).toArray();
		Set<Integer> inRun = longestIncreasingRun(oldPositions);
		Set<String> out = new HashSet<>();
		for (int i = 0; i < kept.size(); i++) {
			if (!inRun.contains(i)) {
				out.add(kept.get(i).key());
			}
		}
		return out;
	}

	/** Indexes of a longest strictly increasing subsequence (patience sorting, n log n). */
	static Set<Integer> longestIncreasingRun(int[] values) {
		int n = values.length;
		int[] tails = new int[n];
		int[] previous = new int[n];
		int length = 0;
		for (int i = 0; i < n; i++) {
			int low = 0;
			int high = length;
			while (low < high) {
				int middle = (low + high) >>> 1;
				if (values[tails[middle]] < values[i]) {
					low = middle + 1;
				}
				else {
					high = middle;
				}
			}
			previous[i] = low > 0 ? tails[low - 1] : -1;
			tails[low] = i;
			length = Math.max(length, low + 1);
		}
		Set<Integer> run = new HashSet<>();
		for (int i = length == 0 ? -1 : tails[length - 1]; i >= 0; i = previous[i]) {
			run.add(i);
		}
		return run;
	}

	private static Map<Long, Set<String>> areas(CourseUpdates updates) {
		Map<Long, Set<String>> areas = new HashMap<>();
		if (updates != null) {
			for (CourseUpdates.Instance instance : updates.instances()) {
				if ("module".equals(instance.contextlevel())) {
					instance.updates().forEach(u -> areas.computeIfAbsent(instance.id(), id -> new TreeSet<>()).add(u.name()));
				}
			}
		}
		return areas;
	}

}
