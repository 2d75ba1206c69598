package org.tandem;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import net.sourceforge.plantuml.FileFormat;
import net.sourceforge.plantuml.FileFormatOption;
import net.sourceforge.plantuml.SourceStringReader;
import org.junit.jupiter.api.Test;
import org.tandem.lti.Platform;
import org.tandem.lti.PlatformRegistered;
import org.tandem.lti.PlatformRegistration;

import org.springframework.modulith.ApplicationModule;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;
import org.springframework.modulith.docs.Documenter.DiagramOptions;
import org.springframework.modulith.docs.Documenter.DiagramOptions.ElementsWithoutRelationships;

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

	/**
	 * Writes every module's diagram and canvas under {@code target/spring-modulith-docs},
	 * draws the whole as {@code modules.svg} there, and fails when the README's picture
	 * ({@code docs/modules.puml} and {@code .svg}) no longer shows the code's modules.
	 */
	@Test
	void readmeShowsTheModulesAsTheCodeHasThem() throws IOException {
		new Documenter(MODULES)
			.writeModulesAsPlantUml(
					DiagramOptions.defaults().withElementsWithoutRelationships(ElementsWithoutRelationships.VISIBLE))
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		Path folder = Path.of("target", "spring-modulith-docs");
		// PlantUML's own layout engine: no Graphviz to install.
		String diagram = Files.readString(folder.resolve("components.puml"))
			.replaceFirst("@startuml", "@startuml\n!pragma layout smetana")
			.replace("TandemApplication", "Tandem");
		Files.writeString(folder.resolve("modules.puml"), diagram);
		try (OutputStream svg = Files.newOutputStream(folder.resolve("modules.svg"))) {
			new SourceStringReader(diagram).outputImage(svg, new FileFormatOption(FileFormat.SVG));
		}
		assertThat(sortedLines(Path.of("docs/modules.puml")))
			.as("docs/modules.puml shows the modules: copy modules.puml and modules.svg of %s to docs/", folder)
			.isEqualTo(sortedLines(folder.resolve("modules.puml")));
	}

	/** The diagram's lines, whatever order the modules were listed in. */
	private static List<String> sortedLines(Path file) throws IOException {
		return Files.readAllLines(file).stream().sorted().toList();
	}

}
