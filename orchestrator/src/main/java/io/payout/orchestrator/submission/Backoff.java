package io.payout.orchestrator.submission;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** Exponential back-off with jitter, so that many unknown outcomes do not query Huifu in lock-step. */
final class Backoff {

    private static final int MAX_DOUBLINGS = 16;

    private Backoff() {
    }

    /** base * 2^attempt capped at max, then a random 50..100% of it ("equal jitter"). */
    static Duration delay(Duration base, Duration max, int attempt) {
        long ceiling = Math.min(max.toMillis(), base.toMillis() << Math.min(Math.max(attempt, 0), MAX_DOUBLINGS));
        long half = Math.max(1, ceiling / 2);
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
    }
}
