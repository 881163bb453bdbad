package io.payout.local;

import io.payout.testkit.PostgresServer;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The all-in-one launcher: {@code deploy/local/run [--demo N]}. Starts Kafka, PostgreSQL, the Huifu sandbox, the
 * callback gateway and the orchestrator in this process, prints what runs where, and stops cleanly on Ctrl-C.
 * A start that cannot succeed ends within seconds with one line, {@code cannot start: <reason>}, and exit status 1.
 */
public final class LocalStack {

    private final LaunchOptions options;
    private final RunningStack stack;
    private final CountDownLatch stopped = new CountDownLatch(1);
    private DataFolderLock lock;
    private boolean loggingReady;

    private LocalStack(LaunchOptions options) {
        this.options = options;
        this.stack = new RunningStack(options);
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
        new LocalStack(options).run();
    }

    private void run() {
        long startedAt = System.nanoTime();
        try {
            start();
        } catch (RuntimeException | Error e) {
            cannotStart(e);
        }
        System.out.print(ReadyBanner.of(stack, Duration.ofNanos(System.nanoTime() - startedAt)));
        if (options.demoCount() > 0) {
            runDemo();
        }
        System.out.println("Press Ctrl-C to stop.");
        try {
            stopped.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * In this order: the folder's lock (a second launcher must not touch anything, not even the logs), a server a
     * killed launcher left running, {@code --fresh}, logging (after --fresh, which deletes the log), the ports, and
     * only then the parts. Nothing logs before logging is configured.
     */
    private void start() {
        lock = DataFolderLock.acquire(options.dataDir());
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "local-stack-stop"));
        PostgresServer.stopLeftover(PostgresData.folder(options.dataDir())).ifPresent(pid -> System.out.println(
                "PostgreSQL (pid " + pid + ") was left running by a launcher that was killed; stopped it"));
        if (options.fresh()) {
            PostgresData.delete(options.dataDir());
        }
        LocalLogging.configure(options.dataDir().resolve("logs").resolve("local-stack.log"), options.verbose());
        loggingReady = true;
        PortCheck.requireFree(options);
        System.out.println("Starting Kafka, PostgreSQL, the Huifu sandbox, the callback gateway and the orchestrator…");
        stack.start();
    }

    private void runDemo() {
        boolean allMatch;
        try {
            allMatch = new Demo(stack, options.demoCount(), options.demoTimeout()).run();
        } catch (RuntimeException e) {
            System.err.println("demo failed: " + CannotStart.reasonOf(e));
            LoggerFactory.getLogger(LocalLogging.FAILURE_LOGGER).error("demo failed", e);
            allMatch = false;
        }
        // Stop everything before the JVM's own hooks run, so the broker is not deleted while still writing.
        stack.close();
        System.exit(allMatch ? 0 : 1);
    }

    /** One line on the console (the stack trace goes to the log file, and with --verbose to the console), then exit 1. */
    private void cannotStart(Throwable failure) {
        System.err.println("cannot start: " + CannotStart.reasonOf(failure));
        boolean ownReason = failure instanceof CannotStart && failure.getCause() == null;
        if (loggingReady) {
            // A logger of its own that writes to the file only: the console has had its one line.
            Logger log = LoggerFactory.getLogger(LocalLogging.FAILURE_LOGGER);
            if (ownReason) {
                log.error("cannot start: {}", failure.getMessage());
            } else {
                log.error("cannot start", failure);
            }
        }
        if (options.verbose() && !ownReason) {
            failure.printStackTrace();
        }
        stack.close();
        // Exits even while some part's non-daemon threads still run; the shutdown hook releases the rest.
        System.exit(1);
    }

    private void stop() {
        if (stack.running()) {
            System.out.println("\nStopping…");
        }
        stack.close();
        if (lock != null) {
            lock.close();
        }
        stopped.countDown();
    }
}
