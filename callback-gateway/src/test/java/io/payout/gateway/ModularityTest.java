package io.payout.gateway;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The features stay apart: publishing and the allow-list know nothing of the HTTP endpoint that uses them. */
class ModularityTest {

    private static final JavaClasses GATEWAY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.payout.gateway");

    @Test
    void publishingDoesNotDependOnTheEndpointOrTheAllowList() {
        noClasses().that().resideInAPackage("..gateway.publish..")
                .should().dependOnClassesThat().resideInAnyPackage("..gateway.callback..", "..gateway.security..")
                .check(GATEWAY);
    }

    @Test
    void theAllowListDependsOnNoOtherFeature() {
        noClasses().that().resideInAPackage("..gateway.security..")
                .should().dependOnClassesThat().resideInAnyPackage("..gateway.callback..", "..gateway.publish..")
                .check(GATEWAY);
    }

    @Test
    void nothingReachesIntoTheEndpointsInternals() {
        noClasses().that().resideOutsideOfPackage("..gateway.callback..")
                .should().dependOnClassesThat().resideInAPackage("..gateway.callback..")
                .check(GATEWAY);
    }
}
