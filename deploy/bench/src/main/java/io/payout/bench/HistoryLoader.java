package io.payout.bench;

import io.payout.model.AccountKind;
import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import io.payout.model.WithdrawalRequested;
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
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
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
 * other value is the template's. Where the schema has the archive (V31), a copy final for longer than the product's
 * archive window is written where the product's archiver would have moved it: its withdrawal, serials and history
 * into the archive's monthly partitions (created here, named as the archiver names them), its fingerprint and serials
 * into the keys that are never dropped. The database then holds a year as the product holds it in steady state.
 */
final class HistoryLoader {

    /** Tables without a withdrawal_id that grow with every withdrawal: copied in their template proportion. */
    private static final String INBOX = "processed_notifications";
    private static final List<String> PROPORTIONAL = List.of(INBOX);
    private static final Duration SPREAD = Duration.ofDays(365);
    private static final int CHUNK = 5_000;
    private static final DateTimeFormatter BASIC = DateTimeFormatter.BASIC_ISO_DATE;

    private record Column(String name, String type, int maxLength, boolean unique) {
    }

    /** The hot tables with an archive, and the archive's name (V31; the archiver's ArchiveTables). */
    private static final Map<String, String> ARCHIVES = Map.of("withdrawals", "archived_withdrawals",
            "withdrawal_serials", "archived_serials", "withdrawal_transitions", "archived_transitions");
    private static final DateTimeFormatter MONTH_SUFFIX = DateTimeFormatter.ofPattern("'_p'yyyyMM");

    /**
     * One table's copyable columns, its columns numbered by a sequence (name → sequence; left out of a hot COPY,
     * which the sequence numbers, but given in the archive, which has no default) and its template rows.
     */
    private record Table(String name, List<Column> columns, Map<String, String> sequenced,
                         Map<String, List<Object[]>> byWithdrawal,
                         List<Object[]> rows) {
    }

    private final String jdbcUrl;
    private final String user;
    private final List<String> templates = new ArrayList<>();
    private final List<Table> tables = new ArrayList<>();
    /** Null without an archive in the schema: every copy is written to the hot tables. */
    private final Duration archiveAfter;
    /**
     * Whether the notification inbox is kept by month (V34): the archiver drops a month once no hot withdrawal has a
     * serial of it, so an archived copy's notices are gone as well.
     */
    private final boolean inboxByMonth;
    private final OffsetDateTime loadTime = OffsetDateTime.now(ZoneOffset.UTC);
    private final Map<String, ArrayDeque<Long>> sequenceBlocks = new HashMap<>();
    private final Map<String, Double> proportions = new HashMap<>();
    private long loaded;
    private long archived;

    HistoryLoader(String jdbcUrl, String user, Duration archiveAfter) {
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
            this.archiveAfter = exists(c, "archived_withdrawals") ? archiveAfter : null;
            this.inboxByMonth = partitioned(c, INBOX);
            List<String> names = perWithdrawalTables(c);
            // the archive and the keys are written from the hot tables' templates, not from templates of their own
            names.removeIf(name -> name.startsWith("archived_") || name.equals("withdrawal_keys")
                    || name.equals("serial_keys"));
            names.remove("withdrawals");
            names.add(0, "withdrawals"); // the others reference it
            for (String name : names) {
                tables.add(readTemplates(c, name, true));
            }
            for (String name : PROPORTIONAL) {
                if (exists(c, name)) {
                    tables.add(readTemplates(c, name, false));
                    proportions.put(name, rowsPerWithdrawal(c, name));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the templates", e);
        }
    }

    /** The tables copied, with their rows per copied withdrawal (the inbox's per copy that stays hot). */
    Map<String, Double> shape() {
        Map<String, Double> shape = new LinkedHashMap<>();
        for (Table t : tables) {
            String name = t.name().equals(INBOX) && inboxByMonth && archiveAfter != null ? INBOX + " (hot copies)"
                    : t.name();
            shape.put(name, Bench.round(t.rows() != null ? proportions.get(t.name())
                    : (double) t.byWithdrawal().values().stream().mapToInt(List::size).sum() / templates.size()));
        }
        return shape;
    }

    /**
     * A table without withdrawal_id has as many rows per withdrawal as the whole database has (its rows are not the
     * templates', and the templates are a sample of the withdrawals).
     */
    private static double rowsPerWithdrawal(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "select (select count(*) from " + table + ")::float8 / greatest(1, (select count(*) from withdrawals))")) {
            rs.next();
            return rs.getDouble(1);
        }
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
            if (archiveAfter != null && loaded == 0) {
                createArchiveMonths(c);
            }
            CopyManager copy = c.unwrap(PGConnection.class).getCopyAPI();
            long end = loaded + count;
            while (loaded < end) {
                long to = Math.min(end, loaded + CHUNK);
                Map<String, StringBuilder> out = new LinkedHashMap<>();
                for (long k = loaded; k < to; k++) {
                    appendCopy(c, out, k, total);
                }
                for (Map.Entry<String, StringBuilder> e : out.entrySet()) {
                    copy.copyIn("copy " + e.getKey() + " from stdin", new StringReader(e.getValue().toString()));
                }
                loaded = to;
                if (loaded % 1_000_000 < CHUNK) {
                    System.out.printf("  loaded %,d withdrawals (%,d of them archived)%n", loaded, archived);
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("COPY failed after " + loaded + " withdrawals", e);
        }
    }

