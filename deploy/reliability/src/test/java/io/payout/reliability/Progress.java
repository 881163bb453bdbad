package io.payout.reliability;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Progress lines with the time since the suite began, so a CI log shows where the time goes, and bounded waits
 * (Awaitility) that report a status line every few seconds while they wait.
 */
final class Progress {

    private static final Duration REPORT_EVERY = Duration.ofSeconds(10);

    private final long start = System.nanoTime();

    void say(String format, Object... args) {
        System.out.printf("[reliability %6.1f s] %s%n", seconds(), String.format(format, args));
        System.out.flush();
    }

    double seconds() {
        return (System.nanoTime() - start) / 1e9;
    }

    /**
     * Waits until {@code condition} holds, at most {@code timeout}, printing {@code status} every 10 s. Returns false
     * on timeout (the invariants are still evaluated and printed; the caller records the timeout as a violation).
     */
    boolean await(String what, Duration timeout, BooleanSupplier condition, Supplier<String> status) {
        long[] lastReport = {System.nanoTime()};
        try {
            Awaitility.await(what).atMost(timeout).pollInterval(Duration.ofMillis(500)).pollInSameThread()
                    .until(() -> {
                        if (System.nanoTime() - lastReport[0] > REPORT_EVERY.toNanos()) {
                            lastReport[0] = System.nanoTime();
                            say("  waiting for %s: %s", what, status.get());
                        }
                        return condition.getAsBoolean();
                    });
            return true;
        } catch (ConditionTimeoutException e) {
            say("TIMED OUT after %s waiting for %s: %s", timeout, what, status.get());
            return false;
        }
    }
}
