package io.payout.orchestrator.console;

import io.payout.model.AccountKind;
import io.payout.model.IntoAcctDateType;
import io.payout.model.WithdrawalStatus;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What the console reads that the operations API has no query for: searching and counting withdrawals by any id and
 * filter, the attention queue, the last hour's activity and the list of reconciliation reports. Read-only.
 */
@Repository
class ConsoleQueries {

    private static final String COLUMNS = """
            w.withdrawal_id, w.status, w.huifu_id, w.account_kind, w.into_acct_date_type, w.cash_amt, w.fee_amt,
            w.req_seq_id, w.hf_seq_id, w.attention, w.attention_reason, w.remark, w.created_at, w.updated_at""";

    /** Every filter but the status; the status filter is added apart, so counts per status can leave it out. */
    private static final String FILTERS = """
            (cast(:id as varchar) is null or w.withdrawal_id = :id or w.huifu_id = :id or w.req_seq_id = :id
               or w.hf_seq_id = :id
               or exists (select 1 from withdrawal_serials s where s.withdrawal_id = w.withdrawal_id
                          and s.req_seq_id = :id))
              and (cast(:cashType as varchar) is null or w.into_acct_date_type = :cashType)
              and (cast(:accountKind as varchar) is null or w.account_kind = :accountKind)
              and (cast(:attention as boolean) is null or w.attention = :attention)
              and (cast(:since as timestamptz) is null or w.created_at >= :since)
              and (cast(:until as timestamptz) is null or w.created_at < :until)
            """;

    private final JdbcClient jdbc;

    ConsoleQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One page of the search, sorted as asked, ties broken by id so that pages never overlap. */
    List<ConsoleRow> search(WithdrawalSearch search, int limit, int offset) {
        String order = search.column() + (search.ascending() ? " asc" : " desc") + ", w.withdrawal_id";
        return filtered(jdbc.sql("select " + COLUMNS + " from withdrawals w where " + FILTERS
                        + " and (cast(:status as varchar) is null or w.status = :status) order by " + order
                        + " limit :limit offset :offset"), search)
                .param("status", search.status() == null ? null : search.status().name())
                .param("limit", limit).param("offset", offset)
                .query(ConsoleQueries::row).list();
    }

    /** How many withdrawals match the search in each state (the status filter left out). */
    Map<WithdrawalStatus, Long> countsByStatus(WithdrawalSearch search) {
        Map<WithdrawalStatus, Long> counts = zeroPerStatus();
        filtered(jdbc.sql("select w.status, count(*) from withdrawals w where " + FILTERS + " group by w.status"),
                search).query(rs -> {
                    counts.put(WithdrawalStatus.valueOf(rs.getString(1)), rs.getLong(2));
                });
        return counts;
    }

    /** Flagged withdrawals, the longest waiting first. */
    List<ConsoleRow> attention(int limit) {
        return jdbc.sql("select " + COLUMNS + " from withdrawals w where w.attention order by w.created_at, "
                        + "w.withdrawal_id limit :limit")
                .param("limit", limit).query(ConsoleQueries::row).list();
    }

    Map<WithdrawalStatus, Long> countsByStatus() {
        Map<WithdrawalStatus, Long> counts = zeroPerStatus();
        jdbc.sql("select status, count(*) from withdrawals group by status").query(rs -> {
            counts.put(WithdrawalStatus.valueOf(rs.getString(1)), rs.getLong(2));
        });
        return counts;
    }

    /**
     * Per slice of the hour since {@code since}: how many withdrawals reached a final state, and their average
     * seconds from intake to final.
     */
    List<Slice> finalsPerSlice(Instant since, int sliceSeconds) {
        return jdbc.sql("""
                        select floor(extract(epoch from t.occurred_at - :since) / :slice)::int as slice, count(*),
                          avg(extract(epoch from t.occurred_at - w.created_at))
                        from withdrawal_transitions t join withdrawals w using (withdrawal_id)
                        where t.occurred_at >= :since and t.to_status in ('SUCCEEDED', 'FAILED', 'REFUNDED')
                        group by 1 order by 1
                        """)
                .param("since", Timestamp.from(since)).param("slice", sliceSeconds)
                .query((rs, n) -> new Slice(rs.getInt(1), rs.getLong(2), rs.getDouble(3))).list();
    }

    /** Huifu's answer codes to the serials sent since {@code since}, most frequent first. */
    Map<String, Long> answerCodes(Instant since) {
        Map<String, Long> codes = new LinkedHashMap<>();
        jdbc.sql("""
                        select coalesce(submit_code, '-'), count(*) from withdrawal_serials
                        where last_sent_at >= :since group by 1 order by 2 desc, 1 limit 20
                        """)
                .param("since", Timestamp.from(since)).query(rs -> {
                    codes.put(rs.getString(1), rs.getLong(2));
                });
        return codes;
    }

    /** The latest daily reconciliation reports, newest business date first. */
    List<ReportDay> reportDays(int limit) {
        return jdbc.sql("""
                        select business_date, checked, matched, mismatched, unanswered, finished_at, run_by
                        from reconciliation_reports order by business_date desc limit :limit
                        """)
                .param("limit", limit)
                .query((rs, n) -> new ReportDay(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4),
                        rs.getInt(5), instant(rs.getTimestamp(6)), rs.getString(7))).list();
    }

    /** One slice of the last hour: finals reached in it and their average seconds from intake. */
    record Slice(int index, long finals, double averageSecondsToFinal) {
    }

    private static JdbcClient.StatementSpec filtered(JdbcClient.StatementSpec sql, WithdrawalSearch search) {
        return sql.param("id", search.id())
                .param("cashType", search.cashType() == null ? null : search.cashType().name())
                .param("accountKind", search.accountKind() == null ? null : search.accountKind().name())
                .param("attention", search.attention())
                .param("since", beijingMidnight(search.from()))
                .param("until", beijingMidnight(search.to() == null ? null : search.to().plusDays(1)));
    }

    private static Timestamp beijingMidnight(LocalDate date) {
        return date == null ? null : Timestamp.from(date.atStartOfDay(ConsoleFormat.BEIJING).toInstant());
    }

    private static Map<WithdrawalStatus, Long> zeroPerStatus() {
        Map<WithdrawalStatus, Long> counts = new LinkedHashMap<>();
        for (WithdrawalStatus status : WithdrawalStatus.values()) {
            counts.put(status, 0L);
        }
        return counts;
    }

    private static ConsoleRow row(ResultSet rs, int n) throws SQLException {
        return new ConsoleRow(rs.getString("withdrawal_id"), WithdrawalStatus.valueOf(rs.getString("status")),
                rs.getString("huifu_id"), AccountKind.valueOf(rs.getString("account_kind")),
                IntoAcctDateType.valueOf(rs.getString("into_acct_date_type")), rs.getBigDecimal("cash_amt"),
                rs.getBigDecimal("fee_amt"), rs.getString("req_seq_id"), rs.getString("hf_seq_id"),
                rs.getBoolean("attention"), rs.getString("attention_reason"), rs.getString("remark"),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
