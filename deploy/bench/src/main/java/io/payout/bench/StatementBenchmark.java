package io.payout.bench;

import io.payout.model.Amount;
import io.payout.model.WithdrawalStatus;
import io.payout.orchestrator.reconciliation.statement.ExpectedSerials;
import io.payout.orchestrator.reconciliation.statement.OutcashZipReader;
import io.payout.orchestrator.reconciliation.statement.StatementMatcher;
import io.payout.orchestrator.withdrawal.WithdrawalSerials.SentSerial;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.Writer;
import java.io.OutputStreamWriter;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * {@code deploy/bench/run statement [--quick] [--rows=1000000]}: one account's withdrawal statement of a million rows
 * matched against a million withdrawals, with the orchestrator's own classes (ExpectedSerials, OutcashZipReader,
 * StatementMatcher), in a JVM of {@code -Xmx256m} (the run script starts it so). It prints the time to load the
 * withdrawals and to match the zip, the breaks found, and the heap: the peak of the heap pools and the live heap
 * after a collection with everything loaded. The database is not part of it: the serials are made in the process
 * and the breaks counted, not stored. It checks nothing. The zip is written first (three CSVs, split at 400,000 rows
 * as Huifu does); one row in 100,000 disagrees, so the matcher's break path runs too.
 */
final class StatementBenchmark {

    private static final String TRADE_DATE = "20261126";
    private static final String ACCOUNT = "6666000000000001";
    private static final int ROWS_PER_CSV = 400_000;
    private static final int ONE_IN = 100_000;
    private static final String HEADER = "huifu_id,req_date,req_seq_id,hf_seq_id,acct_id,cash_amt,fee_amt,"
            + "into_acct_date_type,trans_status,acct_status,token_no,card_no,trans_time,end_time\r\n";

    private StatementBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        int rows = options.integer("rows", 1_000_000, 10_000);
        Path zip = Files.createTempFile("statement-bench-", ".zip");
        try {
            System.out.printf("%n=== statement benchmark: %,d rows against %,d withdrawals, JVM options %s ===%n", rows,
                    rows, ManagementFactory.getRuntimeMXBean().getInputArguments());
            long written = System.nanoTime();
            writeZip(zip, rows);
            System.out.printf("zip written: %,d bytes in %.1f s (not part of the reconciliation)%n", Files.size(zip),
                    seconds(written));
            resetPeaks();

            long start = System.nanoTime();
            ExpectedSerials expected = new ExpectedSerials();
            for (int i = 0; i < rows; i++) {
                expected.accept(new SentSerial("bench-w-" + i, ACCOUNT, TRADE_DATE, serial(i), true,
                        WithdrawalStatus.SUCCEEDED, cash(i), Amount.parse("1.00")));
            }
            double load = seconds(start);
            long live = liveHeapAfterGc();

            long matchStart = System.nanoTime();
            StatementMatcher matcher = new StatementMatcher(TRADE_DATE, expected);
            long[] breaks = {0};
            long read;
            try (InputStream in = Files.newInputStream(zip)) {
                read = new OutcashZipReader().read(in, row -> breaks[0] += matcher.accept(row).size());
            }
            breaks[0] += matcher.finish().size();
            double match = seconds(matchStart);

            System.out.printf("withdrawals loaded: %,d in %.2f s%n", expected.size(), load);
            System.out.printf("statement matched:  %,d rows in %.2f s (%,.0f rows/s), %,d breaks%n", read, match,
                    read / match, breaks[0]);
            System.out.printf("total:              %.2f s%n", load + match);
            System.out.printf("live heap with the withdrawals loaded (after a full GC): %,d MB%n", live >> 20);
            // a peak includes garbage not yet collected: the collector lets the heap fill before it runs
            System.out.printf("peak heap (sum of the heap pools' peaks): %,d MB; usable heap %,d MB%n",
                    peakHeap() >> 20, Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            Files.deleteIfExists(zip);
        }
        System.exit(0);
    }

    /** Row i is withdrawal i, but for one in ONE_IN that shows another amount (a break). */
    private static void writeZip(Path file, int rows) throws IOException {
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8)) {
            Writer csv = new OutputStreamWriter(zip, StandardCharsets.UTF_8);
            for (int i = 0; i < rows; i++) {
                if (i % ROWS_PER_CSV == 0) {
                    csv.flush();
                    zip.putNextEntry(new ZipEntry(TRADE_DATE + "_" + ACCOUNT + "_outcash_" + (i / ROWS_PER_CSV + 1)
                            + ".csv"));
                    csv.write(HEADER);
                }
                Amount cash = i % ONE_IN == 0 ? cash(i).plus(Amount.parse("0.01")) : cash(i);
                csv.write(ACCOUNT + "," + TRADE_DATE + "," + serial(i) + ",HF" + i + ",F00598600," + cash
                        + ",1.00,D0,S,S,10004053462,6222****1234,20261126101010,20261126101011\r\n");
            }
            csv.flush();
        }
    }

    /** A req_seq_id as the orchestrator makes them: 32 hex digits. */
    private static String serial(int i) {
        return String.format("%032x", (long) i * 0x9E3779B97F4A7C15L);
    }

    private static Amount cash(int i) {
        return new Amount(BigDecimal.valueOf(100 + i % 100_000, 2));
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static void resetPeaks() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeap() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
    }

    private static long liveHeapAfterGc() {
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
