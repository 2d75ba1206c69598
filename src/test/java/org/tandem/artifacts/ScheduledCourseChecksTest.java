package org.tandem.artifacts;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The schedule follows its properties: on, it looks at the watched courses again and
 * again; off, never.
 */
class ScheduledCourseChecksTest {

	final ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();

	final AtomicInteger looks = new AtomicInteger();

	final WatchedCourses watched = () -> {
		looks.incrementAndGet();
		return List.of();
	};

	ScheduledCourseChecksTest() {
		scheduler.initialize();
	}

	@AfterEach
	void stop() {
		scheduler.shutdown();
	}

	@Test
	void onItChecksTheWatchedCoursesAtEachInterval() {
		new ScheduledCourseChecks(null, null, List.of(watched),
				new ArtifactsProperties(true, Duration.ofMillis(50), Duration.ofSeconds(5)), scheduler,
				Clock.systemUTC())
			.start();

		await().atMost(Duration.ofSeconds(10)).until(() -> looks.get() >= 3);
	}

	@Test
	void offItSchedulesNothing() {
		new ScheduledCourseChecks(null, null, List.of(watched),
				new ArtifactsProperties(false, Duration.ofMillis(50), Duration.ofSeconds(5)), scheduler,
				Clock.systemUTC())
			.start();

		assertThat(scheduler.getScheduledThreadPoolExecutor().getQueue()).isEmpty();
		assertThat(looks.get()).isZero();
	}

}
