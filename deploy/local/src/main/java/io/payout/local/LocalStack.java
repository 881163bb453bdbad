package io.payout.local;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

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
            System.exit(allMatch ? 0 : 1);
        }
        System.out.println("Press Ctrl-C to stop.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
