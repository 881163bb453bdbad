package io.payout.reliability;

import io.payout.model.WithdrawalStatus;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the orchestrators stored, read straight from their database (a fresh connection per read, so PostgreSQL's
 * restart never leaves the suite holding a dead one): the state of each withdrawal and which withdrawal each serial
 * belongs to, to match the sandbox's truth, and counts that must not move when nothing should change.
 */
public final class OrchestratorDatabase {

    /** One stored withdrawal. */
    public record Stored(String withdrawalId, WithdrawalStatus status, boolean attention, String attentionReason) {
    }

    /** What must stay the same while forged notices are posted: every row of history and every state. */
    record Snapshot(long historyRows, long transitions, long outboxRows, Map<String, Stored> withdrawals) {
    }

    private final String jdbcUrl;
    private final String user;

    public OrchestratorDatabase(String jdbcUrl, String user) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
    }

    public Map<String, Stored> withdrawals() {
        Map<String, Stored> out = new HashMap<>();
        query("select withdrawal_id, status, attention, attention_reason from withdrawals", rows -> {
            while (rows.next()) {
                out.put(rows.getString(1), new Stored(rows.getString(1), WithdrawalStatus.valueOf(rows.getString(2)),
                        rows.getBoolean(3), rows.getString(4)));
            }
        });
        return out;
    }

    /** {@code huifu_id/req_date/req_seq_id} of every serial ever assigned, to the withdrawal it belongs to. */
    public Map<String, String> serialOwners() {
        Map<String, String> out = new HashMap<>();
        query("select huifu_id, req_date, req_seq_id, withdrawal_id from withdrawal_serials", rows -> {
            while (rows.next()) {
                out.put(serial(rows.getString(1), rows.getString(2), rows.getString(3)), rows.getString(4));
            }
        });
        return out;
    }

    /** The open cards the accounts registry knows, by account. */
    public Map<String, Set<String>> openCardTokens() {
        Map<String, Set<String>> out = new HashMap<>();
        query("select huifu_id, token_no from account_cards where open", rows -> {
            while (rows.next()) {
                out.computeIfAbsent(rows.getString(1), k -> new java.util.TreeSet<>()).add(rows.getString(2));
            }
        });
        return out;
    }

    /** Account applications not final: open at Huifu or waiting for an operator, with their step and reason. */
    public List<String> unfinishedAccountApplications() {
        List<String> out = new java.util.ArrayList<>();
        query("select account_request_id, step, state, reason from account_applications where final_at is null",
                rows -> {
                    while (rows.next()) {
                        out.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " "
                                + rows.getString(4));
                    }
                });
        return out;
    }

    static String serial(String huifuId, String reqDate, String reqSeqId) {
        return huifuId + "/" + reqDate + "/" + reqSeqId;
    }

    /** Withdrawals with at least one state change applied from a Huifu notice (not from a query or an answer). */
    Set<String> noticeDrivenWithdrawals() {
        return strings("select distinct withdrawal_id from withdrawal_transitions"
                + " where to_status is not null and source = 'NOTIFICATION'");
    }

    /** Withdrawals with at least one Huifu notice in their history, whether it changed their state or not. */
    Set<String> withdrawalsWithNotices() {
        return strings("select distinct withdrawal_id from withdrawal_transitions where source = 'NOTIFICATION'");
    }

    /** Ids of the notices kept for a serial not known (yet). */
    Set<String> pendingNotificationIds() {
        return strings("select notification_id from pending_notifications");
    }

    /**
     * Withdrawals whose send the orchestrator JVM {@code pid} claimed and whose answer it has not applied yet (the
     * claim names the sender and makes a query due at the lease's end).
     */
    long sendsInFlightBy(long pid) {
        return count("select count(*) from withdrawals where status = 'REQUESTED' and next_action = 'QUERY'"
                + " and lease_owner like '" + pid + "@%' and lease_until is null and next_action_at > now()");
    }

    /** Withdrawals leased (for a query or a later step) by the orchestrator JVM {@code pid}, lease not expired. */
    long leasesHeldBy(long pid) {
        return count("select count(*) from withdrawals where lease_owner like '" + pid + "@%'"
                + " and lease_until > now()");
    }

    /** What the database takes on disk (its tables, indexes and catalog). */
    long sizeBytes() {
        return count("select pg_database_size(current_database())");
    }

    private Set<String> strings(String sql) {
        Set<String> out = new HashSet<>();
        query(sql, rows -> {
            while (rows.next()) {
                out.add(rows.getString(1));
            }
        });
        return out;
    }

    /** Outbox rows not yet relayed to the broker. */
    public long unsentOutboxRows() {
        return count("select count(*) from outbox"); // the relay deletes a row once the broker acknowledged it
    }

    Snapshot snapshot() {
        return new Snapshot(count("select count(*) from withdrawal_transitions"),
                count("select count(*) from withdrawal_transitions where event_id is not null"),
                // the id sequence, not the rows: the relay deletes rows once sent, the sequence never goes back
                count("select last_value from outbox_id_seq"), withdrawals());
    }

    private long count(String sql) {
        long[] result = new long[1];
        query(sql, rows -> {
            rows.next();
            result[0] = rows.getLong(1);
        });
        return result[0];
    }

    private interface Rows {
        void read(ResultSet rows) throws SQLException;
    }

    private void query(String sql, Rows reader) {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, user, "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            reader.read(rows);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the orchestrators' database: " + e.getMessage(), e);
        }
    }
}
