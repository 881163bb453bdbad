package io.payout.bench;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Fills an orchestrator database with years of finished withdrawals by COPY, not through the API. The rows are
 * copies of finished withdrawals already in it (made by a B3 run through the whole system), so they have the shape of
 * real ones: the same history, serials and inbox rows per withdrawal. The tables and their columns are read from the
 * catalog, so the loader keeps working when the schema changes: every table with a {@code withdrawal_id} column is
 * copied per withdrawal, the notification inbox in proportion. In each copy the ids are new (withdrawal id, serials,
 * UUIDs, other unique keys), the times are moved back so the copies spread evenly over the past year, and every
 * other value is the template's.
 */
final class HistoryLoader {

    /** Tables without a withdrawal_id that grow with every withdrawal: copied in their template proportion. */
    private static final List<String> PROPORTIONAL = List.of("processed_notifications");
    private static final Duration SPREAD = Duration.ofDays(365);
    private static final int CHUNK = 5_000;
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private record Column(String name, String type, int maxLength, boolean unique) {
    }

    /** One table's copyable columns and its template rows (per template withdrawal, or all for proportional ones). */
    private record Table(String name, List<Column> columns, Map<String, List<Object[]>> byWithdrawal,
                         List<Object[]> rows) {
    }

    private final String jdbcUrl;
    private final String user;
    private final List<String> templates = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    private long loaded;

