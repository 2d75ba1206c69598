package org.tandem.artifacts;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.tandem.moodle.CourseContents.Section;
import org.tandem.moodle.CourseUpdates;

import static org.tandem.artifacts.SnapshotComparisonTest.T0;
import static org.tandem.artifacts.SnapshotComparisonTest.course;
import static org.tandem.artifacts.SnapshotComparisonTest.module;
import static org.tandem.artifacts.SnapshotComparisonTest.modules;
import static org.tandem.artifacts.SnapshotComparisonTest.section;
import static org.tandem.artifacts.SnapshotComparisonTest.take;
import static org.tandem.artifacts.SnapshotComparisonTest.updated;

/**
 * How long Tandem takes to snapshot a large course and to compare two snapshots of it
 * (target: compare under 5 ms). The course has 25 sections of 20 modules, 500 in all,
 * each a copy of one of BIO101's 15 real modules (forum, page, url, resource, folder,
 * book, quiz...) under its own cmid, name and file names. The second state has what a
 * designer does in a working session: 10 renames, 3 moves to another section and 1 within
 * a section, a module hidden, one deleted and one added, 5 files replaced, 2 quizzes
 * reconfigured and a section renamed, with {@code get_updates_since}'s areas for each.
 * <ul>
 * <li>{@code snapshot}: {@link CourseSnapshot#of} on the parsed contents (a digest per
 * artifact);
 * <li>{@code compare}: {@link SnapshotComparison#compare} of the two snapshots.
 * </ul>
 * Run it (AverageTime, µs/op):
 *
 * <pre>
 * mvn -o -q test-compile exec:exec@compare-bench
 * </pre>
 *
 * The defaults below are short (1 fork, 5 × 1 s warm-up, 5 × 1 s measurement); three
 * warm-up seconds were too few on a busy 2-core machine.
 *
 * The class name does not end in Test/Tests/TestCase/IT: surefire and failsafe skip it.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@State(Scope.Benchmark)
public class SnapshotComparisonBenchmark {

	static final int SECTIONS = 25;

	static final int MODULES_PER_SECTION = 20;

	private List<Section> afterContents;

	private CourseSnapshot before;

	private CourseSnapshot after;

	private CourseUpdates updates;

	@Setup(Level.Trial)
	public void setUp() {
		ArrayNode course = largeCourse();
		ArrayNode edited = course.deepCopy();
		List<CourseUpdates.Instance> reported = new ArrayList<>();
		edit(edited, reported);
		updates = new CourseUpdates(reported);
		before = CourseSnapshot.of(SnapshotComparisonTest.sections(course));
		afterContents = SnapshotComparisonTest.sections(edited);
		after = CourseSnapshot.of(afterContents);
		check(compare());
	}

	@Benchmark
	public CourseSnapshot snapshot() {
		return CourseSnapshot.of(afterContents);
	}

	@Benchmark
	public List<Change> compare() {
		return SnapshotComparison.compare(before, after, updates);
	}

	/** Sections 1000–1024 holding cmids 10000–10499, cycling through BIO101's modules. */
	static ArrayNode largeCourse() {
		ArrayNode bio101 = course(SnapshotComparisonTest.BEFORE);
		List<JsonNode> sections = new ArrayList<>();
		List<JsonNode> models = new ArrayList<>();
		for (JsonNode section : bio101) {
			sections.add(section);
			section.path("modules").forEach(models::add);
		}
		ArrayNode course = SnapshotComparisonTest.JSON.createArrayNode();
		for (int s = 0; s < SECTIONS; s++) {
			ObjectNode section = ((ObjectNode) sections.get(s % sections.size()).deepCopy()).put("id", 1000 + s)
				.put("section", s)
				.put("name", "Semaine " + s);
			ArrayNode modules = section.putArray("modules");
			for (int m = 0; m < MODULES_PER_SECTION; m++) {
				int cmid = 10000 + s * MODULES_PER_SECTION + m;
				ObjectNode module = (ObjectNode) models.get((s * MODULES_PER_SECTION + m) % models.size()).deepCopy();
				module.put("id", cmid)
					.put("instance", cmid)
					.put("name", module.path("name").asString() + " (" + cmid + ")")
					.put("url", module.path("url").asString().replaceAll("id=\\d+", "id=" + cmid));
				for (JsonNode content : module.path("contents")) {
					((ObjectNode) content).put("filename", cmid + "-" + content.path("filename").asString());
				}
				modules.add(module);
			}
			course.add(section);
		}
		return course;
	}

	/**
	 * A designer's working session on the large course, and what Moodle reports of it.
	 */
	static void edit(ArrayNode course, List<CourseUpdates.Instance> reported) {
		for (int i = 0; i < 10; i++) {
			ObjectNode module = module(course, 10003 + i * 47);
			module.put("name", module.path("name").asString() + " (révisé)");
			reported.add(updated(module.path("id").asLong(), "configuration"));
		}
		modules(course, 1020).add(take(course, 10062));
		modules(course, 1021).add(take(course, 10124));
		modules(course, 1022).add(take(course, 10187));
		modules(course, 1010).insert(0, take(course, 10215));
		module(course, 10333).put("visible", 0);
		reported.add(updated(10333, "configuration"));
		take(course, 10444);
		ObjectNode added = module(course, 10003).deepCopy().put("id", 10500).put("name", "Carte mentale");
		modules(course, 1024).add(added);
		reported.add(updated(10500, "configuration"));
		// Resources and folders: cmids ≡ 5 or 6 modulo 15 (BIO101's 105 and 106).
		for (int cmid : new int[] { 10005, 10021, 10110, 10231, 10380 }) {
			ObjectNode file = (ObjectNode) module(course, cmid).path("contents").get(0);
			file.put("filename", "v2-" + file.path("filename").asString())
				.put("filesize", file.path("filesize").asLong() + 321)
				.put("timemodified", T0 + 60);
			reported.add(updated(cmid, "configuration", "contentfiles"));
		}
		// Quizzes (BIO101's 112): settings that get_contents does not show.
		reported.add(updated(10012, "configuration"));
		reported.add(updated(10297, "configuration"));
		section(course, 1007).put("name", "Semaine 7 : révisions");
	}

	/** Fails fast when the edits are not what is measured. */
	static void check(List<Change> changes) {
		Map<Change.Type, Integer> counts = new EnumMap<>(Change.Type.class);
		changes.forEach(c -> counts.merge(c.type(), 1, Integer::sum));
		Map<Change.Type, Integer> expected = Map.of(Change.Type.RENAMED, 11, Change.Type.MOVED, 4, Change.Type.HIDDEN,
				1, Change.Type.REMOVED, 1, Change.Type.ADDED, 1, Change.Type.MODIFIED, 7);
		if (!counts.equals(new EnumMap<>(expected))) {
			throw new IllegalStateException("Unexpected changes " + counts + ": " + changes);
		}
	}

}
