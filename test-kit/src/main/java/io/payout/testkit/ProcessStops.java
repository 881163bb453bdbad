package io.payout.testkit;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * How the processes a test or benchmark starts are stopped, in one place: gracefully (SIGTERM, then SIGKILL when it
 * does not end in time), by force (SIGKILL, as {@code kill -9}), and the kill-on-exit hook forgotten once the process
 * is gone.
 */
public final class ProcessStops {

    private static final Duration AFTER_KILL = Duration.ofSeconds(10);

    private ProcessStops() {
    }

    /** SIGTERM, and SIGKILL when the process has not ended within {@code grace}. */
    public static void graceful(Process process, Duration grace) {
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(AFTER_KILL.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL, waiting up to {@code wait} for the process to be gone. */
    public static void forced(Process process, Duration wait) {
        try {
            process.destroyForcibly().waitFor(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Removes a kill-on-exit hook; while the JVM is shutting down it runs anyway, which is as good. */
    public static void forgetHook(Thread killOnExit) {
        try {
            Runtime.getRuntime().removeShutdownHook(killOnExit);
        } catch (IllegalStateException shuttingDown) {
            // the hook is running or about to: nothing to forget
        }
    }
}
