package jp.kakaritsuke;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * Package-by-feature rules: Spring Modulith verifies module boundaries and the absence of cycles; ArchUnit the
 * layering inside each feature (the rules of Vaadin's walking skeleton).
 */
class ModularityTest {

    static final ApplicationModules MODULES = ApplicationModules.of(KakaritsukeApplication.class);
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("jp.kakaritsuke");

    @Test
    void modulesHaveNoCyclesAndUseOnlyPublishedInterfaces() {
        MODULES.verify();
    }

    @Test
    void domainDependsOnNeitherServicesNorUi() {
        noClasses().that().resideInAPackage("..domain..")
                .should().dependOnClassesThat().resideInAnyPackage("..service..", "..ui..", "..api..", "com.vaadin..")
                .check(CLASSES);
    }

    @Test
    void servicesDoNotDependOnUi() {
        noClasses().that().resideInAPackage("..service..")
                .should().dependOnClassesThat().resideInAnyPackage("..ui..", "..api..", "com.vaadin.flow.component..")
                .check(CLASSES);
    }

    @Test
    void repositoriesAreUsedOnlyByServicesAndTheDomain() {
        noClasses().that().resideInAnyPackage("..ui..", "..api..")
                .should().dependOnClassesThat().haveSimpleNameEndingWith("Repository")
                .check(CLASSES);
    }

    @Test
    void writeModuleDocumentation() {
        // Keeps target/spring-modulith-docs current; docs/architecture.md is the hand-written summary.
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
