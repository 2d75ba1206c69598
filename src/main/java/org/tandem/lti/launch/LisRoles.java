package org.tandem.lti.launch;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

import org.tandem.lti.Role;

/**
 * Reads the roles claim: full LIS v2 URIs, sub-roles, the short context role names LTI
 * 1.3 still allows ({@code Instructor}), and LTI 1.1 URNs. Unknown roles are ignored.
 * Only context (membership) roles make a teacher or a learner of this course: an
 * institution role says nothing about this course.
 */
final class LisRoles {

	private static final String LIS = "http://purl.imsglobal.org/vocab/lis/v2/";

	private LisRoles() {
	}

	static Set<Role> parse(Collection<String> claimed) {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		for (String value : claimed) {
			if (value != null) {
				read(value.trim(), roles);
			}
		}
		return roles;
	}

	private static void read(String value, Set<Role> roles) {
		if (value.startsWith(LIS)) {
			String rest = value.substring(LIS.length());
			if (rest.startsWith("membership/")) {
				// A sub-role (membership/Instructor#TeachingAssistant) counts as its
				// parent.
				contextRole(between(rest, "membership/", "#"), roles);
			}
			else if (rest.startsWith("membership#")) {
				contextRole(rest.substring("membership#".length()), roles);
			}
			else if (rest.startsWith("system/person#") || rest.startsWith("institution/person#")) {
				String name = rest.substring(rest.indexOf('#') + 1);
				if (name.equals("Administrator") || name.equals("SysAdmin")) {
					roles.add(Role.ADMINISTRATOR);
				}
			}
		}
		else if (value.startsWith("urn:lti:role:ims/lis/")) {
			String name = value.substring("urn:lti:role:ims/lis/".length());
			contextRole(name.contains("/") ? name.substring(0, name.indexOf('/')) : name, roles);
		}
		else if (value.startsWith("urn:lti:sysrole:ims/lis/") || value.startsWith("urn:lti:instrole:ims/lis/")) {
			if (value.endsWith("/Administrator") || value.endsWith("/SysAdmin")) {
				roles.add(Role.ADMINISTRATOR);
			}
		}
		else if (!value.contains(":") && !value.contains("/")) {
			contextRole(value, roles);
		}
	}

	private static void contextRole(String name, Set<Role> roles) {
		switch (name.toLowerCase(Locale.ROOT)) {
			case "instructor", "teachingassistant" -> roles.add(Role.TEACHER);
			case "administrator" -> roles.add(Role.ADMINISTRATOR);
			case "learner" -> roles.add(Role.LEARNER);
			default -> {
				// Mentor, ContentDeveloper, Member...: not a role Tandem acts on.
			}
		}
	}

	private static String between(String value, String start, String end) {
		int from = value.indexOf(start) + start.length();
		int to = value.indexOf(end, from);
		return to < 0 ? value.substring(from) : value.substring(from, to);
	}

}
