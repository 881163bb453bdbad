package io.payout.reliability;

import io.payout.model.WithdrawalStatus;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

/**
 * What the orchestrators stored, read straight from their database (a fresh connection per read, so PostgreSQL's
 * restart never leaves the suite holding a dead one): the state of each withdrawal and which withdrawal each serial
 * belongs to, to match the sandbox's truth, and counts that must not move when nothing should change.
 */
final class OrchestratorDatabase {

    /** One stored withdrawal. */
    record Stored(String withdrawalId, WithdrawalStatus status, boolean attention, String attentionReason) {
    }

    /** What must stay the same while forged notices are posted: every row of history and every state. */
    record Snapshot(long historyRows, long transitions, long outboxRows, Map<String, Stored> withdrawals) {
    }

    private final String jdbcUrl;
    private final String user;

    OrchestratorDatabase(String jdbcUrl, String user) {
        this.jdbcUrl = jdbcUrl;
        this.user = user;
    }

    Map<String, Stored> withdrawals() {
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
    Map<String, String> serialOwners() {
        Map<String, String> out = new HashMap<>();
        query("select huifu_id, req_date, req_seq_id, withdrawal_id from withdrawal_serials", rows -> {
            while (rows.next()) {
                out.put(serial(rows.getString(1), rows.getString(2), rows.getString(3)), rows.getString(4));
            }
        });
        return out;
    }

    static String serial(String huifuId, String reqDate, String reqSeqId) {
        return huifuId + "/" + reqDate + "/" + reqSeqId;
    }

    /** Outbox rows not yet relayed to the broker. */
    long unsentOutboxRows() {
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
