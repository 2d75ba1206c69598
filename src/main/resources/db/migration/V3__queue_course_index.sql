-- The queue's course filter lists the platform's courses that have requests by skipping
-- along this index, one probe per course, instead of reading every request.
create index help_request_platform_course on help_request (platform_id, course_id);
