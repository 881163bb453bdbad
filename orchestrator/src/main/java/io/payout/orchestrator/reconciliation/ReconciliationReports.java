package io.payout.orchestrator.reconciliation;

import io.payout.model.Amount;
import io.payout.model.WithdrawalStatus;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The stored daily reports: reconciliation_reports and their reconciliation_lines. */
@Repository
class ReconciliationReports {

    private final JdbcClient jdbc;

    ReconciliationReports(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims a business date's scheduled run, so that one instance of many runs it: false when a report of that
     * date exists or is being made. The claim row stays, unfinished, if the run fails.
     */
    boolean claim(String businessDate) {
        return jdbc.sql("""
                insert into reconciliation_reports (business_date, started_at) values (?, now())
                on conflict (business_date) do nothing
                """).param(businessDate).update() == 1;
    }

    /** Replaces the date's report (a re-run supersedes the earlier one); {@code runBy} null for the schedule. */
    void store(ReconciliationReport report, String runBy) {
        jdbc.sql("delete from reconciliation_reports where business_date = ?").param(report.businessDate()).update();
        jdbc.sql("""
                insert into reconciliation_reports (business_date, started_at, finished_at, checked, matched,
                  mismatched, unanswered, run_by) values (?, ?, ?, ?, ?, ?, ?, ?)
                """).params(report.businessDate(), Timestamp.from(report.startedAt()),
                        Timestamp.from(report.finishedAt()), report.checked(), report.matched(), report.mismatched(),
                        report.unanswered(), runBy).update();
        for (ReconciliationLine l : report.lines()) {
            jdbc.sql("""
                    insert into reconciliation_lines (business_date, withdrawal_id, huifu_id, req_seq_id,
                      current_serial, status, cash_amt, fee_amt, huifu_trans_status, huifu_cash_amt, huifu_fee_amt,
                      result, detail) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """).params(report.businessDate(), l.withdrawalId(), l.huifuId(), l.reqSeqId(), l.currentSerial(),
                            l.status().name(), value(l.cashAmt()), value(l.feeAmt()), l.huifuTransStatus(),
                            value(l.huifuCashAmt()), value(l.huifuFeeAmt()), l.result().name(), l.detail()).update();
        }
    }

    Optional<ReconciliationReport> find(String businessDate) {
        List<ReconciliationLine> lines = jdbc.sql("""
                        select withdrawal_id, huifu_id, req_seq_id, current_serial, status, cash_amt, fee_amt,
                          huifu_trans_status, huifu_cash_amt, huifu_fee_amt, result, detail
                        from reconciliation_lines where business_date = ? order by withdrawal_id, req_seq_id
                        """)
                .param(businessDate)
                .query((rs, n) -> new ReconciliationLine(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getBoolean(4), WithdrawalStatus.valueOf(rs.getString(5)), amount(rs, 6), amount(rs, 7),
                        rs.getString(8), amount(rs, 9), amount(rs, 10),
                        ReconciliationLine.Result.valueOf(rs.getString(11)), rs.getString(12)))
                .list();
        return jdbc.sql("""
                        select business_date, started_at, finished_at, checked, matched, mismatched, unanswered
                        from reconciliation_reports where business_date = ?
                        """)
                .param(businessDate)
                .query((rs, n) -> new ReconciliationReport(rs.getString(1), instant(rs, 2), instant(rs, 3),
                        rs.getInt(4), rs.getInt(5), rs.getInt(6), rs.getInt(7), lines))
                .optional();
    }

    private static Amount amount(ResultSet rs, int column) throws SQLException {
        BigDecimal value = rs.getBigDecimal(column);
        return value == null ? null : new Amount(value.setScale(2));
    }

    private static BigDecimal value(Amount amount) {
        return amount == null ? null : amount.value();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
