package io.payout.orchestrator.quarantine;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The quarantined_records table: records kept aside with their reason, until an operator replays them. */
@Repository
class QuarantinedRecords {

    private static final String COLUMNS = """
            id, topic, record_partition, record_offset, record_key, record_value, reason, quarantined_at,
            replayed_at, replayed_by""";

    private final JdbcClient jdbc;

    QuarantinedRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Keeps a record; false when it was kept before (a batch retried after a transient failure meets it again). */
    boolean keep(String topic, int partition, long offset, byte[] key, byte[] value, String reason, Instant now) {
        return jdbc.sql("""
                        insert into quarantined_records (topic, record_partition, record_offset, record_key,
                          record_value, reason, quarantined_at)
                        values (?, ?, ?, ?, ?, ?, ?)
                        on conflict (topic, record_partition, record_offset) do nothing
                        """)
                .params(topic, partition, offset, key, value, reason, Timestamp.from(now)).update() == 1;
    }

    /** The records not replayed yet, oldest first. */
    List<QuarantinedRecord> waiting(int limit) {
        return jdbc.sql("select " + COLUMNS + " from quarantined_records where replayed_at is null order by id limit ?")
                .param(limit).query(QuarantinedRecords::map).list();
    }

    Optional<QuarantinedRecord> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from quarantined_records where id = ?").param(id)
                .query(QuarantinedRecords::map).optional();
    }

    void markReplayed(long id, String actor, Instant now) {
        jdbc.sql("update quarantined_records set replayed_at = ?, replayed_by = ? where id = ?")
                .params(Timestamp.from(now), actor, id).update();
    }

    private static QuarantinedRecord map(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        Timestamp replayed = rs.getTimestamp("replayed_at");
        return new QuarantinedRecord(rs.getLong("id"), rs.getString("topic"), rs.getInt("record_partition"),
                rs.getLong("record_offset"), rs.getBytes("record_key"), rs.getBytes("record_value"),
                rs.getString("reason"), rs.getTimestamp("quarantined_at").toInstant(),
                replayed == null ? null : replayed.toInstant(), rs.getString("replayed_by"));
    }
}
