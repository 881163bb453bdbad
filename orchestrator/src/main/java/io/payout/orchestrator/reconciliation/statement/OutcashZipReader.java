package io.payout.orchestrator.reconciliation.statement;

import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Streams the rows of a statement zip (CSVs {@code yyyyMMdd_<huifu_id>_outcash_<n>.csv}) to a consumer, one at a
 * time. Nothing is written to disk and no row is kept. The zip comes over the network, so it is distrusted: an entry
 * whose name could escape a directory or is not an outcash CSV, too many entries, or too many bytes once inflated
 * (a zip bomb) stop the reading with {@link StatementRefused}.
 */
public final class OutcashZipReader {

    static final int MAX_ENTRIES = 1_000;
    static final long MAX_INFLATED_BYTES = 512L * 1024 * 1024;
    private static final Pattern ENTRY_NAME = Pattern.compile("^[0-9]{8}_[0-9A-Za-z]+_outcash_[0-9]+\\.csv$");

    private final int maxEntries;
    private final long maxInflatedBytes;

    public OutcashZipReader() {
        this(MAX_ENTRIES, MAX_INFLATED_BYTES);
    }

    OutcashZipReader(int maxEntries, long maxInflatedBytes) {
        this.maxEntries = maxEntries;
        this.maxInflatedBytes = maxInflatedBytes;
    }

    /** Reads every entry; returns the number of rows passed to {@code rows}. */
    public long read(InputStream zipped, Consumer<StatementRow> rows) {
        Budget budget = new Budget(maxInflatedBytes);
        long count = 0;
        int entries = 0;
        try (ZipInputStream zip = new ZipInputStream(zipped, StandardCharsets.UTF_8)) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                if (++entries > maxEntries) {
                    throw new StatementRefused("statement zip has more than " + maxEntries + " entries");
                }
                checkName(entry.getName());
                count += readCsv(new BufferedReader(new InputStreamReader(new Inflated(zip, budget),
                        StandardCharsets.UTF_8)), rows);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("statement zip unreadable", e);
        }
        return count;
    }

    static void checkName(String name) {
        // Matching the expected pattern alone excludes '/', '\\', '..' and drive letters; the explicit check is for
        // the message
        if (name.contains("..") || name.contains("/") || name.contains("\\") || name.contains(":")) {
            throw new StatementRefused("statement zip entry escapes its directory: " + name);
        }
        if (!ENTRY_NAME.matcher(name).matches()) {
            throw new StatementRefused("statement zip entry is not an outcash CSV: " + name);
        }
    }

    private static long readCsv(BufferedReader csv, Consumer<StatementRow> rows) throws IOException {
        String header = csv.readLine();
        if (header == null) {
            return 0;
        }
        OutcashCsv columns;
        try {
            columns = OutcashCsv.fromHeader(header);
        } catch (IllegalArgumentException e) {
            // the layout is our assumption: a file that does not fit it is refused, never half-guessed
            throw new StatementRefused(e.getMessage());
        }
        long count = 0;
        String line;
        while ((line = csv.readLine()) != null) {
            if (!line.isEmpty()) {
                StatementRow row;
                try {
                    row = columns.row(line);
                } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
                    throw new StatementRefused("outcash row " + (count + 1) + " unreadable: " + e.getMessage());
                }
                rows.accept(row);
                count++;
            }
        }
        return count;
    }

    /** Counts inflated bytes across entries, so that the bound holds for the whole file. */
    private static final class Budget {
        private final long max;
        private long inflated;

        Budget(long max) {
            this.max = max;
        }

        void spend(long bytes) {
            inflated += bytes;
            if (inflated > max) {
                throw new StatementRefused("statement zip inflates to more than " + max + " bytes");
            }
        }
    }

    /** One entry's inflated bytes, charged to the budget; closing it does not close the zip. */
    private static final class Inflated extends FilterInputStream {
        private final Budget budget;

        Inflated(InputStream entry, Budget budget) {
            super(entry);
            this.budget = budget;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                budget.spend(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                budget.spend(n);
            }
            return n;
        }

        @Override
        public void close() {
            // the zip's next entry follows
        }
    }
}
