package io.github.nameorigin;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The package graph runs one way: feature packages ({@code dataset}, {@code training},
 * {@code evaluation}, {@code prediction}) depend on the shared ones ({@code model},
 * {@code system}), never in a circle, and the shared ones never reach into a feature.
 */
class ArchitectureTests {

    private static final String ROOT = "io.github.nameorigin";
    private static final String[] FEATURES = {ROOT + ".dataset..", ROOT + ".training..", ROOT + ".evaluation..",
        ROOT + ".prediction.."};

    private static final JavaClasses MAIN = new ClassFileImporter()
            // test classes by their output folder, whatever the build directory is called (-Dbuild.dir)
            .withImportOption(location -> !location.contains("/test-classes/"))
            .importPackages(ROOT);

    @Test
    void packagesAreFreeOfCycles() {
        slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(MAIN);
    }

    @Test
    void systemDoesNotReachIntoFeatures() {
        noClasses().that().resideInAPackage(ROOT + ".system..")
                .should().dependOnClassesThat().resideInAnyPackage(FEATURES)
                .check(MAIN);
    }

    @Test
    void theModelDependsOnNothingElseOfOurs() {
        noClasses().that().resideInAPackage(ROOT + ".model..")
                .should().dependOnClassesThat().resideInAnyPackage(append(FEATURES, ROOT + ".system.."))
                .check(MAIN);
    }

    @Test
    void evaluationDoesNotDependOnTraining() {
        noClasses().that().resideInAPackage(ROOT + ".evaluation..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".training..")
                .check(MAIN);
    }

    @Test
    void featuresDoNotDependOnThePrediction() {
        noClasses().that().resideInAnyPackage(ROOT + ".dataset..", ROOT + ".training..", ROOT + ".evaluation..")
                .should().dependOnClassesThat().resideInAPackage(ROOT + ".prediction..")
                .check(MAIN);
    }

    private static String[] append(String[] packages, String more) {
        String[] all = java.util.Arrays.copyOf(packages, packages.length + 1);
        all[packages.length] = more;
        return all;
    }
}
