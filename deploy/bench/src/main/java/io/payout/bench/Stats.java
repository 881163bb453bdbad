package io.payout.bench;

import java.util.Arrays;

/** Latency percentiles (nearest rank) and rates: the arithmetic of every benchmark, kept pure so it is tested. */
record Stats(int count, double p50Ms, double p95Ms, double p99Ms, double maxMs) {

    static final Stats EMPTY = new Stats(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);

    static Stats ofNanos(long[] latenciesNanos) {
        if (latenciesNanos.length == 0) {
            return EMPTY;
        }
        long[] sorted = latenciesNanos.clone();
        Arrays.sort(sorted);
        return new Stats(sorted.length, millis(percentile(sorted, 50)), millis(percentile(sorted, 95)),
                millis(percentile(sorted, 99)), millis(sorted[sorted.length - 1]));
    }

    /** Nearest-rank percentile: the smallest value with at least p% of the values at or below it. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values");
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** Events per second over a span of nanoseconds. */
    static double perSecond(long events, long nanos) {
        return nanos <= 0 ? Double.NaN : events * 1e9 / nanos;
    }

    /** CPU milliseconds from clock ticks of /proc/pid/stat. */
    /** utime + stime of a /proc/pid/stat text; the command name (field 2) may hold spaces. */
    static long cpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    static double ticksToMillis(long ticks, long ticksPerSecond) {
        return ticks * 1000.0 / ticksPerSecond;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
