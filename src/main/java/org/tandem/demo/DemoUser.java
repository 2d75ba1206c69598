package org.tandem.demo;

import java.util.List;

/**
 * The people of the demo course, shaped after the users of the BIO101 course captured
 * from a real Moodle ({@code src/test/resources/moodle/}). Moodle has no designer role:
 * the engineer is a non-editing teacher, so launches as Instructor, and is designated as
 * engineer in the demo platform's registration.
 */
enum DemoUser {

	TEACHER("3", "Tina", "Teacher", "teacher1", List.of(DemoUser.INSTRUCTOR)),
	ENGINEER("5", "Eric", "Engineer", "engineer1", List.of(DemoUser.INSTRUCTOR)),
	ADMINISTRATOR("2", "Admin", "User", "admin",
			List.of("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator", DemoUser.INSTRUCTOR,
					"http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator")),
	LEARNER("4", "Sam", "Student", "student1", List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Learner"));

	static final String INSTRUCTOR = "http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor";

	final String id;

	final String givenName;

	final String familyName;

	final String username;

	final List<String> roles;

	DemoUser(String id, String givenName, String familyName, String username, List<String> roles) {
		this.id = id;
		this.givenName = givenName;
		this.familyName = familyName;
		this.username = username;
		this.roles = roles;
	}

	static DemoUser byId(String id) {
		for (DemoUser user : values()) {
			if (user.id.equals(id)) {
				return user;
			}
		}
		return null;
	}

	String email() {
		return username + "@example.com";
	}

	/** For the course page: the login hint Moodle sends is the user id. */
	public String getId() {
		return id;
	}

	public String getKey() {
		return name().toLowerCase(java.util.Locale.ROOT);
	}

}