    /** Withdrawals loaded into the archive (the others are in the hot tables). */
    long archived() {
        return archived;
    }

    /** Refreshes the planner's statistics and the visibility map, as autovacuum would after a load this size. */
    void analyze() {
        try (Connection c = connect(); Statement st = c.createStatement()) {
            st.execute("vacuum analyze");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Copy {@code k} (template {@code k % templates}, its ids made new and its times moved back) appended to the COPY
     * text of each table it goes to, keyed by the COPY target ("table (columns)").
     */
    private void appendCopy(Connection c, Map<String, StringBuilder> out, long k, long total) throws SQLException {
        String template = templates.get((int) (k % templates.size()));
        String newId = "hist-" + Long.toString(k, 36);
        // from a year ago (k = 0) to a day ago (the last): rows land in their months' partitions if there are any
        Duration back = Duration.ofDays(1).plus(SPREAD.minusDays(1).multipliedBy(total - 1 - k).dividedBy(total));
        Map<String, String> replace = new HashMap<>();
        replace.put(template, newId);
        Map<String, List<String[]>> copies = new LinkedHashMap<>();
        for (Table t : tables) {
            copies.put(t.name(), copyRows(t, template, k, back, replace));
        }
        Table withdrawals = tables.get(0);
        String[] row = copies.get("withdrawals").get(0);
        String createdAt = row[indexOf(withdrawals, "created_at")];
        boolean archive = archiveAfter != null && OffsetDateTime.parse(row[indexOf(withdrawals, "updated_at")])
                .isBefore(loadTime.minus(archiveAfter));
        for (Table t : tables) {
            if (archive && inboxByMonth && t.name().equals(INBOX)) {
                continue;
            }
            String target = archive && ARCHIVES.containsKey(t.name()) ? ARCHIVES.get(t.name()) : t.name();
            boolean toArchive = !target.equals(t.name());
            boolean keyedByWithdrawal = toArchive && !t.name().equals("withdrawals");
            List<String> extra = new ArrayList<>();
            if (keyedByWithdrawal) {
                extra.add("withdrawal_created_at");
            }
            if (toArchive) {
                extra.addAll(t.sequenced().keySet());
            }
            String columns = String.join(", ", t.columns().stream().map(Column::name).toList())
                    + extra.stream().map(e -> ", " + e).reduce("", String::concat);
            StringBuilder text = out.computeIfAbsent(target + " (" + columns + ")", x -> new StringBuilder(1 << 20));
            for (String[] cells : copies.get(t.name())) {
                List<String> values = new ArrayList<>();
                if (keyedByWithdrawal) {
                    values.add(createdAt);
                }
                if (toArchive) {
                    for (String sequence : t.sequenced().values()) {
                        values.add(Long.toString(nextValue(c, sequence)));
                    }
                }
                appendRow(text, cells, values);
            }
        }
        if (archive) {
            archived++;
            byte[] fingerprint = new WithdrawalRequested(newId, cell(withdrawals, row, "huifu_id"),
                    AccountKind.valueOf(cell(withdrawals, row, "account_kind")), cell(withdrawals, row, "token_no"),
                    Amount.parse(cell(withdrawals, row, "cash_amt")),
                    IntoAcctDateType.valueOf(cell(withdrawals, row, "into_acct_date_type")),
                    cell(withdrawals, row, "acct_id"), cell(withdrawals, row, "remark"), null).contentFingerprint();
            appendRow(out.computeIfAbsent("withdrawal_keys (withdrawal_id, content_fingerprint, created_at, archived_at)",
                            x -> new StringBuilder(1 << 16)),
                    new String[] {newId, "\\x" + HexFormat.of().formatHex(fingerprint), createdAt, loadTime.toString()},
                    List.of());
            Table serials = tables.stream().filter(t -> t.name().equals("withdrawal_serials")).findFirst().orElseThrow();
            for (String[] serial : copies.get("withdrawal_serials")) {
                appendRow(out.computeIfAbsent("serial_keys (huifu_id, req_date, req_seq_id, withdrawal_id)",
                                x -> new StringBuilder(1 << 16)),
                        new String[] {cell(serials, serial, "huifu_id"), cell(serials, serial, "req_date"),
                                cell(serials, serial, "req_seq_id"), newId}, List.of());
            }
        }
    }

    /** The rows of table {@code t} of copy {@code k}: each cell as COPY text takes it, null for NULL. */
    private List<String[]> copyRows(Table t, String template, long k, Duration back, Map<String, String> replace) {
        List<Object[]> rows;
        if (t.rows() != null) {
            double ratio = proportions.get(t.name());
            rows = new ArrayList<>();
            for (long j = (long) (k * ratio); j < (long) ((k + 1) * ratio); j++) {
                rows.add(t.rows().get((int) (j % t.rows().size())));
            }
        } else {
            rows = t.byWithdrawal().getOrDefault(template, List.of());
        }
        List<String[]> copies = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            String[] cells = new String[row.length];
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
                    cell = replace.get(template);
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
                cells[i] = cell;
            }
            copies.add(cells);
        }
        return copies;
    }

