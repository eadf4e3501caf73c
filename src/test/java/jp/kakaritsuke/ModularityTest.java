package jp.kakaritsuke;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.NullMarked;
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

    /** Decision 0008: other modules see a module's {@code domain} and {@code service} packages only. */
    @Test
    void onlyDomainAndServiceAreNamedInterfaces() {
        assertThat(namedInterfacesOtherThanDomainAndService(MODULES)).isEmpty();
    }

    /** The rule on a planted module whose {@code ui} package is exported (src/test/java/example/archrules/exported). */
    @Test
    void theNamedInterfaceRuleFindsAnExportedUiPackage() {
        assertThat(namedInterfacesOtherThanDomainAndService(ApplicationModules.of("example.archrules.exported", (ImportOption) location -> true)))
                .containsExactly("clinic: ui = [example.archrules.exported.clinic.ui]");
    }

    static List<String> namedInterfacesOtherThanDomainAndService(ApplicationModules modules) {
        List<String> found = new ArrayList<>();
        modules.forEach(module -> module.getNamedInterfaces().forEach(named -> {
            if (named.isUnnamed()) {
                return;
            }
            String base = module.getBasePackage().getName();
            List<String> packages = named.asJavaClasses().map(JavaClass::getPackageName).distinct().sorted().toList();
            boolean allowed = (named.getName().equals("domain") || named.getName().equals("service"))
                    && packages.stream().allMatch(p -> p.equals(base + "." + named.getName()));
            if (!allowed) {
                found.add(module.getIdentifier().toString() + ": " + named.getName() + " = " + packages);
            }
        }));
        return found;
    }

    /** JSpecify: every package says that nothing in it is null unless marked {@code @Nullable} (as vaadin/whereabouts). */
    @Test
    void everyPackageIsNullMarked() {
        assertThat(packagesWithoutNullMarked(CLASSES)).isEmpty();
    }

    @Test
    void theNullMarkedRuleFindsAPackageWithout() {
        assertThat(packagesWithoutNullMarked(new ClassFileImporter().importPackages("example.archrules.unmarked")))
                .containsExactly("example.archrules.unmarked");
    }

    static Set<String> packagesWithoutNullMarked(JavaClasses classes) {
        Set<String> found = new TreeSet<>();
        for (JavaClass c : classes) {
            Package p = c.reflect().getPackage();
            if (p == null || !p.isAnnotationPresent(NullMarked.class)) {
                found.add(c.getPackageName());
            }
        }
        return found;
    }

    @Test
    void writeModuleDocumentation() {
        // Keeps target/spring-modulith-docs current; docs/architecture.md is the hand-written summary.
        new Documenter(MODULES).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
    }
}
