package org.tandem.requests;

import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.tandem.artifacts.Artifact;
import org.tandem.artifacts.Change;
import org.tandem.artifacts.CourseChange;
import org.tandem.artifacts.CourseChecks;
import org.tandem.artifacts.CourseHistory;
import org.tandem.artifacts.CourseLinks;
import org.tandem.artifacts.CourseSnapshot;
import org.tandem.artifacts.Reworks;
import org.tandem.artifacts.SnapshotRecord;
import org.tandem.lti.Directory;
import org.tandem.lti.Directory.Person;
import org.tandem.lti.LaunchSession;
import org.tandem.lti.PlatformRegistry;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The course part of a request's page: what it is about, what changed in the course since
 * it was filed (for engineers), and what was reworked. Reads only what Tandem stored, so
 * that a Moodle down never slows nor breaks the page.
 */
@Component
@Transactional(readOnly = true)
class CourseWorkPages {

	/** Beyond this many changes since filing, the oldest are left out of the page. */
	static final int MAX_CHANGES = 300;

	private final RequestTargets targets;

	private final Reworks reworks;

	private final CourseHistory history;

	private final CourseChecks checks;

	private final RequestRepository requests;

	private final PlatformRegistry platforms;

	private final Directory directory;

	CourseWorkPages(RequestTargets targets, Reworks reworks, CourseHistory history, CourseChecks checks,
			RequestRepository requests, PlatformRegistry platforms, Directory directory) {
		this.targets = targets;
		this.reworks = reworks;
		this.history = history;
		this.checks = checks;
		this.requests = requests;
		this.platforms = platforms;
		this.directory = directory;
	}

	CourseWorkView of(LaunchSession launch, HelpRequest request) {
		boolean engineer = HelpDesk.isEngineerOf(launch, request);
		URI site = platforms.byId(request.platformId()).map(p -> p.siteUrl()).orElse(URI.create(""));
		RequestTargets.Targets about = targets.of(request.id());
		Optional<SnapshotRecord> latest = history.latest(request.courseId());
		CourseSnapshot now = latest.map(SnapshotRecord::snapshot).orElse(null);
		List<Reworks.Rework> done = reworks.of(request.id());
		Map<Long, Reworks.Review> reviews = engineer ? reworks.reviews(request.id()) : Map.of();
		List<CourseChange> changes = engineer ? history.changesSince(request.courseId(), request.createdAt())
				: List.of();
		Set<Long> ids = new HashSet<>();
		done.forEach(r -> ids.add(r.engineerId()));
		reviews.values().forEach(r -> ids.add(r.engineerId()));
		Map<Long, Person> people = directory.people(ids);
		Set<String> targeted = about.keys();
		List<CourseChange> shown = changes.stream()
			.sorted(Comparator.comparing((CourseChange c) -> c.mayPredate(request.createdAt()))
				.thenComparing(c -> !targeted.contains(c.artifactKey()))
				.thenComparing(CourseChange::detectedAt, Comparator.reverseOrder()))
			.limit(MAX_CHANGES)
			.toList();
		Map<Long, List<Long>> elsewhere = reworks.forOtherRequests(request.id(),
				shown.stream().map(CourseChange::id).toList());
		Map<Long, String> titles = requests
			.titles(elsewhere.values().stream().flatMap(List::stream).collect(Collectors.toSet()));
		List<ChangeView> changeViews = shown.stream().map(c -> {
			Reworks.Review review = reviews.get(c.id());
			return new ChangeView(c, targeted.contains(c.artifactKey()), c.mayPredate(request.createdAt()),
					c.type() == Change.Type.REMOVED ? null
							: CourseLinks.artifact(site, c.artifactKind(), c.artifactId(), c.artifactType()),
					review == null ? null : review.verdict(),
					review == null ? null : label(people, review.engineerId()),
					elsewhere.getOrDefault(c.id(), List.of()).stream().map(titles::get).toList());
		}).toList();
		Map<Long, CourseChange> shownBy = history.changes(request.courseId(),
				done.stream().map(Reworks.Rework::changeId).filter(Objects::nonNull).toList());
		List<ReworkView> reworkViews = done.stream().map(r -> {
			Optional<Artifact> current = r.inMoodle() && now != null
					? now.find(Artifact.key(r.artifactKind(), r.artifactId())) : Optional.empty();
			Presence presence = !r.inMoodle() ? Presence.OUTSIDE
					: now == null ? Presence.UNKNOWN : current.isPresent() ? Presence.IN_COURSE : Presence.GONE;
			String link = !r.inMoodle() ? r.link() : presence == Presence.GONE ? null
					: CourseLinks.artifact(site, r.artifactKind(), r.artifactId(), r.artifactType());
			String renamed = current.map(Artifact::name).filter(name -> !name.equals(r.name())).orElse(null);
			return new ReworkView(r, label(people, r.engineerId()), link, presence, renamed,
					r.changeId() == null ? null : shownBy.get(r.changeId()));
		}).toList();
		List<TargetView> targetViews = about.artifacts().stream().map(t -> {
			Optional<Artifact> current = now == null ? Optional.empty() : now.find(t.key());
			return new TargetView(t, CourseLinks.artifact(site, t.kind(), t.id(), t.type()),
					now == null || current.isPresent(),
					current.map(Artifact::name).filter(name -> !name.equals(t.name())).orElse(null));
		}).toList();
		return new CourseWorkView(checks.canSee(request.platformId()),
				latest.map(SnapshotRecord::checkedAt).orElse(null), about.wholeCourse(), targetViews, changeViews,
				changes.size() > MAX_CHANGES, reworkViews, engineer);
	}

	private static String label(Map<Long, Person> people, long id) {
		Person person = people.get(id);
		return person == null ? "#" + id : person.label();
	}

	/**
	 * Whether a reworked artifact is still in the course, as the last snapshot has it.
	 */
	enum Presence {

		IN_COURSE, GONE, UNKNOWN, OUTSIDE

	}

	/**
	 * @param courseView whether the platform's web services are set
	 * @param lastChecked when Moodle last showed the course, null when never
	 */
	record CourseWorkView(boolean courseView, Instant lastChecked, boolean wholeCourse, List<TargetView> targets,
			List<ChangeView> changes, boolean moreChanges, List<ReworkView> reworks, boolean engineer) {
	}

	/**
	 * @param exists false when the last snapshot no longer has it
	 * @param renamedTo its name now, when it changed since the teacher picked it
	 */
	record TargetView(RequestTargets.Target target, String link, boolean exists, String renamedTo) {
	}

	/**
	 * @param mayPredate Moodle had not shown the course since before the request was
	 * filed: the change may be older than the request
	 * @param link null for a removed artifact
	 * @param reworkedFor the titles of the other requests this change was recorded as
	 * work for, so that one edit is not counted twice unknowingly
	 */
	record ChangeView(CourseChange change, boolean targeted, boolean mayPredate, String link, Reworks.Verdict verdict,
			String reviewer, List<String> reworkedFor) {
	}

	/**
	 * @param renamedTo the artifact's name now, when it changed since
	 * @param change what Moodle showed, null for work outside Moodle
	 */
	record ReworkView(Reworks.Rework rework, String engineer, String link, Presence presence, String renamedTo,
			CourseChange change) {
	}

}
