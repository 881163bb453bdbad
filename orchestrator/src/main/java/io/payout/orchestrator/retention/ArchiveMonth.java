package io.payout.orchestrator.retention;

import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** One month of the archive (UTC), the range of one partition of each archive table. */
record ArchiveMonth(YearMonth month) implements Comparable<ArchiveMonth> {

    private static final DateTimeFormatter SUFFIX = DateTimeFormatter.ofPattern("'_p'yyyyMM");

    static ArchiveMonth of(Instant time) {
        return new ArchiveMonth(YearMonth.from(time.atOffset(ZoneOffset.UTC)));
    }

    /** The month of a partition named {@code <table>_pYYYYMM}, or null for another name. */
    static ArchiveMonth ofPartition(String table, String partition) {
        if (!partition.startsWith(table + "_p") || partition.length() != table.length() + 8) {
            return null;
        }
        try {
            return new ArchiveMonth(YearMonth.parse(partition.substring(table.length()), SUFFIX));
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    String partitionOf(String table) {
        return table + month.format(SUFFIX);
    }

    Instant start() {
        return month.atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    Instant end() {
        return month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC);
    }

    ArchiveMonth minusMonths(long months) {
        return new ArchiveMonth(month.minusMonths(months));
    }

    @Override
    public int compareTo(ArchiveMonth other) {
        return month.compareTo(other.month);
    }

    @Override
    public String toString() {
        return month.toString();
    }
}
