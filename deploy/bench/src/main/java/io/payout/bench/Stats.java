package io.payout.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

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

    /**
     * The latencies grouped by the whole second (from 0) of their offset, each group's statistics in second order;
     * a second with none is {@link #EMPTY}. Shows whether a level's tail is spread out or one stall.
     */
    static List<Stats> bySecond(long[] offsetNanos, long[] latencyNanos) {
        if (offsetNanos.length != latencyNanos.length) {
            throw new IllegalArgumentException("one offset per latency");
        }
        List<List<Long>> seconds = new ArrayList<>();
        for (int i = 0; i < offsetNanos.length; i++) {
            int second = (int) Math.max(0, offsetNanos[i] / 1_000_000_000L);
            while (seconds.size() <= second) {
                seconds.add(new ArrayList<>());
            }
            seconds.get(second).add(latencyNanos[i]);
        }
        return seconds.stream().map(l -> ofNanos(l.stream().mapToLong(Long::longValue).toArray())).toList();
    }

    /** How many of the events fall in each whole second (from 0) of their offset: a rate series. */
    static long[] countsPerSecond(long[] offsetNanos) {
        int seconds = 0;
        for (long offset : offsetNanos) {
            seconds = Math.max(seconds, (int) (Math.max(0, offset) / 1_000_000_000L) + 1);
        }
        long[] counts = new long[seconds];
        for (long offset : offsetNanos) {
            counts[(int) (Math.max(0, offset) / 1_000_000_000L)]++;
        }
        return counts;
    }

    /** utime + stime of a /proc/pid/stat text; the command name (field 2) may hold spaces. */
    static long cpuTicks(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    /** CPU milliseconds from clock ticks of /proc/pid/stat. */
    static double ticksToMillis(long ticks, long ticksPerSecond) {
        return ticks * 1000.0 / ticksPerSecond;
    }

    private static double millis(long nanos) {
        return nanos / 1e6;
    }
}
