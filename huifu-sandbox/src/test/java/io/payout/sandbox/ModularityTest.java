package io.payout.sandbox;

import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The features depend one way: control → api → statement → lifecycle → notify/ledger → behavior, never back.
 */
class ModularityTest {

    private static final JavaClasses SANDBOX = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.payout.sandbox");

    @Test
    void featuresHaveNoCycles() {
        slices().matching("io.payout.sandbox.(*)..").should().beFreeOfCycles().check(SANDBOX);
    }

    @Test
    void ledgerAndFaultsKnowNothingOfTheWebOrTheLifecycle() {
        noClasses().that().resideInAnyPackage("..sandbox.ledger..", "..sandbox.behavior..")
                .should().dependOnClassesThat().resideInAnyPackage("..sandbox.api..", "..sandbox.control..",
                        "..sandbox.lifecycle..", "..sandbox.notify..", "..sandbox.state..", "..sandbox.statement..",
                        "org.springframework..")
                .check(SANDBOX);
    }

    @Test
    void onlyTheWiringKnowsTheStateJournal() {
        noClasses().that().resideInAnyPackage("..sandbox.api..", "..sandbox.control..", "..sandbox.lifecycle..",
                        "..sandbox.notify..", "..sandbox.ledger..", "..sandbox.behavior..", "..sandbox.statement..")
                .should().dependOnClassesThat().resideInAnyPackage("..sandbox.state..")
                .check(SANDBOX);
    }

    @Test
    void huifuPathsNeverReachTheControlApi() {
        noClasses().that().resideInAnyPackage("..sandbox.api..", "..sandbox.lifecycle..", "..sandbox.notify..")
                .should().dependOnClassesThat().resideInAnyPackage("..sandbox.control..")
                .check(SANDBOX);
    }

    @Test
    void theStatementIsDrawnFromTheTruthAndKnowsNeitherThePathsNorTheControls() {
        noClasses().that().resideInAnyPackage("..sandbox.statement..")
                .should().dependOnClassesThat().resideInAnyPackage("..sandbox.api..", "..sandbox.control..",
                        "..sandbox.notify..", "..sandbox.behavior..")
                .check(SANDBOX);
    }

    @Test
    void theWithdrawalsAndTheLedgerKnowNothingOfStatements() {
        noClasses().that().resideInAnyPackage("..sandbox.lifecycle..", "..sandbox.ledger..", "..sandbox.notify..",
                        "..sandbox.behavior..")
                .should().dependOnClassesThat().resideInAnyPackage("..sandbox.statement..")
                .check(SANDBOX);
    }
}
