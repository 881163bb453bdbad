package io.payout.local;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The all-in-one launcher: {@code deploy/local/run [--demo N]}. Starts Kafka, PostgreSQL, the Huifu sandbox, the
 * callback gateway and the orchestrator in this process, prints what runs where, and stops cleanly on Ctrl-C.
 */
public final class LocalStack {

    private LocalStack() {
    }

    public static void main(String[] args) {
        LaunchOptions options;
        try {
            options = LaunchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                System.err.println(e.getMessage());
            }
            System.err.print(LaunchOptions.USAGE);
            System.exit(2);
            return;
        }
        quietUntilSpringConfiguresLogging(options.verbose());
        long startedAt = System.nanoTime();
        System.out.println("Starting Kafka, PostgreSQL, the Huifu sandbox, the callback gateway and the orchestrator…");
        RunningStack stack = RunningStack.start(options);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("\nStopping…");
            stack.close();
            stopped.countDown();
        }, "local-stack-stop"));
        DemoAccounts.create(stack.sandbox.control());
        System.out.print(ReadyBanner.of(stack, Duration.ofNanos(System.nanoTime() - startedAt)));

        if (options.demoCount() > 0) {
            boolean allMatch = new Demo(stack, options.demoCount(), options.demoTimeout()).run();
            // Stop everything before the JVM's own hooks run, so the broker is not deleted while still writing.
            stack.close();
            System.exit(allMatch ? 0 : 1);
        }
        System.out.println("Press Ctrl-C to stop.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Kafka and PostgreSQL start before any Spring context has configured logging: keep their chatter off the console. */
    private static void quietUntilSpringConfiguresLogging(boolean verbose) {
        if (!verbose && LoggerFactory.getLogger(Logger.ROOT_LOGGER_NAME) instanceof ch.qos.logback.classic.Logger root) {
            root.setLevel(ch.qos.logback.classic.Level.WARN);
            ((ch.qos.logback.classic.Logger) LoggerFactory.getLogger("org.apache.kafka"))
                    .setLevel(ch.qos.logback.classic.Level.ERROR);
        }
    }
}
