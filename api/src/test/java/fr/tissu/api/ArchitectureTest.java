package fr.tissu.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The arrows of ARCHITECTURE.md, checked on the compiled classes: modules depend one way
 * (vocabulary ← store ← search ← loader ← api), the service's packages have no cycle, and the shared packages
 * ({@code core}, {@code domain}) never reach into a protocol.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("fr.tissu");
    }

    @Test
    void modulesDependOneWay() {
        noClasses().that().resideInAPackage("fr.tissu.vocabulary..")
                .should().dependOnClassesThat().resideInAnyPackage("fr.tissu.store..", "fr.tissu.search..",
                        "fr.tissu.loader..", "fr.tissu.api..").check(classes);
        noClasses().that().resideInAPackage("fr.tissu.store..")
                .should().dependOnClassesThat().resideInAnyPackage("fr.tissu.search..", "fr.tissu.loader..",
                        "fr.tissu.api..").check(classes);
        noClasses().that().resideInAPackage("fr.tissu.search..")
                .should().dependOnClassesThat().resideInAnyPackage("fr.tissu.loader..", "fr.tissu.api..")
                .check(classes);
        noClasses().that().resideInAPackage("fr.tissu.loader..")
                .should().dependOnClassesThat().resideInAPackage("fr.tissu.api..").check(classes);
    }

    @Test
    void packagesHaveNoCycle() {
        slices().matching("fr.tissu.api.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("fr.tissu.loader.(*)..").should().beFreeOfCycles().check(classes);
        slices().matching("fr.tissu.store.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void sharedPackagesNeverReachIntoAProtocol() {
        String[] protocols = {"fr.tissu.api.rest..", "fr.tissu.api.graphql..", "fr.tissu.api.sparql..",
            "fr.tissu.api.linkeddata..", "fr.tissu.api.catalog..", "fr.tissu.api.html..", "fr.tissu.api.http..",
            "fr.tissu.api.finder.."};
        noClasses().that().resideInAPackage("fr.tissu.api.core..")
                .should().dependOnClassesThat().resideInAnyPackage(protocols).check(classes);
        noClasses().that().resideInAnyPackage("fr.tissu.api.core..").should().dependOnClassesThat()
                .resideInAPackage("fr.tissu.api.domain..").check(classes);
        noClasses().that().resideInAPackage("fr.tissu.api.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(protocols).check(classes);
    }
}
