package org.tandem.lti.launch;

import java.util.List;

import org.junit.jupiter.api.Test;
import org.tandem.lti.Role;

import static org.assertj.core.api.Assertions.assertThat;

/** The roles claim in every form platforms send it. */
class LisRolesTest {

	@Test
	void moodleSiteAdministratorIsAdministratorAndTeacher() {
		assertThat(LisRoles.parse(List.of("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Administrator",
				"http://purl.imsglobal.org/vocab/lis/v2/membership#Instructor",
				"http://purl.imsglobal.org/vocab/lis/v2/system/person#Administrator")))
			.containsExactlyInAnyOrder(Role.ADMINISTRATOR, Role.TEACHER);
	}

	@Test
	void shortNamesSubRolesAndLegacyUrnsAreRead() {
		assertThat(LisRoles.parse(List.of("Instructor"))).containsExactly(Role.TEACHER);
		assertThat(LisRoles.parse(List.of("Learner"))).containsExactly(Role.LEARNER);
		assertThat(LisRoles
			.parse(List.of("http://purl.imsglobal.org/vocab/lis/v2/membership/Instructor#TeachingAssistant")))
			.containsExactly(Role.TEACHER);
		assertThat(LisRoles.parse(List.of("urn:lti:role:ims/lis/Learner/NonCreditLearner")))
			.containsExactly(Role.LEARNER);
		assertThat(LisRoles.parse(List.of("urn:lti:sysrole:ims/lis/Administrator")))
			.containsExactly(Role.ADMINISTRATOR);
	}

	@Test
	void anInstitutionRoleSaysNothingAboutTheCourse() {
		assertThat(LisRoles.parse(List.of("http://purl.imsglobal.org/vocab/lis/v2/institution/person#Instructor",
				"http://purl.imsglobal.org/vocab/lis/v2/institution/person#Student")))
			.isEmpty();
	}

	@Test
	void unknownRolesAreIgnored() {
		assertThat(LisRoles.parse(List.of("http://purl.imsglobal.org/vocab/lis/v2/membership#Mentor", "Wizard",
				"https://example.edu/roles#Dean", " ")))
			.isEmpty();
	}

}
