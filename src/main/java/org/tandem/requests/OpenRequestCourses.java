package org.tandem.requests;

import java.util.Arrays;
import java.util.List;

import org.tandem.artifacts.CourseKey;
import org.tandem.artifacts.WatchedCourses;
import org.tandem.lti.Directory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The scheduled course check looks at the courses that have open requests. */
@Component
class OpenRequestCourses implements WatchedCourses {

	private final JdbcClient jdbc;

	private final Directory directory;

	OpenRequestCourses(JdbcClient jdbc, Directory directory) {
		this.jdbc = jdbc;
		this.directory = directory;
	}

	@Override
	@Transactional(readOnly = true)
	public List<CourseKey> toWatch() {
		List<String> open = Arrays.stream(RequestStatus.values()).filter(RequestStatus::open).map(Enum::name).toList();
		List<Long> courses = jdbc.sql("select distinct course_id from help_request where status in (:open)")
			.param("open", open)
			.query(Long.class)
			.list();
		return directory.courses(courses)
			.values()
			.stream()
			.map(course -> new CourseKey(course.id(), course.platformId(), course.contextId()))
			.toList();
	}

}