    HistoryLoader(String jdbcUrl, String user) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        try (Connection c = connect()) {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "select withdrawal_id from withdrawals where status in ('SUCCEEDED', 'FAILED', 'REFUNDED') "
                            + "order by withdrawal_id limit 1000")) {
                while (rs.next()) {
                    templates.add(rs.getString(1));
                }
            }
            if (templates.isEmpty()) {
                throw new IllegalStateException("no finished withdrawal to copy in " + jdbcUrl);
            }
            List<String> names = perWithdrawalTables(c);
            names.remove("withdrawals");
            names.add(0, "withdrawals"); // the others reference it
            for (String name : names) {
                tables.add(readTemplates(c, name, true));
            }
            for (String name : PROPORTIONAL) {
                if (exists(c, name)) {
                    tables.add(readTemplates(c, name, false));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the templates", e);
        }
    }

    /** The tables copied, with their template rows per template withdrawal. */
    Map<String, Double> shape() {
        Map<String, Double> shape = new LinkedHashMap<>();
        for (Table t : tables) {
            double rows = t.rows() != null ? t.rows().size()
                    : t.byWithdrawal().values().stream().mapToInt(List::size).sum();
            shape.put(t.name(), Bench.round(rows / templates.size()));
        }
        return shape;
    }

    long databaseBytes() {
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("select pg_database_size(current_database())")) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Bytes free on the file system of the database server's data folder. */
    long freeDiskBytes() {
        try (Connection c = connect(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("show data_directory")) {
            rs.next();
            return Files.getFileStore(Path.of(rs.getString(1))).getUsableSpace();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads {@code count} more withdrawals, numbered on from those loaded before, spread over a year of {@code total}. */
    void load(long count, long total) {
        try (Connection c = connect()) {
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long end = loaded + count;
            while (loaded < end) {
                long to = Math.min(end, loaded + CHUNK);
                for (Table t : tables) {
                    StringBuilder out = new StringBuilder(1 << 20);
                    for (long k = loaded; k < to; k++) {
                        appendCopy(out, t, k, total);
                    }
                    copy.copyIn("copy " + t.name() + " (" + String.join(", ", t.columns().stream()
                            .map(Column::name).toList()) + ") from stdin", new StringReader(out.toString()));
                }
                loaded = to;
                if (loaded % 1_000_000 < CHUNK) {
                    System.out.printf("  loaded %,d withdrawals%n", loaded);
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY failed after " + loaded + " withdrawals", e);
        }
    }

    /** Refreshes the planner's statistics and the visibility map, as autovacuum would after a load this size. */
    void analyze() {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("vacuum analyze");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copy {@code k}: template {@code k % templates}, its ids made new and its times moved back. */
    private void appendCopy(StringBuilder out, Table t, long k, long total) {
        String template = templates.get((int) (k % templates.size()));
        String newId = "hist-" + Long.toString(k, 36);
        // from a year ago (k = 0) to a day ago (the last): rows land in their months' partitions if there are any
        Duration back = Duration.ofDays(1).plus(SPREAD.minusDays(1).multipliedBy(total - 1 - k).dividedBy(total));
        Map<String, String> replace = new HashMap<>();
        replace.put(template, newId);
        List<Object[]> rows;
        if (t.rows() != null) {
            double ratio = (double) t.rows().size() / templates.size();
            rows = new ArrayList<>();
            for (long j = (long) (k * ratio); j < (long) ((k + 1) * ratio); j++) {
                rows.add(t.rows().get((int) (j % t.rows().size())));
            }
        } else {
            rows = t.byWithdrawal().getOrDefault(template, List.of());
        }
        for (Object[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                Column col = t.columns().get(i);
                Object value = row[i];
                String cell;
                if (value == null) {
                    cell = null;
                } else if (value instanceof OffsetDateTime time) {
                    cell = time.minus(back).toString();
                } else if (col.type().equals("uuid")) {
                    cell = UUID.randomUUID().toString();
                } else if (col.name().equals("withdrawal_id")) {
                    cell = newId;
                } else if (col.name().equals("req_date") && value.toString().length() == 8) {
                    cell = LocalDate.parse(value.toString(), BASIC).minusDays(back.toDays()).format(BASIC);
                } else if (col.name().equals("req_seq_id")) {
                    // the same new serial for the same template serial in every table of this copy
                    cell = replace.computeIfAbsent(value.toString(), v -> fit("H" + Long.toString(k, 36) + "-"
                            + Integer.toHexString(v.hashCode()), col.maxLength()));
                } else if (col.unique()) {
                    cell = fit(value + "-" + Long.toString(k, 36), col.maxLength());
                } else {
                    cell = value.toString();
                    for (Map.Entry<String, String> e : replace.entrySet()) {
                        cell = cell.replace(e.getKey(), e.getValue());
                    }
                }
                if (i > 0) {
                    out.append('\t');
                }
                appendEscaped(out, cell);
            }
            out.append('\n');
        }
    }

    /** A new unique value within the column's length: the end (the copy's number) is kept. */
    private static String fit(String value, int maxLength) {
        return maxLength <= 0 || value.length() <= maxLength ? value : value.substring(value.length() - maxLength);
    }

    private static void appendEscaped(StringBuilder out, String cell) {
        if (cell == null) {
            out.append("\\N");
            return;
        }
        for (int i = 0; i < cell.length(); i++) {
            char ch = cell.charAt(i);
            switch (ch) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(ch);
            }
        }
    }

    /** Tables (not partitions) of the current schema with a withdrawal_id column. */
    private static List<String> perWithdrawalTables(Connection c) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("""
                select cl.relname from pg_class cl
                  join pg_namespace ns on ns.oid = cl.relnamespace and ns.nspname = current_schema()
                  join pg_attribute a on a.attrelid = cl.oid and a.attname = 'withdrawal_id' and not a.attisdropped
                 where cl.relkind in ('r', 'p') and not cl.relispartition
                 order by cl.relname""")) {
            while (rs.next()) {
                names.add(rs.getString(1));
            }
        }
        return names;
    }

    private static boolean exists(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("select to_regclass(?) is not null")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /**
     * The columns to copy (all but generated ones and those numbered by a sequence, which number the copies
     * themselves) and the template rows.
     */
    private Table readTemplates(Connection c, String table, boolean perWithdrawal) throws SQLException {
        List<Column> columns = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select col.column_name, col.udt_name, coalesce(col.character_maximum_length, 0),
                       exists (select 1 from pg_index i join pg_attribute a on a.attrelid = i.indrelid
                                and a.attnum = i.indkey[0]
                                where i.indrelid = to_regclass(col.table_name) and i.indisunique
                                  and i.indnatts = 1 and a.attname = col.column_name)
                  from information_schema.columns col
                 where col.table_schema = current_schema() and col.table_name = ?
                   and col.is_generated = 'NEVER' and col.is_identity = 'NO'
                   and coalesce(col.column_default, '') not like 'nextval(%'
                 order by col.ordinal_position""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    columns.add(new Column(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getBoolean(4)));
                }
            }
        }
        String select = "select " + String.join(", ", columns.stream().map(Column::name).toList()) + " from "
                + table;
        Map<String, List<Object[]>> byWithdrawal = new HashMap<>();
        List<Object[]> all = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(perWithdrawal ? select + " where withdrawal_id = any(?)"
                : select + " limit 100000")) {
            if (perWithdrawal) {
                Array ids = c.createArrayOf("varchar", templates.toArray());
                ps.setArray(1, ids);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Object[] row = new Object[columns.size()];
                    for (int i = 0; i < row.length; i++) {
                        row[i] = columns.get(i).type().equals("timestamptz")
                                ? rs.getObject(i + 1, OffsetDateTime.class) : rs.getString(i + 1);
                    }
                    if (perWithdrawal) {
                        int id = columns.stream().map(Column::name).toList().indexOf("withdrawal_id");
                        byWithdrawal.computeIfAbsent((String) row[id], k -> new ArrayList<>()).add(row);
                    } else {
                        all.add(row);
                    }
                }
            }
        }
        return new Table(table, columns, perWithdrawal ? byWithdrawal : null, perWithdrawal ? null : all);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, "");
    }
}
