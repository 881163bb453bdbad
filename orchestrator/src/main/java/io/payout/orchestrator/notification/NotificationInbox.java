package io.payout.orchestrator.notification;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Processed notification ids (written in the same transaction as their effect) and notifications kept for a
 * serial not known yet.
 */
@Repository
class NotificationInbox {

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    NotificationInbox(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    /**
     * Records the notices (id → the req_date of their serial, which places the id in its month, V34) as processed,
     * in the transaction that applies them, and returns the ids not recorded before. The check and the record are
     * one statement: a notice delivered twice at once is applied by one transaction only (the other waits on the
     * key, then finds it taken), and no separate look-up by id runs: such a look-up ({@code notification_id =
     * any(?)}) can keep the plan PostgreSQL made while the table was small, a scan of the whole table, which a
     * pooled connection's prepared statement then runs as the table grows.
     */
    Set<String> claim(Map<String, String> reqDates, Instant now) {
        if (reqDates.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("""
                        insert into processed_notifications (notification_id, req_date, processed_at)
                        select id, req_date, ? from unnest(?::varchar[], ?::varchar[]) as k(id, req_date)
                        on conflict (notification_id, req_date) do nothing
                        returning notification_id""")
                .param(Timestamp.from(now))
                .param(reqDates.keySet().toArray(String[]::new))
                .param(reqDates.values().toArray(String[]::new))
                .query(String.class).list());
    }

    void keep(List<Pending> pending) {
        List<Object[]> rows = new ArrayList<>(pending.size());
        for (Pending p : pending) {
            rows.add(new Object[] {p.notificationId(), p.huifuId(), p.reqDate(), p.reqSeqId(), p.payload(),
                    Timestamp.from(p.receivedAt())});
        }
        batch.batchUpdate("""
                insert into pending_notifications (notification_id, huifu_id, req_date, req_seq_id, payload, received_at)
                values (?, ?, ?, ?, ?, ?) on conflict (notification_id) do nothing
                """, rows);
    }

    /** Kept notifications whose serial is known by now, oldest first, locked so that one instance applies each. */
    List<Pending> nowKnown(int limit) {
        return jdbc.sql("""
                        select p.notification_id, p.huifu_id, p.req_date, p.req_seq_id, p.payload, p.received_at
                        from pending_notifications p
                        where exists (select 1 from withdrawal_serials s where s.req_seq_id = p.req_seq_id
                                        and s.req_date = p.req_date
                                        and (p.huifu_id is null or s.huifu_id = p.huifu_id))
                        order by p.received_at limit ? for update of p skip locked
                        """)
                .param(limit)
                .query((rs, n) -> new Pending(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getTimestamp(6).toInstant()))
                .list();
    }

    void forget(Collection<String> ids) {
        if (!ids.isEmpty()) {
            jdbc.sql("delete from pending_notifications where notification_id = any(?)")
                    .param(ids.toArray(String[]::new)).update();
        }
    }

    int pendingCount() {
        return jdbc.sql("select count(*) from pending_notifications").query(Integer.class).single();
    }

    record Pending(String notificationId, String huifuId, String reqDate, String reqSeqId, String payload,
                   Instant receivedAt) {
    }
}
