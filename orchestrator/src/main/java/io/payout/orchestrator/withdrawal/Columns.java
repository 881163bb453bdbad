package io.payout.orchestrator.withdrawal;

import io.payout.model.IsoInstants;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * A batch of rows turned into one text array per column, for an {@code insert ... select from unnest(...)}: the
 * statement binds one parameter per column whatever the number of rows, and PostgreSQL casts each column once.
 */
final class Columns {

    private final String[][] columns;
    private int rows;

    Columns(int rows, int width) {
        this.columns = new String[width][rows];
    }

    /** Adds a row: one value per column, in column order (null for SQL null). */
    void row(String... values) {
        if (values.length != columns.length) {
            throw new IllegalArgumentException(values.length + " values for " + columns.length + " columns");
        }
        for (int i = 0; i < values.length; i++) {
            columns[i][rows] = values[i];
        }
        rows++;
    }

    /** The statement's parameters: the scalar ones that come before the arrays, then one array per column. */
    Object[] withFirst(Object... scalars) {
        if (rows != columns[0].length) {
            throw new IllegalStateException(rows + " of " + columns[0].length + " rows added");
        }
        Object[] params = Arrays.copyOf(scalars, scalars.length + columns.length);
        System.arraycopy(columns, 0, params, scalars.length, columns.length);
        return params;
    }

    /** An instant as PostgreSQL reads a timestamptz: ISO 8601 in UTC, rounded to the microsecond it keeps. */
    static String text(Instant instant) {
        return instant == null ? null : IsoInstants.format(instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS));
    }
}
