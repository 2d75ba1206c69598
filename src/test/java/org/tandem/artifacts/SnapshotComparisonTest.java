package org.tandem.artifacts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.databind.json.JsonMapper;

import org.tandem.moodle.CourseContents.Section;
import org.tandem.moodle.CourseUpdates;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The comparison on real course contents: BIO101 as a real Moodle 4.5 returned it before
 * and after a designer's nine edits, with what {@code get_updates_since} said. Other
 * edits are made on the captured JSON the way Moodle shows them (README of the captures):
 * a url's content is named after it, hiding bumps the instance's time, hiding a section
 * hides its modules, a move changes only which section lists the module, and each saved
 * instance is reported as {@code configuration}. Changes read {@code TYPE key [areas]}.
 */
class SnapshotComparisonTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final String BEFORE = "bio101/02-get-contents-before.json";

	static final String AFTER = "bio101/03-get-contents-after.json";

	/** When the "before" contents were taken. */
	static final long T0 = 1795448382L;

	@Test
	void everyEditOfTheDesignerIsFoundOnceWithTheAreasMoodleNames() {
		CourseUpdates updates = JSON.readValue(capture("bio101/04-get-updates-since.json"), CourseUpdates.class);

		List<Change> changes = compare(course(BEFORE), course(AFTER), updates);

		// Each edit of the capture, in the order of its README: 1 page renamed; 2 quiz
		// settings, which only Moodle's updates show; 3 file replaced; 4 forum
		// description; 5 url hidden; 6 assign moved to another section, of which Moodle
		// says nothing; 7 choice deleted; 8 page added; 9 section renamed, and its
		// summary.
		assertThat(read(changes)).containsExactlyInAnyOrder("RENAMED M:103 [configuration]",
				"MODIFIED M:112 [configuration]", "MODIFIED M:105 [configuration, contentfiles]",
				"MODIFIED M:101 [configuration]", "HIDDEN M:104 [configuration]", "MOVED M:110", "REMOVED M:111",
				"ADDED M:127 [configuration]", "RENAMED S:48", "MODIFIED S:48");
		Change renamed = find(changes, Change.Type.RENAMED, "M:103");
		assertThat(renamed.before().name()).isEqualTo("Présentation du cours");
		assertThat(renamed.after().name()).isEqualTo("Présentation du cours et objectifs");
		Change moved = find(changes, Change.Type.MOVED, "M:110");
		assertThat(moved.before().sectionId()).isEqualTo(48);
		assertThat(moved.after().sectionId()).isEqualTo(49);
		assertThat(moved.after().position()).isEqualTo(3);
		assertThat(find(changes, Change.Type.REMOVED, "M:111").after()).isNull();
		assertThat(find(changes, Change.Type.ADDED, "M:127").before()).isNull();
	}

	@Test
	void withoutMoodlesUpdatesOnlyWhatTheContentsShowIsFound() {
		List<Change> changes = compare(course(BEFORE), course(AFTER), null);

		assertThat(read(changes)).containsExactlyInAnyOrder("RENAMED M:103", "MODIFIED M:105", "MODIFIED M:101",
				"HIDDEN M:104", "MOVED M:110", "REMOVED M:111", "ADDED M:127", "RENAMED S:48", "MODIFIED S:48");
	}

	@Test
	void sameCourseTwiceHasNoChange() {
		assertThat(compare(course(AFTER), course(AFTER), new CourseUpdates(List.of()))).isEmpty();
	}

	@Test
	void modulesAddedOrDeletedMoveNoOther() {
		ArrayNode after = course(BEFORE);
		modules(after, 47).insert(0, copy(after, 103, 200, "Carte mentale"));
		take(after, 109);

		List<Change> changes = compare(course(BEFORE), after, updates(updated(200, "configuration")));

		assertThat(read(changes)).containsExactlyInAnyOrder("ADDED M:200 [configuration]", "REMOVED M:109");
	}

	@Test
	void moduleReorderedInItsSectionIsMovedAndOnlyIt() {
		ArrayNode after = course(BEFORE);
		modules(after, 47).insert(0, take(after, 108));

		List<Change> changes = compare(course(BEFORE), after, null);

		assertThat(read(changes)).containsExactly("MOVED M:108");
		assertThat(changes.get(0).before().position()).isEqualTo(3);
		assertThat(changes.get(0).after().position()).isZero();
	}

	@Test
	void moduleMovedToTheTopOfAnotherSectionIsMovedAndOnlyIt() {
		ArrayNode after = course(BEFORE);
		modules(after, 47).insert(0, take(after, 104));

		List<Change> changes = compare(course(BEFORE), after, updates());

		assertThat(read(changes)).containsExactly("MOVED M:104");
		assertThat(changes.get(0).before().sectionId()).isEqualTo(46);
		assertThat(changes.get(0).after().sectionId()).isEqualTo(47);
	}

	@Test
	void moduleMovedAndReconfiguredIsMovedAndModified() {
		// Moodle does not report moves: the configuration update is another edit.
		ArrayNode after = course(BEFORE);
		modules(after, 48).add(take(after, 112));

		List<Change> changes = compare(course(BEFORE), after, updates(updated(112, "configuration")));

		assertThat(read(changes)).containsExactlyInAnyOrder("MOVED M:112 [configuration]",
				"MODIFIED M:112 [configuration]");
	}

	@Test
	void urlRenamedIsOnlyRenamed() {
		// mod_url names its one content after the module, with the characters a file name
		// cannot hold removed.
		ArrayNode after = course(BEFORE);
		ObjectNode url = module(after, 104);
		url.put("name", "Ressource en ligne : la cellule eucaryote");
		((ObjectNode) url.path("contents").get(0)).put("filename", "Ressource en ligne  la cellule eucaryote")
			.put("timemodified", T0 + 5);

		List<Change> changes = compare(course(BEFORE), after, updates(updated(104, "configuration")));

		assertThat(read(changes)).containsExactly("RENAMED M:104 [configuration]");
	}

	@Test
	void areasThatARenameDoesNotExplainAreModified() {
		ArrayNode after = course(BEFORE);
		// A book chapter edited: only the chapter's time moves in the contents.
		((ObjectNode) module(after, 107).path("contents").get(2)).put("timemodified", T0 + 5);
		// A lesson renamed, and one of its pages edited.
		module(after, 109).put("name", "Leçon : la mitose et ses phases");

		List<Change> changes = compare(course(BEFORE), after,
				updates(updated(107, "entries"), updated(109, "configuration", "pages")));

		assertThat(read(changes)).containsExactlyInAnyOrder("MODIFIED M:107 [entries]",
				"RENAMED M:109 [configuration, pages]", "MODIFIED M:109 [configuration, pages]");
	}

	/**
	 * Moodle names what learners did too (areas as in
	 * {@code extra/get-updates-since-0.json}): a new forum discussion, a choice answered,
	 * a rating, the caller's own completion are not changes of the course's design.
	 */
	@Test
	void whatLearnersDoIsNoChangeButBookChaptersAndLessonPagesAre() {
		List<Change> changes = compare(course(BEFORE), course(BEFORE),
				updates(updated(100, "discussions"), updated(101, "discussions", "ratings", "comments"),
						updated(111, "answers"), updated(112, "completion", "gradeitems"), updated(107, "entries"),
						updated(109, "pages", "answers"), updated(108, "packagefiles")));

		assertThat(read(changes)).containsExactlyInAnyOrder("MODIFIED M:107 [entries]",
				"MODIFIED M:109 [answers, pages]", "MODIFIED M:108 [packagefiles]");
	}

	@Test
	void contentRestrictionAndCompletionChangesAreModified() {
		ArrayNode after = course(BEFORE);
		// A third file in the folder.
		ArrayNode files = (ArrayNode) module(after, 106).path("contents");
		files.add(((ObjectNode) files.get(0).deepCopy()).put("filename", "protocole-tp2-mitose.pdf")
			.put("filesize", 51234)
			.put("timemodified", T0 + 5));
		// The PDF restricted to the end of the introduction.
		module(after, 105).put("availability",
				"{\"op\":\"&\",\"c\":[{\"type\":\"completion\",\"cm\":103,\"e\":1}]," + "\"showc\":[true]}");
		// The feedback completed on view rather than manually.
		module(after, 113).put("completion", 1);

		List<Change> changes = compare(course(BEFORE), after, updates(updated(106, "configuration", "contentfiles"),
				updated(105, "configuration"), updated(113, "configuration")));

		assertThat(read(changes)).containsExactlyInAnyOrder("MODIFIED M:106 [configuration, contentfiles]",
				"MODIFIED M:105 [configuration]", "MODIFIED M:113 [configuration]");
	}

	@Test
	void hiddenModuleShownAgainIsShownAndOnlyShown() {
		ArrayNode after = course(BEFORE);
		ObjectNode page = module(after, 114);
		page.put("visible", 1);
		((ObjectNode) page.path("contents").get(0)).put("timemodified", T0 + 5);

		List<Change> changes = compare(course(BEFORE), after, updates(updated(114, "configuration")));

		assertThat(read(changes)).containsExactly("SHOWN M:114 [configuration]");
	}

	@Test
	void hiddenSectionHidesItsVisibleModules() {
		// Moodle hides each visible module of the section; 114 was hidden already.
		ArrayNode after = course(BEFORE);
		section(after, 49).put("visible", 0);
		module(after, 112).put("visible", 0);
		module(after, 113).put("visible", 0);

		List<Change> changes = compare(course(BEFORE), after,
				updates(updated(112, "configuration"), updated(113, "configuration")));

		assertThat(read(changes)).containsExactlyInAnyOrder("HIDDEN S:49", "HIDDEN M:112 [configuration]",
				"HIDDEN M:113 [configuration]");
	}

	@Test
	void sectionRenamedIsRenamedAndSectionSummaryEditedIsModified() {
		ArrayNode after = course(BEFORE);
		section(after, 47).put("name", "La cellule animale et végétale");
		section(after, 46).put("summary", section(after, 46).path("summary").asString() + "<p>Durée : 2 h</p>");

		List<Change> changes = compare(course(BEFORE), after, updates());

		assertThat(read(changes)).containsExactlyInAnyOrder("RENAMED S:47", "MODIFIED S:46");
	}

	@Test
	void sectionMovedUpIsTheOnlyMoveReported() {
		// Section 49 moved to just after section 0, as captured in
		// extra/get-contents-after-section-move.json.
		long[] order = course("bio101/extra/get-contents-after-section-move.json").valueStream()
			.mapToLong(s -> s.path("id").asLong())
			.toArray();
		ArrayNode moved = course(AFTER);
		arrange(moved, order);

		List<Change> changes = compare(course(AFTER), moved, null);

		assertThat(read(changes)).containsExactly("MOVED S:49");
		assertThat(changes.get(0).before().position()).isEqualTo(4);
		assertThat(changes.get(0).after().position()).isEqualTo(1);
	}

	@Test
	void sectionMovedDownIsTheOnlyMoveReported() {
		ArrayNode after = course(BEFORE);
		arrange(after, 45, 47, 48, 49, 46);

		assertThat(read(compare(course(BEFORE), after, null))).containsExactly("MOVED S:46");
	}

	@Test
	void sectionsAddedOrDeletedMoveNoOther() {
		ArrayNode after = course(BEFORE);
		ObjectNode added = section(after, 48).deepCopy()
			.put("id", 50)
			.put("name", "Travaux pratiques")
			.put("summary", "");
		added.putArray("modules");
		after.add(added);
		arrange(after, 45, 46, 50, 47, 49);

		List<Change> changes = compare(course(BEFORE), after, null);

		assertThat(read(changes)).containsExactlyInAnyOrder("ADDED S:50", "REMOVED S:48", "REMOVED M:109",
				"REMOVED M:110", "REMOVED M:111");
	}

	@Test
	void moduleDeletedAndAnotherAddedUnderTheSameNameAreTwoArtifacts() {
		ArrayNode after = course(BEFORE);
		ObjectNode page = module(after, 103);
		ArrayNode intro = modules(after, 46);
		int place = indexOf(intro, 103);
		intro.set(place, copy(after, 103, 200, page.path("name").asString()));

		List<Change> changes = compare(course(BEFORE), after, updates(updated(200, "configuration")));

		assertThat(read(changes)).containsExactlyInAnyOrder("REMOVED M:103", "ADDED M:200 [configuration]");
	}

	@Test
	void longestIncreasingRunKeepsTheMostOrder() {
		assertThat(SnapshotComparison.longestIncreasingRun(new int[] { 0, 4, 1, 2, 3 })).containsExactlyInAnyOrder(0, 2,
				3, 4);
		assertThat(SnapshotComparison.longestIncreasingRun(new int[] {})).isEmpty();
	}

	static List<Change> compare(ArrayNode before, ArrayNode after, CourseUpdates updates) {
		return SnapshotComparison.compare(CourseSnapshot.of(sections(before)), CourseSnapshot.of(sections(after)),
				updates);
	}

	/**
	 * Each change as {@code TYPE key [areas]}, the areas sorted and left out when none.
	 */
	static List<String> read(List<Change> changes) {
		return changes.stream()
			.map(c -> c.type() + " " + c.artifact().key() + (c.areas().isEmpty() ? "" : " " + new TreeSet<>(c.areas())))
			.toList();
	}

	static Change find(List<Change> changes, Change.Type type, String key) {
		return changes.stream()
			.filter(c -> c.type() == type && c.artifact().key().equals(key))
			.findFirst()
			.orElseThrow();
	}

	static CourseUpdates updates(CourseUpdates.Instance... instances) {
		return new CourseUpdates(List.of(instances));
	}

	/** A module as {@code get_updates_since} reports it, saved a little after t0. */
	static CourseUpdates.Instance updated(long cmid, String... areas) {
		return new CourseUpdates.Instance("module", cmid,
				Arrays.stream(areas).map(area -> new CourseUpdates.Update(area, T0 + 10, null)).toList());
	}

	static List<Section> sections(JsonNode course) {
		return JSON.convertValue(course, JSON.getTypeFactory().constructCollectionType(List.class, Section.class));
	}

	/** A captured {@code core_course_get_contents} answer, as a tree to edit. */
	static ArrayNode course(String name) {
		return (ArrayNode) JSON.readTree(capture(name));
	}

	static ObjectNode section(ArrayNode course, long id) {
		return (ObjectNode) course.valueStream()
			.filter(s -> s.path("id").asLong() == id)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No section " + id));
	}

	static ArrayNode modules(ArrayNode course, long sectionId) {
		return (ArrayNode) section(course, sectionId).path("modules");
	}

	static ObjectNode module(ArrayNode course, long cmid) {
		return (ObjectNode) course.valueStream()
			.flatMap(s -> s.path("modules").valueStream())
			.filter(m -> m.path("id").asLong() == cmid)
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("No module " + cmid));
	}

	/** Takes a module out of its section, as a move or a deletion does. */
	static ObjectNode take(ArrayNode course, long cmid) {
		for (JsonNode section : course) {
			ArrayNode modules = (ArrayNode) section.path("modules");
			int index = indexOf(modules, cmid);
			if (index >= 0) {
				return (ObjectNode) modules.remove(index);
			}
		}
		throw new IllegalArgumentException("No module " + cmid);
	}

	static int indexOf(ArrayNode modules, long cmid) {
		for (int i = 0; i < modules.size(); i++) {
			if (modules.get(i).path("id").asLong() == cmid) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * A new module made like an existing one: another cmid and instance, its own name.
	 */
	static ObjectNode copy(ArrayNode course, long cmid, long newCmid, String name) {
		ObjectNode copy = module(course, cmid).deepCopy();
		copy.put("id", newCmid)
			.put("instance", newCmid + 1000)
			.put("name", name)
			.put("url", copy.path("url").asString().replace("id=" + cmid, "id=" + newCmid));
		return copy;
	}

	/** Puts the sections in this order, numbered from 0 as Moodle numbers them. */
	static void arrange(ArrayNode course, long... ids) {
		List<ObjectNode> sections = new ArrayList<>();
		for (long id : ids) {
			sections.add(section(course, id));
		}
		course.removeAll();
		for (int number = 0; number < sections.size(); number++) {
			course.add(sections.get(number).put("section", number));
		}
	}

	static String capture(String name) {
		try (InputStream in = SnapshotComparisonTest.class.getClassLoader()
			.getResourceAsStream("moodle/webservices/" + name)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
