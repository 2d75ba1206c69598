package org.tandem.artifacts;

import java.util.List;

/**
 * The courses the scheduled check looks at: those with open requests (told by requests).
 */
public interface WatchedCourses {

	List<CourseKey> toWatch();

}
