package io.payout.testkit;

import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/**
 * The one place that chooses the test infrastructure, once per JVM, from the system property
 * {@value #PROPERTY} (the {@code testcontainers} profile sets it to {@code containers} for the test JVMs).
 * <p>
 * The containers implementation is compiled only under that profile, so it is found through {@link ServiceLoader}
 * rather than named here: the default build has no Testcontainers jar, and nothing of it is loaded unless chosen.
 */
final class InfrastructureSelection {

    static final String PROPERTY = "payout.testkit.infrastructure";
    static final String CONTAINERS = "containers";

    private static Infrastructure selected;

    private InfrastructureSelection() {
    }

    static synchronized Infrastructure selected() {
        if (selected == null) {
            selected = select(System.getProperty(PROPERTY, InProcessInfrastructure.NAME));
        }
        return selected;
    }

    /** Constructing an implementation starts nothing, so this can be asked without a Docker engine. */
    static Infrastructure select(String choice) {
        if (InProcessInfrastructure.NAME.equals(choice)) {
            return new InProcessInfrastructure();
        }
        if (CONTAINERS.equals(choice)) {
            return containers();
        }
        // A typo must not quietly fall back to in-process and pass a run that was meant to use containers.
        throw new IllegalArgumentException("unknown " + PROPERTY + ": '" + choice + "' (in-process or "
                + CONTAINERS + ")");
    }

    private static Infrastructure containers() {
        String notBuilt = PROPERTY + "=" + CONTAINERS + " needs test-kit built with -Ptestcontainers";
        try {
            return ServiceLoader.load(Infrastructure.class, InfrastructureSelection.class.getClassLoader())
                    .stream()
                    .map(ServiceLoader.Provider::get)
                    .filter(infrastructure -> CONTAINERS.equals(infrastructure.name()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(notBuilt));
        } catch (ServiceConfigurationError e) {
            // The service entry an earlier build with the profile left in target/classes, without its class.
            throw new IllegalStateException(notBuilt + " (this one holds a stale entry; build it with clean)", e);
        }
    }
}
