package org.tandem.artifacts;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.moodle.CourseContents;
import org.tandem.moodle.CourseUpdates;
import org.tandem.moodle.MoodleException;
import org.tandem.moodle.MoodleSite;
import org.tandem.moodle.MoodleSites;
import org.tandem.moodle.MoodleWebServices;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.task.TaskExecutor;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Looks at a course as Moodle has it: reads its contents and what Moodle says changed
 * since the last look, compares with the last snapshot, and stores a new snapshot with
 * its changes only when something changed. Moodle is called outside any transaction, so a
 * slow Moodle holds no database lock; the comparison and the writes run with the course
 * locked, so that two checks at once never store a change twice.
 */
@Service
public class CourseChecks {

	private static final Logger log = LoggerFactory.getLogger(CourseChecks.class);

	private final MoodleSites sites;

	private final MoodleWebServices webServices;

	private final SnapshotStore store;

	private final TransactionTemplate transaction;

	private final TaskExecutor executor;

	private final ArtifactsProperties properties;

	private final Clock clock;

	CourseChecks(MoodleSites sites, MoodleWebServices webServices, SnapshotStore store,
			PlatformTransactionManager transactions, @Qualifier("applicationTaskExecutor") TaskExecutor executor,
			ArtifactsProperties properties, Clock clock) {
		this.sites = sites;
		this.webServices = webServices;
		this.store = store;
		this.transaction = new TransactionTemplate(transactions);
		this.executor = executor;
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * Whether the platform's web services are set, so that its courses can be seen.
	 */
	public boolean canSee(long platformId) {
		return sites.canKeepTokens() && sites.connection(platformId).isPresent();
	}

	/**
	 * Checks the course now; never throws for what Moodle does, the result says it. Call
	 * it outside any transaction scope, NOT_SUPPORTED ones too (their reads keep their
	 * connection until the scope ends): then it holds no database connection while Moodle
	 * answers.
	 */
	public CourseCheck check(CourseKey course) {
		Optional<MoodleSite> site = sites.of(course.platformId());
		if (site.isEmpty()) {
			return new CourseCheck(CourseCheck.Outcome.NOT_CONFIGURED, null, null, 0);
		}
		know(course);
		Instant since = store.latestHead(course.id()).map(SnapshotStore.Head::checkedAt).orElse(null);
		List<CourseContents.Section> sections;
		CourseUpdates updates;
		try {
			sections = webServices.courseContents(site.get(), course.contextId());
			updates = since == null ? null : updatesSince(site.get(), course, since);
		}
		catch (MoodleException ex) {
			return new CourseCheck(CourseCheck.Outcome.FAILED, ex.problem().key(), null, 0);
		}
		return transaction.execute(status -> record(course.id(), CourseSnapshot.of(sections), updates, since));
	}

	/**
	 * Checks the course, waiting at most {@code tandem.artifacts.form-wait} for it: a
	 * page that needs the course now does not hang on a slow Moodle. Past the wait, the
	 * check goes on in the background, stores what it finds, and the result says Moodle
	 * is unavailable for now.
	 */
	public CourseCheck checkWithinFormWait(CourseKey course) {
		// The executor carries the page's correlation id along, so that Moodle's answer
		// is
		// logged under it.
		CompletableFuture<CourseCheck> check = CompletableFuture.supplyAsync(() -> check(course), executor);
		try {
			return check.get(properties.formWait().toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (TimeoutException | InterruptedException ex) {
			if (ex instanceof InterruptedException) {
				Thread.currentThread().interrupt();
			}
			log.info("Course {} not read within {}: the check goes on in the background", course.id(),
					properties.formWait());
			return new CourseCheck(CourseCheck.Outcome.FAILED, MoodleException.Problem.UNAVAILABLE.key(), null, 0);
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(ex);
		}
	}

	/**
	 * Keeps a row of this module's own for the course, which checks lock: the first check
	 * of a course adds it, in a transaction of its own, so that two first checks at once
	 * do not fail each other's.
	 */
	private void know(CourseKey course) {
		if (!store.knows(course.id())) {
			try {
				transaction.executeWithoutResult(status -> store.add(course, clock.instant()));
			}
			catch (DuplicateKeyException ex) {
				// another check added it meanwhile
			}
		}
	}

	/**
	 * @param since when the snapshot Moodle's updates are relative to was last confirmed;
	 * when another check looked after it, that check already counted those updates
	 */
	private CourseCheck record(long courseId, CourseSnapshot now, CourseUpdates updates, Instant since) {
		store.lock(courseId);
		Instant at = clock.instant();
		String json = SnapshotStore.json(now);
		String digest = CourseSnapshot.digest(json);
		Optional<SnapshotStore.Head> last = store.latestHead(courseId);
		if (last.isEmpty()) {
			return checked(store.insert(courseId, json, digest, at), courseId, at, at, now, 0);
		}
		boolean fresh = since != null && !last.get().checkedAt().isAfter(since);
		CourseUpdates named = fresh ? updates : null;
		// Most checks find the course as it was: the digest says so without reading the
		// last snapshot.
		boolean same = last.get().digest().equals(digest) && (named == null || named.instances().isEmpty());
		List<Change> changes = same ? List.of()
				: SnapshotComparison.compare(store.snapshot(last.get().id()), now, named);
		if (changes.isEmpty()) {
			store.confirm(last.get().id(), at);
			return checked(last.get().id(), courseId, last.get().takenAt(), at, now, 0);
		}
		long id = store.insert(courseId, json, digest, at);
		store.insertChanges(courseId, last.get().id(), id, changes, at);
		return checked(id, courseId, at, at, now, changes.size());
	}

	private static CourseCheck checked(long snapshotId, long courseId, Instant takenAt, Instant checkedAt,
			CourseSnapshot snapshot, int newChanges) {
		return new CourseCheck(CourseCheck.Outcome.CHECKED, null,
				new SnapshotRecord(snapshotId, courseId, takenAt, checkedAt, snapshot), newChanges);
	}

	/**
	 * Moodle's own word on what changed since the last look. Without it (a service
	 * lacking the function) the comparison still finds every change it can see. A Moodle
	 * down fails the check instead: this check's time would be the next one's
	 * {@code since}, and what only Moodle's word shows (a quiz's time limit) would be
	 * lost.
	 */
	private CourseUpdates updatesSince(MoodleSite site, CourseKey course, Instant since) {
		try {
			return webServices.updatesSince(site, course.contextId(), since.getEpochSecond());
		}
		catch (MoodleException ex) {
			if (ex.problem() == MoodleException.Problem.UNAVAILABLE) {
				throw ex;
			}
			return null;
		}
	}

}
