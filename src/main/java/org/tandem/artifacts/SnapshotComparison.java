package org.tandem.artifacts;

import java.util.ArrayList;
import java.util.Comparator;
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
 * is still modified. A rename, a hide or a show explains Moodle's {@code configuration}
 * area and nothing else; a move explains no area at all (Moodle does not report moves),
 * so a module moved and reported is also modified. A module deleted and another added
 * under the same name are two artifacts (their cmids differ). Moves are the fewest that
 * explain the new order: when a section moves up, the sections it passed are not
 * reported.
 */
public final class SnapshotComparison {

	private static final String CONFIGURATION = "configuration";

	/** Areas Moodle names for any module whose teachers changed it. */
	private static final Set<String> DESIGN = Set.of(CONFIGURATION, "contentfiles", "introfiles",
			"introattachmentfiles", "packagefiles", "questions");

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
			Set<String> named = now.kind() == Artifact.Kind.MODULE
					? designAreas(now.type(), areas.getOrDefault(now.id(), Set.of())) : Set.of();
			if (old == null) {
				changes.add(new Change(Change.Type.ADDED, null, now, named));
				continue;
			}
			boolean renamed = !old.name().equals(now.name());
			boolean shownOrHidden = old.visible() != now.visible();
			if (moved.contains(now.key())) {
				changes.add(new Change(Change.Type.MOVED, old, now, named));
			}
			if (renamed) {
				changes.add(new Change(Change.Type.RENAMED, old, now, named));
			}
			if (shownOrHidden) {
				changes.add(new Change(now.visible() ? Change.Type.SHOWN : Change.Type.HIDDEN, old, now, named));
			}
			Set<String> unexplained = named;
			if (renamed || shownOrHidden) {
				// Renaming, hiding or showing saves the instance, which Moodle reports as
				// configuration.
				unexplained = new TreeSet<>(named);
				unexplained.remove(CONFIGURATION);
			}
			if (!old.fingerprint().equals(now.fingerprint()) || !unexplained.isEmpty()) {
				changes.add(new Change(Change.Type.MODIFIED, old, now, named));
			}
		}
		return changes;
	}

	/**
	 * Sections whose place among the others changed, and modules that changed section or
	 * place in their section: those outside the longest run that kept its order. One pass
	 * groups what stayed, so the cost is n log n whatever the number of sections.
	 */
	private static Set<String> moved(Map<String, Artifact> was, Map<String, Artifact> is) {
		Set<String> moved = new HashSet<>();
		List<Kept> sections = new ArrayList<>();
		Map<Long, List<Kept>> stayedInSection = new HashMap<>();
		for (Artifact now : is.values()) {
			Artifact old = was.get(now.key());
			if (old == null) {
				continue;
			}
			if (now.kind() == Artifact.Kind.SECTION) {
				sections.add(new Kept(old, now));
			}
			else if (old.sectionId() != now.sectionId()) {
				moved.add(now.key());
			}
			else {
				stayedInSection.computeIfAbsent(now.sectionId(), id -> new ArrayList<>()).add(new Kept(old, now));
			}
		}
		moved.addAll(outOfOrder(sections));
		stayedInSection.values().forEach(modules -> moved.addAll(outOfOrder(modules)));
		return moved;
	}

	/** An artifact in both snapshots. */
	private record Kept(Artifact old, Artifact now) {
	}

	/** Keys of the artifacts that left the longest run keeping its order. */
	private static List<String> outOfOrder(List<Kept> kept) {
		kept.sort(Comparator.comparingInt(k -> k.now().position()));
		int[] oldPositions = kept.stream().mapToInt(k -> k.old().position()).toArray();
		Set<Integer> inRun = longestIncreasingRun(oldPositions);
		List<String> out = new ArrayList<>();
		for (int i = 0; i < kept.size(); i++) {
			if (!inRun.contains(i)) {
				out.add(kept.get(i).now().key());
			}
		}
		return out;
	}

	/**
	 * Indexes of a longest strictly increasing subsequence (patience sorting, n log n).
	 */
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

	/**
	 * What Moodle's areas say of the course's design. Moodle also names what learners do
	 * (forum discussions, glossary, database and wiki entries, choice answers, comments,
	 * ratings) and the caller's own completion and grades: none of that is a rework. Book
	 * entries are its chapters; a lesson's pages and answers are its content.
	 */
	static Set<String> designAreas(String moduleType, Set<String> areas) {
		Set<String> design = new TreeSet<>();
		for (String area : areas) {
			if (DESIGN.contains(area) || "book".equals(moduleType) && "entries".equals(area)
					|| "lesson".equals(moduleType) && ("pages".equals(area) || "answers".equals(area))) {
				design.add(area);
			}
		}
		return design;
	}

	private static Map<Long, Set<String>> areas(CourseUpdates updates) {
		Map<Long, Set<String>> areas = new HashMap<>();
		if (updates != null) {
			for (CourseUpdates.Instance instance : updates.instances()) {
				if ("module".equals(instance.contextlevel())) {
					instance.updates()
						.forEach(u -> areas.computeIfAbsent(instance.id(), id -> new TreeSet<>()).add(u.name()));
				}
			}
		}
		return areas;
	}

}