    private static void appendRow(StringBuilder out, String[] cells, List<String> extra) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            appendEscaped(out, cells[i]);
        }
        for (String value : extra) {
            out.append('\t');
            appendEscaped(out, value);
        }
        out.append('\n');
    }

    /** The sequence's next value, fetched in blocks (an archived history row is numbered as a hot one would be). */
    private long nextValue(Connection c, String sequence) throws SQLException {
        ArrayDeque<Long> block = sequenceBlocks.computeIfAbsent(sequence, x -> new ArrayDeque<>());
        if (block.isEmpty()) {
            try (PreparedStatement ps = c.prepareStatement(
                    "select nextval(?::regclass) from generate_series(1, 50000) order by 1")) {
                ps.setString(1, sequence);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        block.add(rs.getLong(1));
                    }
                }
            }
        }
        return block.poll();
    }

    private static int indexOf(Table t, String column) {
        for (int i = 0; i < t.columns().size(); i++) {
            if (t.columns().get(i).name().equals(column)) {
                return i;
            }
        }
        throw new IllegalStateException(t.name() + " has no column " + column);
    }

    private static String cell(Table t, String[] cells, String column) {
        return cells[indexOf(t, column)];
    }

    /**
     * The archive's monthly partitions for the year loaded and the current month, named and bounded as the
     * product's archiver makes them (UTC months), and the notification inbox's (months of the serials' dates).
     */
    private void createArchiveMonths(Connection c) throws SQLException {
        YearMonth last = YearMonth.from(loadTime);
        try (Statement st = c.createStatement()) {
            for (YearMonth m = YearMonth.from(loadTime.minus(SPREAD).minusDays(1)); !m.isAfter(last);
                 m = m.plusMonths(1)) {
                for (String archive : ARCHIVES.values()) {
                    st.execute("create table if not exists %s partition of %s for values from ('%s') to ('%s')"
                            .formatted(archive + m.format(MONTH_SUFFIX), archive,
                                    m.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC),
                                    m.plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC)));
                }
                if (inboxByMonth) {
                    st.execute("create table if not exists %s partition of %s for values from ('%s') to ('%s')"
                            .formatted(INBOX + m.format(MONTH_SUFFIX), INBOX, m.atDay(1).format(BASIC),
                                    m.plusMonths(1).atDay(1).format(BASIC)));
                }
            }
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

    private static boolean partitioned(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "select relkind = 'p' from pg_class where oid = to_regclass(?)")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        }
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
                                  and a.attname = col.column_name
                                  and (i.indnatts = 1 or i.indnatts = 2 and exists (
                                       select 1 from pg_attribute d where d.attrelid = i.indrelid
                                          and d.attnum = i.indkey[1] and d.attname = 'req_date')))
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
        Map<String, String> sequenced = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("""
                select column_name, pg_get_serial_sequence(table_name, column_name) from information_schema.columns
                 where table_schema = current_schema() and table_name = ? and column_default like 'nextval(%'
                 order by ordinal_position""")) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    sequenced.put(rs.getString(1), rs.getString(2));
                }
            }
        }
        return new Table(table, columns, sequenced, perWithdrawal ? byWithdrawal : null, perWithdrawal ? null : all);
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl, user, "");
    }
}
