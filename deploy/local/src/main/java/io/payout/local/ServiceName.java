package io.payout.local;

import java.util.Map;

/**
 * Which part of the stack a log line comes from. Every service runs in this one JVM, so the name cannot be a
 * per-JVM setting (it used to be: every line said callback-gateway). The services' own classes are known by their
 * package; framework lines (Tomcat, Spring, Kafka clients, Hikari) by the thread that wrote them, which inherits
 * the name from the thread that started its service ({@link #startingAs}): Tomcat's, the listeners' and the
 * schedulers' threads are all created, directly or not, by the thread that started the service.
 */
final class ServiceName {

    static final String LAUNCHER = "local-stack";
    static final String SANDBOX = "huifu-sandbox";
    static final String GATEWAY = "callback-gateway";
    static final String ORCHESTRATOR = "orchestrator";
    static final String KAFKA = "kafka";
    static final String POSTGRES = "postgres";

    private static final Map<String, String> BY_PACKAGE = Map.of(
            "io.payout.sandbox.", SANDBOX,
            "io.payout.gateway.", GATEWAY,
            "io.payout.orchestrator.", ORCHESTRATOR,
            "kafka.", KAFKA);

    /** Inheritable: a thread created by a service's thread belongs to that service. */
    private static final InheritableThreadLocal<String> CURRENT = new InheritableThreadLocal<>();

    private ServiceName() {
    }

    /** Names the current thread, and every thread it creates from now on, after {@code service} (null: none). */
    static void startingAs(String service) {
        CURRENT.set(service);
    }

    /** The name the current thread carries; null when none, i.e. the launcher's own. */
    static String current() {
        return CURRENT.get();
    }

    static String of(String loggerName) {
        for (Map.Entry<String, String> entry : BY_PACKAGE.entrySet()) {
            if (loggerName.startsWith(entry.getKey())) {
                return entry.getValue();
            }
        }
        String current = CURRENT.get();
        return current == null ? LAUNCHER : current;
    }
}
