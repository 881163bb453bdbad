package io.payout.orchestrator;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The orchestrator's features and what each may use. {@code withdrawal} is the core (the row, the transition table,
 * the next-step policy, the unit of work and the repositories of its tables); the adapters around it (intake,
 * notification, submission, reconciliation, ops) use it and Huifu's client, never each other's internals, except
 * that ops drives the others' public entries, and the console (the operations API's human face) drives ops' resolve.
 * SQL lives in repositories only.
 */
class ModularityTest {

    private static final JavaClasses ORCHESTRATOR = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.payout.orchestrator");

    @Test
    void theFeaturesDependOnEachOtherWithoutCycles() {
        slices().matching("io.payout.orchestrator.(*)..").should().beFreeOfCycles().check(ORCHESTRATOR);
    }

    @Test
    void theCoreKnowsNoAdapterAndNoHuifu() {
        noClasses().that().resideInAPackage("..orchestrator.withdrawal..")
                .should().dependOnClassesThat().resideInAnyPackage("..orchestrator.huifu..",
                        "..orchestrator.intake..", "..orchestrator.notification..", "..orchestrator.submission..",
                        "..orchestrator.reconciliation..", "..orchestrator.ops..")
                .check(ORCHESTRATOR);
    }

    @Test
    void huifusClientTheOutboxAndTheQuarantineDependOnNoAdapter() {
        noClasses().that().resideInAnyPackage("..orchestrator.huifu..", "..orchestrator.outbox..",
                        "..orchestrator.quarantine..")
                .should().dependOnClassesThat().resideInAnyPackage("..orchestrator.intake..",
                        "..orchestrator.notification..", "..orchestrator.submission..",
                        "..orchestrator.reconciliation..", "..orchestrator.ops..")
                .check(ORCHESTRATOR);
        noClasses().that().resideInAPackage("..orchestrator.outbox..")
                .should().dependOnClassesThat().resideInAnyPackage("..orchestrator.withdrawal..",
                        "..orchestrator.huifu..")
                .check(ORCHESTRATOR);
    }

    @Test
    void theAdaptersDoNotReachIntoEachOther() {
        String[] adapters = {"..orchestrator.intake..", "..orchestrator.notification..",
                "..orchestrator.submission..", "..orchestrator.reconciliation.."};
        for (String adapter : adapters) {
            noClasses().that().resideInAPackage(adapter)
                    .should().dependOnClassesThat().resideInAnyPackage(others(adapters, adapter))
                    .check(ORCHESTRATOR);
        }
        noClasses().that().resideOutsideOfPackages("..orchestrator.ops..", "..orchestrator.console..",
                        "io.payout.orchestrator")
                .should().dependOnClassesThat().resideInAPackage("..orchestrator.ops..")
                .check(ORCHESTRATOR);
    }

    @Test
    void sqlLivesInRepositoriesOnly() {
        // The outbox is a small library of its own: its writer and the relay's dedicated session hold its SQL.
        noClasses().that().areNotAnnotatedWith(Repository.class)
                .and().resideOutsideOfPackage("..orchestrator.outbox..")
                .should().dependOnClassesThat().areAssignableTo(JdbcClient.class)
                .orShould().dependOnClassesThat().areAssignableTo(JdbcTemplate.class)
                .check(ORCHESTRATOR);
    }

    private static String[] others(String[] all, String except) {
        return java.util.Arrays.stream(all).filter(p -> !p.equals(except)).toArray(String[]::new);
    }
}
