package org.tandem.artifacts;

import java.util.List;

import org.tandem.lti.Directory.CourseRef;

/**
 * The courses the scheduled check looks at: those with open requests (told by requests).
 */
public interface WatchedCourses {

	List<CourseRef> toWatch();

}
