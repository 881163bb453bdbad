package io.payout.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The serials that notices can be about, when the withdrawals were made by intake with submission off: nothing sent
 * them, so they are marked sent here, and read back in the order intake stored them.
 */
final class SentSerials {

    /** A withdrawal as stored by intake: what a notification about it carries. */
    record Serial(String withdrawalId, String huifuId, String reqDate, String reqSeqId, String cashAmt) {
    }

    private SentSerials() {
    }

    /**
     * Huifu notifies only serials it was sent, and the orchestrator knows a serial once its first send wrote the
     * serial's row. Submission is off here (the notices are the load), so the rows are written as those sends would.
     */
    static void markSent(Stack stack, String jdbcUrl) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, stack.postgres.username(), "");
             Statement st = c.createStatement()) {
            st.executeUpdate("""
                    insert into withdrawal_serials (huifu_id, req_date, req_seq_id, withdrawal_id, created_at,
                      sent_count, last_sent_at)
                    select huifu_id, req_date, req_seq_id, withdrawal_id, now(), 1, now() from withdrawals
                    on conflict do nothing""");
        }
    }

    /** Every withdrawal's serial, oldest first, so that a run's notices follow the order of its requests. */
    static List<Serial> read(Stack stack, String jdbcUrl) throws SQLException {
        List<Serial> serials = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, stack.postgres.username(), "");
             Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("""
                     select withdrawal_id, huifu_id, req_date, req_seq_id, cash_amt from withdrawals
                     order by created_at, withdrawal_id""")) {
            while (rs.next()) {
                serials.add(new Serial(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBigDecimal(5).toPlainString()));
            }
        }
        return serials;
    }
}
