package io.payout.bench;

import java.util.function.LongSupplier;

/**
 * When the load generator takes in each request: request {@code i} at {@code t0 + i * interval}, whatever happened to
 * the earlier ones (open loop), but with at most {@code maxOutstanding} taken in and not yet ended. A request held back
 * by that bound is late, and its latency still counts from its scheduled time: the bound keeps an overloaded server
 * from drowning the harness, not from showing up in the numbers.
 */
final class OpenLoopSchedule {

    /** The longest wait, so that timeouts are checked even when nothing happens. */
    private static final long MAX_WAIT_MILLIS = 1000;

    private final int requests;
    private final long t0;
    private final long intervalNanos;
    private final int maxOutstanding;
    private int admitted;
    private long allAdmitted;

    OpenLoopSchedule(int requests, long t0, long intervalNanos, int maxOutstanding) {
        this.requests = requests;
        this.t0 = t0;
        this.intervalNanos = intervalNanos;
        this.maxOutstanding = maxOutstanding;
        this.allAdmitted = t0;
    }

    /** Takes in every request due by {@code now} that the bound allows; returns how many are taken in so far. */
    int admit(long now, int finished) {
        while (admitted < requests && admitted - finished < maxOutstanding && t0 + admitted * intervalNanos <= now) {
            if (++admitted == requests) {
                allAdmitted = now;
            }
        }
        return admitted;
    }

    /**
     * How long the loop may wait for I/O before the next request is due, in whole milliseconds rounded up; the most
     * when every request is taken in or the bound holds the next one back (then only an end can let it in).
     */
    long waitMillis(int finished, LongSupplier nanoClock) {
        if (admitted < requests && admitted - finished < maxOutstanding) {
            long wait = t0 + admitted * intervalNanos - nanoClock.getAsLong();
            return wait <= 0 ? 0 : Math.min(MAX_WAIT_MILLIS, (wait + 999_999) / 1_000_000);
        }
        return MAX_WAIT_MILLIS;
    }

    /** When the last request was taken in; {@code t0} until then. */
    long allAdmitted() {
        return allAdmitted;
    }
}
