package io.payout.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * B5's query plans: the reads the hot path makes most, run with EXPLAIN (ANALYZE, BUFFERS) on the loaded database,
 * so a report shows which index serves each on years of data. The statements are read-only stand-ins with the
 * product's predicates (the product's own statements also write), on ids and serials picked from the database.
 */
final class QueryPlans {

    private QueryPlans() {
    }

    static Map<String, List<String>> of(String jdbcUrl, String user) {
        Map<String, List<String>> plans = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, ""); Statement st = c.createStatement()) {
            String hotIds = sample(st, "select withdrawal_id from withdrawals order by withdrawal_id desc limit 100");
            String archivedIds = sample(st, "select withdrawal_id from withdrawal_keys limit 100");
            plans.put("intake: known requests of a batch (100 ids)", explain(st,
                    "select * from withdrawals where withdrawal_id = any(array[" + hotIds + "])"));
            plans.put("intake: archived fingerprints of a batch (100 ids)", explain(st,
                    "select withdrawal_id, content_fingerprint from withdrawal_keys where withdrawal_id = any(array["
                            + archivedIds + "])"));
            plans.put("submission: due work", explain(st, """
                    select withdrawal_id from withdrawals
                     where next_action is not null and next_action_at <= now()
                       and (lease_until is null or lease_until < now())
                     order by next_action_at limit 100"""));
            plans.put("notice: the serials' withdrawals (100 serials)", explain(st, serialsQuery("withdrawal_serials",
                    sampleSerials(st, "select huifu_id, req_date, req_seq_id from withdrawal_serials "
                            + "order by huifu_id desc, req_date desc limit 100"))));
            plans.put("notice: archived serials (100 serials)", explain(st, serialsQuery("serial_keys",
                    sampleSerials(st, "select huifu_id, req_date, req_seq_id from serial_keys limit 100"))));
            plans.put("metrics: open withdrawals by state", explain(st,
                    "select created_at from withdrawals where status = 'REQUESTED' order by created_at limit 10000"));
            plans.put("history of one withdrawal", explain(st,
                    "select * from withdrawal_transitions where withdrawal_id = (" + "select withdrawal_id from "
                            + "withdrawals order by withdrawal_id desc limit 1) order by id"));
            plans.put("history of one archived withdrawal (every month's partition)", explain(st,
                    "select * from archived_transitions where withdrawal_id = (select withdrawal_id from "
                            + "withdrawal_keys limit 1) order by id"));
        } catch (SQLException e) {
            plans.put("error", List.of(e.getMessage()));
        }
        return plans;
    }

    /** The product's lookup of a notice batch's serials (WithdrawalSerials.ownersOf), on literal arrays. */
    private static String serialsQuery(String table, List<List<String>> serials) {
        return """
                select s.withdrawal_id from %s s
                  join unnest(array[%s]::varchar[], array[%s]::varchar[], array[%s]::varchar[])
                       as k(huifu_id, req_date, req_seq_id)
                    on s.huifu_id = k.huifu_id and s.req_date = k.req_date and s.req_seq_id = k.req_seq_id"""
                .formatted(table, String.join(", ", serials.get(0)), String.join(", ", serials.get(1)),
                        String.join(", ", serials.get(2)));
    }

    /** Three lists of quoted literals: huifu_id, req_date, req_seq_id. */
    private static List<List<String>> sampleSerials(Statement st, String query) throws SQLException {
        List<List<String>> columns = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
        try (ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                for (int i = 0; i < 3; i++) {
                    columns.get(i).add("'" + rs.getString(i + 1).replace("'", "''") + "'");
                }
            }
        }
        return columns;
    }

    private static String sample(Statement st, String query) throws SQLException {
        List<String> ids = new ArrayList<>();
        try (ResultSet rs = st.executeQuery(query)) {
            while (rs.next()) {
                ids.add("'" + rs.getString(1).replace("'", "''") + "'");
            }
        }
        return ids.isEmpty() ? "null" : String.join(", ", ids);
    }

    private static List<String> explain(Statement st, String query) throws SQLException {
        List<String> lines = new ArrayList<>();
        try (ResultSet rs = st.executeQuery("explain (analyze, buffers, costs off) " + query)) {
            while (rs.next()) {
                lines.add(rs.getString(1));
            }
        }
        return lines;
    }
}
