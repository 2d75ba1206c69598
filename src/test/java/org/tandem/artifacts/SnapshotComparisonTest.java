package org.tandem.artifacts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

import org.tandem.moodle.CourseContents;
import org.tandem.moodle.CourseContents.Module;
import org.tandem.moodle.CourseContents.Section;
import org.tandem.moodle.CourseUpdates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The comparison on real course contents: BIO101 as a real Moodle 4.5 returned it before
 * and after a designer's nine edits, with what {@code get_updates_since} said.
 */
class SnapshotComparisonTest {

	static final JsonMapper JSON = JsonMapper.builder().build();

	static final List<Section> BEFORE = sections("bio101/02-get-contents-before.json");

	static final List<Section> AFTER = sections("bio101/03-get-contents-after.json");

	static final CourseUpdates UPDATES = JSON.readValue(capture("bio101/04-get-updates-since.json"), CourseUpdates.class);

	@Test
	void everyEditOfTheDesignerIsFoundOnceWithTheAreasMoodleNames() {
		List<Change> changes = SnapshotComparison.compare(CourseSnapshot.of(BEFORE), CourseSnapshot.of(AFTER), UPDATES);

		assertThat(changes).extracting(c -> c.type(), c -> c.artifact().id())
			.containsExactlyInAnyOrder(tuple(Change.Type.RENAMED, 103L), // 1 page renamed
					tuple(Change.Type.MODIFIED, 112L), // 2 quiz settings: only Moodle's updates show it
					tuple(Change.Type.MODIFIED, 105L), // 3 file replaced
					tuple(Change.Type.MODIFIED, 101L), // 4 forum description
					tuple(Change.Type.HIDDEN, 104L), // 5 url hidden
					tuple(Change.Type.MOVED, 110L), // 6 assign moved to another section
					tuple(Change.Type.REMOVED, 111L), // 7 choice deleted
					tuple(Change.Type.ADDED, 127L), // 8 page added
					tuple(Change.Type.RENAMED, 48L), // 9 section renamed
					tuple(Change.Type.MODIFIED, 48L)); // 9 ... and its summary
		Map<Long, Change> byModule = changes.stream()
			.filter(c -> c.artifact().kind() == Artifact.Kind.MODULE)
			.collect(Collectors.toMap(c -> c.artifact().id(), Function.identity()));
		assertThat(byModule.get(105L).areas()).containsExactlyInAnyOrder("configuration", "contentfiles");
		assertThat(byModule.get(112L).areas()).containsExactly("configuration");
		assertThat(byModule.get(103L).before().name()).isEqualTo("Présentation du cours");
		assertThat(byModule.get(103L).after().name()).isEqualTo("Présentation du cours et objectifs");
		assertThat(byModule.get(110L).before().sectionId()).isEqualTo(48);
		assertThat(byModule.get(110L).after().sectionId()).isEqualTo(49);
		assertThat(byModule.get(111L).after()).isNull();
	}

	@Test
	void sameCourseTwiceHasNoChange() {
		assertThat(SnapshotComparison.compare(CourseSnapshot.of(AFTER), CourseSnapshot.of(AFTER),
				new CourseUpdates(List.of()))).isEmpty();
	}

	@Test
	void sectionMovedUpIsTheOnlyMoveReported() {
		// Section 49 moved to just after section 0, as captured in extra/get-contents-after-section-move.json.
		List<Long> order = sections("bio101/extra/get-contents-after-section-move.json").stream().map(Section::id).toList();
		List<Section> moved = new ArrayList<>();
		for (int number = 0; number < order.size(); number++) {
			long id = order.get(number);
			Section section = AFTER.stream().filter(s -> s.id() == id).findFirst().orElseThrow();
			moved.add(new Section(section.id(), section.name(), section.visible(), section.summary(), number,
					section.availability(), section.modules()));
		}

		List<Change> changes = SnapshotComparison.compare(CourseSnapshot.of(AFTER), CourseSnapshot.of(moved), null);

		assertThat(changes).extracting(c -> c.type(), c -> c.artifact().id())
			.containsExactly(tuple(Change.Type.MOVED, 49L));
	}

	@Test
	void moduleDeletedAndAnotherAddedUnderTheSameNameAreTwoArtifacts() {
		Section intro = BEFORE.get(1);
		Module page = intro.modules().stream().filter(m -> m.id() == 103).findFirst().orElseThrow();
		Module again = new Module(200, page.url().replace("103", "200"), page.name(), 99, page.description(),
				page.visible(), page.modname(), page.availability(), page.completion(), page.contents());
		List<Module> modules = new ArrayList<>(intro.modules());
		modules.set(modules.indexOf(page), again);
		List<Section> after = new ArrayList<>(BEFORE);
		after.set(1, new Section(intro.id(), intro.name(), intro.visible(), intro.summary(), intro.section(),
				intro.availability(), modules));

		List<Change> changes = SnapshotComparison.compare(CourseSnapshot.of(BEFORE), CourseSnapshot.of(after), null);

		assertThat(changes).extracting(c -> c.type(), c -> c.artifact().id())
			.containsExactlyInAnyOrder(tuple(Change.Type.REMOVED, 103L), tuple(Change.Type.ADDED, 200L));
	}

	@Test
	void moduleReorderedInItsSectionIsMovedAndOnlyIt() {
		Section cell = BEFORE.get(2);
		List<Module> modules = new ArrayList<>(cell.modules());
		Module last = modules.remove(modules.size() - 1);
		modules.add(0, last);
		List<Section> after = new ArrayList<>(BEFORE);
		after.set(2, new Section(cell.id(), cell.name(), cell.visible(), cell.summary(), cell.section(),
				cell.availability(), modules));

		List<Change> changes = SnapshotComparison.compare(CourseSnapshot.of(BEFORE), CourseSnapshot.of(after), null);

		assertThat(changes).extracting(c -> c.type(), c -> c.artifact().id())
			.containsExactly(tuple(Change.Type.MOVED, last.id()));
	}

	@Test
	void shownAgainIsShown() {
		List<Change> changes = SnapshotComparison.compare(CourseSnapshot.of(AFTER), CourseSnapshot.of(BEFORE), null);

		assertThat(changes).filteredOn(c -> c.artifact().id() == 104L).extracting(Change::type)
			.containsExactly(Change.Type.SHOWN);
	}

	@Test
	void longestIncreasingRunKeepsTheMostOrder() {
		assertThat(SnapshotComparison.longestIncreasingRun(new int[] { 0, 4, 1, 2, 3 })).containsExactlyInAnyOrder(0, 2,
				3, 4);
		assertThat(SnapshotComparison.longestIncreasingRun(new int[] {})).isEmpty();
	}

	static List<Section> sections(String name) {
		return JSON.readValue(capture(name),
				JSON.getTypeFactory().constructCollectionType(List.class, CourseContents.Section.class));
	}

	static String capture(String name) {
		try (InputStream in = SnapshotComparisonTest.class.getClassLoader()
			.getResourceAsStream("moodle/webservices/" + name)) {
			return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
