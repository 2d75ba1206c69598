package org.tandem;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.tandem.lti.Platform;
import org.tandem.lti.PlatformRegistered;
import org.tandem.lti.PlatformRegistration;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Each top-level package is a module that declares, in its {@code package-info.java}, the
 * modules it may use: the build fails on a wrong-way import, a cycle, or a use of another
 * module's internal types. The module picture of the README is drawn from the same model,
 * under {@code target/spring-modulith-docs}.
 */
class ModuleStructureTest {

	static final ApplicationModules MODULES = ApplicationModules.of(TandemApplication.class);

	@Test
	void modulesDependOnEachOtherOnlyAsDeclared() {
		MODULES.verify();
	}

	@Test
	void everyModuleDeclaresWhatItMayUse() {
		assertThat(MODULES.stream().map(module -> module.getBasePackage().getName())).containsExactlyInAnyOrder(
				"org.tandem.admin", "org.tandem.artifacts", "org.tandem.demo", "org.tandem.home", "org.tandem.lti",
				"org.tandem.moodle", "org.tandem.notifications", "org.tandem.reports", "org.tandem.requests",
				"org.tandem.system");
		MODULES.forEach(module -> assertThat(declaration(module.getBasePackage().getName()))
			.as("%s declares its allowed dependencies", module.getDisplayName())
			.isNotNull()
			.satisfies(declared -> assertThat(declared.allowedDependencies())
				.doesNotContain(ApplicationModule.OPEN_TOKEN)));
	}

	private static ApplicationModule declaration(String basePackage) {
		try {
			return Class.forName(basePackage + ".package-info").getAnnotation(ApplicationModule.class);
		}
		catch (ClassNotFoundException ex) {
			return null;
		}
	}

	/** Moodle's web services may be named by a platform's registration: nothing else. */
	@Test
	void moodleKnowsOfLtiOnlyTheRegistrationEvent() {
		noClasses().that()
			.resideInAPackage("org.tandem.moodle..")
			.should()
			.dependOnClassesThat(resideInAPackage("org.tandem.lti..")
				.and(not(belongToAnyOf(PlatformRegistered.class, Platform.class, PlatformRegistration.class))))
			.check(new ClassFileImporter().withImportOption(new ImportOption.DoNotIncludeTests())
				.importPackages("org.tandem.moodle"));
	}

	@Test
	void writesTheModulePicture() {
		new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml().writeModuleCanvases();
	}

}
