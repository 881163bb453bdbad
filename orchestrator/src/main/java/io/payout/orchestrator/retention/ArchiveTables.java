package io.payout.orchestrator.retention;

import io.payout.orchestrator.withdrawal.Withdrawal;
import io.payout.orchestrator.withdrawal.Withdrawals;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The move of finished withdrawals from the hot tables to the archive (V31), and the archive's monthly partitions.
 * Rows are copied by column name, the hot table's columns read from the catalog, so the archive follows the hot
 * tables' schema (a column missing from the archive fails the move, never drops a value).
 */
@Repository
class ArchiveTables {

    /** Hot table → its archive; the first one holds the withdrawals, the others are keyed by withdrawal_id. */
    static final List<String[]> TABLES = List.of(
            new String[] {"withdrawals", "archived_withdrawals"},
            new String[] {"withdrawal_serials", "archived_serials"},
            new String[] {"withdrawal_transitions", "archived_transitions"});

    /** The states a withdrawal never leaves (CONTRACT.md §2), named in the text for the planner. */
    private static final String FINAL = "('SUCCEEDED', 'FAILED', 'REFUNDED')";

    /** Serializes archivers across instances, and partition changes with them. */
    static final long ARCHIVE_LOCK = 0x617263686976654cL;

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    ArchiveTables(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /** Whether this transaction may archive: false while another instance's archiver holds the lock. */
    boolean lock() {
        return Boolean.TRUE.equals(jdbc.sql("select pg_try_advisory_xact_lock(?)").param(ARCHIVE_LOCK)
                .query(Boolean.class).single());
    }

    /**
     * The next ids after {@code after}, in id order, of withdrawals final since before {@code cutoff}, not flagged
     * for an operator and without an open statement break: what may leave the hot tables. Withdrawals created before
     * {@code createdFrom} stay (their month has left the archive already). The walk in id order reads the table once
     * over a whole pass, through its primary key.
     */
    List<String> due(String after, Instant cutoff, Instant createdFrom, int limit) {
        return jdbc.sql("""
                        select w.withdrawal_id from withdrawals w
                         where w.withdrawal_id > ? and w.status in %s and not w.attention and w.updated_at < ?
                           and w.created_at >= ?
                           and not exists (select 1 from statement_breaks b
                                            where b.withdrawal_id = w.withdrawal_id and b.explained_at is null)
                         order by w.withdrawal_id limit ?
                        """.formatted(FINAL))
                .params(after, Timestamp.from(cutoff), Timestamp.from(createdFrom), limit).query(String.class).list();
    }

    /**
     * Moves the given withdrawals, if they are still due, with their serials and history, and records their keys.
     * Returns the withdrawals moved. Runs in the caller's transaction.
     */
    List<Withdrawal> move(List<String> ids, Instant cutoff, Instant now) {
        List<Withdrawal> moving = jdbc.sql("select " + Withdrawals.COLUMNS + " from withdrawals "
                        + "where withdrawal_id = any(?) and status in " + FINAL + " and not attention "
                        + "and updated_at < ? order by withdrawal_id for update skip locked")
                .params(ids.toArray(String[]::new), Timestamp.from(cutoff))
                .query(Withdrawals::map).list();
        if (moving.isEmpty()) {
            return moving;
        }
        ensureMonths(moving.stream().map(w -> ArchiveMonth.of(w.acceptedAt())).collect(Collectors.toSet()));
        String[] moved = moving.stream().map(Withdrawal::withdrawalId).toArray(String[]::new);
        List<Object[]> keys = new ArrayList<>(moving.size());
        for (Withdrawal w : moving) {
            keys.add(new Object[] {w.withdrawalId(), w.request().contentFingerprint(), Timestamp.from(w.acceptedAt()),
                    Timestamp.from(now)});
        }
        batch.batchUpdate("""
                insert into withdrawal_keys (withdrawal_id, content_fingerprint, created_at, archived_at)
                values (?, ?, ?, ?) on conflict (withdrawal_id) do nothing
                """, keys);
        jdbc.sql("""
                insert into serial_keys (huifu_id, req_date, req_seq_id, withdrawal_id)
                select huifu_id, req_date, req_seq_id, withdrawal_id from withdrawal_serials where withdrawal_id = any(?)
                on conflict do nothing
                """).param(moved).update();
        for (String[] table : TABLES) {
            List<String> columns = columnsOf(table[0]);
            boolean partitionedByItself = table[0].equals("withdrawals");
            String into = String.join(", ", columns) + (partitionedByItself ? "" : ", withdrawal_created_at");
            String from = columns.stream().map(c -> "h." + c).collect(Collectors.joining(", "))
                    + (partitionedByItself ? "" : ", w.created_at");
            jdbc.sql("insert into " + table[1] + " (" + into + ") select " + from + " from " + table[0] + " h"
                            + (partitionedByItself ? "" : " join withdrawals w on w.withdrawal_id = h.withdrawal_id")
                            + " where h.withdrawal_id = any(?)")
                    .param(moved).update();
        }
        for (int i = TABLES.size() - 1; i >= 0; i--) {
            jdbc.sql("delete from " + TABLES.get(i)[0] + " where withdrawal_id = any(?)").param(moved).update();
        }
        return moving;
    }

    /** The archive's months (each has a partition in every archive table). */
    List<ArchiveMonth> months() {
        return monthsOf("archived_withdrawals");
    }

    /** The months of a table partitioned by month (partitions named {@code <table>_pYYYYMM}), oldest first. */
    List<ArchiveMonth> monthsOf(String table) {
        return jdbc.sql("""
                        select c.relname from pg_inherits i join pg_class c on c.oid = i.inhrelid
                         where i.inhparent = ?::regclass
                        """)
                .param(table).query(String.class).list().stream()
                .map(name -> ArchiveMonth.ofPartition(table, name))
                .filter(m -> m != null).sorted().toList();
    }

    boolean exists(String table) {
        return Boolean.TRUE.equals(jdbc.sql("select to_regclass(?) is not null").param(table)
                .query(Boolean.class).single());
    }

    /**
     * Takes a month out of the archive in every archive table: detached (its tables keep their names, e.g.
     * {@code archived_withdrawals_p202501}) or dropped. Whole partitions, no row deleted one by one.
     */
    void expire(ArchiveMonth month, ExpiredMonths what) {
        for (String[] table : TABLES) {
            String partition = month.partitionOf(table[1]);
            if (exists(partition)) {
                jdbc.sql("alter table " + table[1] + " detach partition " + partition).update();
                if (what == ExpiredMonths.DROP) {
                    jdbc.sql("drop table " + partition).update();
                }
            }
        }
    }

    private void ensureMonths(Set<ArchiveMonth> months) {
        for (ArchiveMonth month : months) {
            for (String[] table : TABLES) {
                jdbc.sql("create table if not exists %s partition of %s for values from ('%s') to ('%s')"
                        .formatted(month.partitionOf(table[1]), table[1], month.start(), month.end())).update();
            }
        }
    }

    /** The columns of a hot table in their order (the archive has the same names, plus its partition key). */
    List<String> columnsOf(String table) {
        return jdbc.sql("""
                        select column_name from information_schema.columns
                         where table_schema = current_schema() and table_name = ? order by ordinal_position
                        """).param(table).query(String.class).list();
    }
}
