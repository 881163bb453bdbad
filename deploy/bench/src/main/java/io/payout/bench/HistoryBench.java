package io.payout.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * B5, years of data: B1 and B3 on an empty database and on one that already holds {@code rows} finished
 * withdrawals with their history (bulk-loaded by {@link HistoryLoader}), in the same run, side by side. The loaded
 * database starts as a copy of the empty run's B3 database, so its template withdrawals went through the whole system.
 * B3 runs on it before B1: B1 runs with submission off and leaves its withdrawals waiting, which a B3 orchestrator
 * on the same database would then submit.
 */
final class HistoryBench {

    /** The product's default orchestrator.retention.archive-after: older copies are loaded into the archive. */
    private static final Duration ARCHIVE_AFTER = Duration.ofDays(40);

    /** Withdrawals loaded first to measure the bytes each takes. */
    private static final int SAMPLE = 20_000;

    private final Stack stack;
    private final long ticks;

    HistoryBench(Stack stack, long ticks) {
        this.stack = stack;
        this.ticks = ticks;
    }

    Map<String, Object> run(long rows, boolean quick, Duration warmUpLimit) throws java.sql.SQLException {
        int b1 = quick ? 5_000 : 100_000;
        int b3 = quick ? 300 : 10_000;
        Map<String, Object> r = new LinkedHashMap<>();
        System.out.println("  -- on an empty database");
        Map<String, Object> emptyB1 = new IntakeBench(stack, ticks).run(b1, warmUpLimit);
        Map<String, Object> emptyB3 = new LifecycleBench(stack, ticks).run(b3, warmUpLimit);
        String template = stack.lastDatabase();
        String loadedName = stack.copyOf(template, "b5");
        String loadedUrl = stack.postgres.jdbcUrl(loadedName);
        HistoryLoader loader = new HistoryLoader(loadedUrl, stack.postgres.username(), ARCHIVE_AFTER);
        System.out.printf("  rows per withdrawal copied: %s%n", loader.shape());
        long before = loader.databaseBytes();
        long t0 = System.nanoTime();
        long sample = Math.min(rows, SAMPLE);
        loader.load(sample, rows);
        double bytesPerWithdrawal = (double) (loader.databaseBytes() - before) / sample;
        long needed = (long) (bytesPerWithdrawal * (rows - sample));
        long free = loader.freeDiskBytes();
        System.out.printf("  %,.0f bytes per withdrawal: %,d withdrawals need %.1f GiB; %.1f GiB free%n",
                bytesPerWithdrawal, rows, needed / 1073741824.0, free / 1073741824.0);
        r.put("rows", rows);
        r.put("rows_per_withdrawal", loader.shape());
        r.put("bytes_per_withdrawal", Math.round(bytesPerWithdrawal));
        r.put("bytes_needed", needed);
        r.put("disk_free_bytes", free);
        if (needed > free / 2) {
            String refusal = String.format("refused: %,d withdrawals would take %.1f GiB, more than half of the "
                    + "%.1f GiB free; try --rows %,d", rows, needed / 1073741824.0, free / 1073741824.0,
                    (long) (free / 2 / bytesPerWithdrawal));
            System.out.println("  " + refusal);
            r.put("refused", refusal);
            r.put("empty", Map.of("B1", emptyB1, "B3", emptyB3));
            return r;
        }
        loader.load(rows - sample, rows);
        loader.analyze();
        double loadSeconds = (System.nanoTime() - t0) / 1e9;
        long loadedBytes = loader.databaseBytes();
        System.out.printf("  loaded %,d withdrawals in %.0f s (%,d into the archive, the rest hot); database %.2f GiB%n",
                rows, loadSeconds, loader.archived(), loadedBytes / 1073741824.0);
        System.out.println("  -- on the loaded database");
        stack.pin(loadedUrl);
        Map<String, Object> loadedB3;
        Map<String, Object> loadedB1;
        try {
            loadedB3 = new LifecycleBench(stack, ticks).run(b3, warmUpLimit);
            loadedB1 = new IntakeBench(stack, ticks).run(b1, warmUpLimit);
        } finally {
            stack.unpin();
        }
        Map<String, java.util.List<String>> plans = QueryPlans.of(loadedUrl, stack.postgres.username());
        plans.forEach((name, plan) -> {
            System.out.printf("  plan, %s:%n", name);
            plan.forEach(line -> System.out.println("    " + line));
        });
        r.put("query_plans", plans);
        r.put("archived", loader.archived());
        r.put("load_seconds", Bench.round(loadSeconds));
        r.put("loaded_database_bytes", loadedBytes);
        r.put("empty", Map.of("B1", emptyB1, "B3", emptyB3));
        r.put("loaded", Map.of("B1", loadedB1, "B3", loadedB3));
        System.out.printf("%n  %-28s %14s %14s%n", "", "empty", String.format("%,d loaded", rows));
        System.out.printf("  %-28s %14.1f %14.1f%n", "B1 requests/s", (double) emptyB1.get("requests_per_second"),
                (double) loadedB1.get("requests_per_second"));
        System.out.printf("  %-28s %14.1f %14.1f%n", "B3 withdrawals/s",
                (double) emptyB3.get("withdrawals_per_second"), (double) loadedB3.get("withdrawals_per_second"));
        System.out.printf("  %-28s %14.2f %14.2f%n", "database GiB", before / 1073741824.0,
                loader.databaseBytes() / 1073741824.0);
        return r;
    }
}
