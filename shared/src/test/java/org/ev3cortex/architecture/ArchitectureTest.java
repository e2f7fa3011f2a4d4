package org.ev3cortex.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The package rules of the agent (ARCHITECTURE.md, "One tick"), checked on the main classes:
 * {@code agent} is the composition root nothing depends on, {@code config} depends on none of our
 * packages, the shared agent knows nothing of the brick, the simulator or the deploy tool, and
 * the packages form no cycle.
 */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importMainClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.ev3cortex");
    }

    @Test
    void nothingButTheEntryPointsDependsOnTheCompositionRoot() {
        ArchRule rule = noClasses().that().resideOutsideOfPackage("org.ev3cortex.agent..")
                .should().dependOnClassesThat().resideInAPackage("org.ev3cortex.agent..")
                .because("agent wires the stages; a stage sees the tick only through the seam package");
        rule.check(classes);
    }

    @Test
    void configDependsOnNoneOfOurPackages() {
        ArchRule rule = noClasses().that().resideInAPackage("org.ev3cortex.config..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.ev3cortex.agent..", "org.ev3cortex.seam..", "org.ev3cortex.body..",
                        "org.ev3cortex.v1..", "org.ev3cortex.a1..", "org.ev3cortex.s1..", "org.ev3cortex.insula..",
                        "org.ev3cortex.cortex..", "org.ev3cortex.ganglia..", "org.ev3cortex.m1..",
                        "org.ev3cortex.status..", "org.ev3cortex.histogram..", "org.ev3cortex.robot..",
                        "org.ev3cortex.sim..", "org.ev3cortex.deploy..");
        rule.check(classes);
    }

    @Test
    void sharedKnowsNothingOfTheBrickTheSimulatorOrDeploy() {
        ArchRule rule = noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("org.ev3cortex.robot..", "org.ev3cortex.sim..", "org.ev3cortex.deploy..");
        rule.check(classes);
    }

    @Test
    void noPackageCycles() {
        slices().matching("org.ev3cortex.(*)..").should().beFreeOfCycles().check(classes);
    }

    @Test
    void theSeamDependsOnlyOnTheBodyAndConfig() {
        ArchRule rule = noClasses().that().resideInAPackage("org.ev3cortex.seam..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.ev3cortex.v1..", "org.ev3cortex.a1..", "org.ev3cortex.s1..", "org.ev3cortex.insula..",
                        "org.ev3cortex.cortex..", "org.ev3cortex.ganglia..", "org.ev3cortex.m1..",
                        "org.ev3cortex.status..", "org.ev3cortex.agent..");
        rule.check(classes);
    }
}
