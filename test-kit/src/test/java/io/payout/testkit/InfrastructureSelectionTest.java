package io.payout.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;
import org.junit.jupiter.api.condition.EnabledIf;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/** Which infrastructure the build chose, asked without starting it (CI has no Docker engine). */
class InfrastructureSelectionTest {

    @Test
    @DisabledIfSystemProperty(named = InfrastructureSelection.PROPERTY, matches = InfrastructureSelection.CONTAINERS)
    void selectsTheInProcessBrokerAndServerByDefault() {
        assertThat(InfrastructureSelection.selected()).isInstanceOf(InProcessInfrastructure.class);
    }

    @Test
    @EnabledIfSystemProperty(named = InfrastructureSelection.PROPERTY, matches = InfrastructureSelection.CONTAINERS)
    void selectsContainersUnderTheTestcontainersProfile() {
        // Named, not referenced: the class exists only in the profile's build.
        assertThat(InfrastructureSelection.selected().getClass().getName())
                .isEqualTo("io.payout.testkit.ContainerInfrastructure");
        assertThat(InfrastructureSelection.selected().name()).isEqualTo("containers");
    }

    @Test
    @EnabledIf("builtWithoutTheProfile")
    void refusesContainersWhenTestKitWasBuiltWithoutTheProfile() {
        assertThatThrownBy(() -> InfrastructureSelection.select(InfrastructureSelection.CONTAINERS))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs test-kit built with -Ptestcontainers");
    }

    @Test
    void rejectsAnUnknownChoiceRatherThanFallingBackToInProcess() {
        assertThatThrownBy(() -> InfrastructureSelection.select("container"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("unknown payout.testkit.infrastructure: 'container'");
    }

    static boolean builtWithoutTheProfile() {
        return InfrastructureSelectionTest.class.getResource("ContainerInfrastructure.class") == null;
    }
}
