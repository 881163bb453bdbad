package io.payout.orchestrator.withdrawal;

import static io.payout.orchestrator.withdrawal.Withdrawals.amount;
import static io.payout.orchestrator.withdrawal.Withdrawals.instant;
import static io.payout.orchestrator.withdrawal.Withdrawals.ts;

import io.payout.model.Amount;
import io.payout.model.WithdrawalStatus;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/**
 * The withdrawal_serials table: every serial sent to Huifu (its row is written at its first send, see
 * {@link DueWork#claim}), with what Huifu answered to the sends and the queries of it.
 */
@Repository
public class WithdrawalSerials {

    /** The synchronous answer to a send, recorded on its serial. */
    private static final String RECORD_SUBMIT = """
            update withdrawal_serials set submit_outcome = :outcome, submit_code = :code, submit_desc = :desc
            where huifu_id = :huifuId and req_date = :reqDate and req_seq_id = :reqSeqId""";

    /** A serial and what Huifu said about it; {@code submitOutcome} is the evidence kind of the send's answer. */
    public record Serial(SerialKey key, int sentCount, String submitOutcome, String submitCode, int queryCount,
                         int notFoundCount, Instant firstNotFoundAt, Instant lastQueryAt, String lastQueryResult,
                         Instant firstFailedAt) {
    }

    /** A serial sent on a business date, with its withdrawal as we hold it now (the daily reconciliation). */
    public record SentSerial(String withdrawalId, String huifuId, String reqDate, String reqSeqId, boolean current,
                             WithdrawalStatus status, Amount cashAmt, Amount feeAmt, Amount expectedFeeAmt) {

        /** Without an expected fee: the account's cash configuration was not known when it was sent. */
        public SentSerial(String withdrawalId, String huifuId, String reqDate, String reqSeqId, boolean current,
                          WithdrawalStatus status, Amount cashAmt, Amount feeAmt) {
            this(withdrawalId, huifuId, reqDate, reqSeqId, current, status, cashAmt, feeAmt, null);
        }
    }

    /** Rows to fetch per round trip when a day's serials are streamed. */
    private static final int STREAM_FETCH_SIZE = 5_000;

    private final JdbcClient jdbc;
    private final JdbcTemplate streaming;

    WithdrawalSerials(JdbcClient jdbc, DataSource dataSource) {
        this.jdbc = jdbc;
        // PostgreSQL streams a result set only inside a transaction and with a fetch size
        this.streaming = new JdbcTemplate(dataSource);
        this.streaming.setFetchSize(STREAM_FETCH_SIZE);
    }

    /**
     * Which withdrawal each known serial belongs to (earlier serials included). A serial without huifu_id (a notice
     * may leave it out) is found by req_date and req_seq_id, and keyed in the answer as it was asked.
     */
    public Map<SerialKey, String> ownersOf(Collection<SerialKey> serials) {
        return ownersIn("withdrawal_serials", serials);
    }

    /** As {@link #ownersOf}, among the serials of archived withdrawals (kept for good in serial_keys, V31). */
    public Map<SerialKey, String> archivedOwnersOf(Collection<SerialKey> serials) {
        return ownersIn("serial_keys", serials);
    }

    private Map<SerialKey, String> ownersIn(String table, Collection<SerialKey> serials) {
        Map<SerialKey, String> owners = new HashMap<>();
        List<SerialKey> keyed = serials.stream().filter(k -> k.huifuId() != null).toList();
        List<SerialKey> unkeyed = serials.stream().filter(k -> k.huifuId() == null).toList();
        if (!keyed.isEmpty()) {
            jdbc.sql("""
                            select s.huifu_id, s.req_date, s.req_seq_id, s.withdrawal_id
                            from %s s
                            join unnest(?::varchar[], ?::varchar[], ?::varchar[]) as k(huifu_id, req_date, req_seq_id)
                              on s.huifu_id = k.huifu_id and s.req_date = k.req_date and s.req_seq_id = k.req_seq_id
                            """.formatted(table))
                    .params(keyed.stream().map(SerialKey::huifuId).toArray(String[]::new),
                            keyed.stream().map(SerialKey::reqDate).toArray(String[]::new),
                            keyed.stream().map(SerialKey::reqSeqId).toArray(String[]::new))
                    .query((rs, n) -> Map.entry(new SerialKey(rs.getString(1), rs.getString(2), rs.getString(3)),
                            rs.getString(4)))
                    .list().forEach(e -> owners.put(e.getKey(), e.getValue()));
        }
        if (!unkeyed.isEmpty()) {
            jdbc.sql("""
                            select s.req_date, s.req_seq_id, s.withdrawal_id
                            from %s s
                            join unnest(?::varchar[], ?::varchar[]) as k(req_date, req_seq_id)
                              on s.req_seq_id = k.req_seq_id and s.req_date = k.req_date
                            """.formatted(table))
                    .params(unkeyed.stream().map(SerialKey::reqDate).toArray(String[]::new),
                            unkeyed.stream().map(SerialKey::reqSeqId).toArray(String[]::new))
                    .query((rs, n) -> Map.entry(new SerialKey(null, rs.getString(1), rs.getString(2)),
                            rs.getString(3)))
                    .list().forEach(e -> owners.put(e.getKey(), e.getValue()));
        }
        return owners;
    }

    /**
     * The serials of a withdrawal in the order they were sent, and last its current serial when it was never sent
     * (a serial's row is written at its first send; one never sent has nothing Huifu could have said about it).
     */
    public List<Serial> serialsOf(String withdrawalId) {
        return jdbc.sql("""
                        select huifu_id, req_date, req_seq_id, sent_count, submit_outcome, submit_code, query_count,
                          not_found_count, first_not_found_at, last_query_at, last_query_result, first_failed_at,
                          created_at, false as unsent
                        from withdrawal_serials where withdrawal_id = :id
                        union all
                        select huifu_id, req_date, req_seq_id, 0, null, null, 0, 0, null, null, null, null,
                          updated_at, true
                        from withdrawals w where withdrawal_id = :id and not exists (
                          select 1 from withdrawal_serials s where s.huifu_id = w.huifu_id
                            and s.req_date = w.req_date and s.req_seq_id = w.req_seq_id)
                        order by unsent, created_at, req_seq_id
                        """)
                .param("id", withdrawalId)
                .query((rs, n) -> new Serial(new SerialKey(rs.getString(1), rs.getString(2), rs.getString(3)),
                        rs.getInt(4), rs.getString(5), rs.getString(6), rs.getInt(7), rs.getInt(8),
                        instant(rs.getTimestamp(9)), instant(rs.getTimestamp(10)), rs.getString(11),
                        instant(rs.getTimestamp(12))))
                .list();
    }

    /** What the next-step policy needs to know of a serial; a serial never sent has no row. */
    SerialFacts factsOf(SerialKey serial) {
        return jdbc.sql("""
                        select sent_count, not_found_count, first_not_found_at, first_failed_at from withdrawal_serials
                        where huifu_id = ? and req_date = ? and req_seq_id = ?
                        """)
                .params(serial.huifuId(), serial.reqDate(), serial.reqSeqId())
                .query((rs, n) -> new SerialFacts(rs.getInt(1), rs.getInt(2), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4))))
                .optional().orElse(SerialFacts.NEVER_SENT);
    }

    /**
     * Records a send's answer and locks the withdrawal, in one statement, only while the withdrawal is still
     * {@code w}'s version (as the claim left a send): true when recorded and locked at that version; false, nothing
     * written or locked, when anything moved it meanwhile.
     */
    boolean recordSubmitIfUnchanged(Withdrawal w, Evidence answer) {
        return recordSubmitStatement("""
                with unchanged as (
                  select withdrawal_id from withdrawals where withdrawal_id = :id and version = :version for update)
                """ + RECORD_SUBMIT + " and exists (select 1 from unchanged)", answer)
                .param("id", w.withdrawalId()).param("version", w.version())
                .update() == 1;
    }

    void recordSubmit(Evidence answer) {
        recordSubmitStatement(RECORD_SUBMIT, answer).update();
    }

    private JdbcClient.StatementSpec recordSubmitStatement(String sql, Evidence answer) {
        SerialKey serial = answer.serial();
        return jdbc.sql(sql).param("outcome", answer.kind().name()).param("code", answer.code())
                .param("desc", answer.text()).param("huifuId", serial.huifuId()).param("reqDate", serial.reqDate())
                .param("reqSeqId", serial.reqSeqId());
    }

    /**
     * Records a query's answer on its serial and returns the serial's facts with it: a FOUND answer resets the
     * not-found evidence, and the first FOUND_F is kept (Huifu's F is final, whatever unanswered queries follow).
     */
    SerialFacts recordQuery(Evidence answer, Instant now) {
        SerialKey serial = answer.serial();
        return jdbc.sql("""
                        update withdrawal_serials set query_count = query_count + 1, last_query_at = :now,
                          last_query_result = :result,
                          not_found_count = case when :result = 'NOT_FOUND' then not_found_count + 1
                                                 when :result like 'FOUND%' then 0 else not_found_count end,
                          first_not_found_at = case when :result = 'NOT_FOUND' then coalesce(first_not_found_at, :now)
                                                    when :result like 'FOUND%' then null else first_not_found_at end,
                          first_failed_at = case when :result = 'FOUND_F' then coalesce(first_failed_at, :now)
                                                 else first_failed_at end
                        where huifu_id = :huifuId and req_date = :reqDate and req_seq_id = :reqSeqId
                        returning sent_count, not_found_count, first_not_found_at, first_failed_at
                        """)
                .param("now", ts(now)).param("result", queryResult(answer.kind()))
                .param("huifuId", serial.huifuId()).param("reqDate", serial.reqDate())
                .param("reqSeqId", serial.reqSeqId())
                .query((rs, n) -> new SerialFacts(rs.getInt(1), rs.getInt(2), instant(rs.getTimestamp(3)),
                        instant(rs.getTimestamp(4))))
                .optional().orElse(SerialFacts.NEVER_SENT);
    }

    /** A query's answer as last_query_result stores it. */
    private static String queryResult(EvidenceKind kind) {
        return switch (kind) {
            case QUERY_SUCCESS, QUERY_PROCESSING -> "FOUND";
            case QUERY_FAILED -> "FOUND_F";
            case QUERY_NOT_FOUND -> "NOT_FOUND";
            case QUERY_UNKNOWN -> "UNKNOWN";
            default -> throw new IllegalArgumentException(kind + " is not a query's answer");
        };
    }

    /**
     * The serials of one account that Huifu accepted (a send or a query said so, or the withdrawal moved on with
     * it), sent on {@code reqDate} or named in {@code carried}, each with its withdrawal as we hold it now. Rows are
     * streamed to {@code serials} in batches, so a million of them never sit in a result set.
     */
    @Transactional(readOnly = true)
    public void acceptedOf(String huifuId, String reqDate, String carriedFrom, Consumer<SentSerial> serials) {
        streaming.query("""
                        select w.withdrawal_id, s.huifu_id, s.req_date, s.req_seq_id,
                          (w.req_date = s.req_date and w.req_seq_id = s.req_seq_id) as current_serial,
                          w.status, w.cash_amt, w.fee_amt
                        from withdrawal_serials s join withdrawals w on w.withdrawal_id = s.withdrawal_id
                        where s.huifu_id = ? and s.sent_count > 0
                          and (s.req_date = ? or exists (select 1 from statement_carried c
                                where c.trade_date = ? and c.huifu_id = s.huifu_id and c.req_date = s.req_date
                                  and c.req_seq_id = s.req_seq_id))
                          and (s.submit_outcome in ('SYNC_PROCESSING', 'SYNC_SUCCESS')
                               or s.last_query_result like 'FOUND%'
                               or (w.req_date = s.req_date and w.req_seq_id = s.req_seq_id
                                   and w.status in ('PROCESSING', 'ACCOUNTED', 'SUCCEEDED', 'REFUNDED')))
                        """,
                (RowCallbackHandler) rs -> serials.accept(new SentSerial(rs.getString(1), rs.getString(2), rs.getString(3),
                        rs.getString(4), rs.getBoolean(5), WithdrawalStatus.valueOf(rs.getString(6)),
                        amount(rs.getBigDecimal(7)), amount(rs.getBigDecimal(8)))),
                huifuId, reqDate, carriedFrom);
    }

    /** The accounts with a serial sent on {@code reqDate} or carried from the statement of {@code carriedFrom}. */
    public List<String> accountsOf(String reqDate, String carriedFrom) {
        return jdbc.sql("""
                        select distinct huifu_id from withdrawal_serials where req_date = ? and sent_count > 0
                        union select distinct huifu_id from statement_carried where trade_date = ?
                        """)
                .params(reqDate, carriedFrom).query(String.class).list();
    }

    /** The serials sent on a business date (req_date), each with its withdrawal as we hold it now. */
    public List<SentSerial> sentOn(String businessDate) {
        // sent_count = 0: never left this service, so Huifu cannot have it and there is nothing to compare
        return jdbc.sql("""
                        select w.withdrawal_id, s.huifu_id, s.req_date, s.req_seq_id,
                          (w.req_date = s.req_date and w.req_seq_id = s.req_seq_id) as current_serial,
                          w.status, w.cash_amt, w.fee_amt, w.expected_fee_amt
                        from withdrawal_serials s join withdrawals w on w.withdrawal_id = s.withdrawal_id
                        where s.req_date = ? and s.sent_count > 0
                        order by w.withdrawal_id, s.created_at
                        """)
                .param(businessDate)
                .query((rs, n) -> new SentSerial(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getBoolean(5), WithdrawalStatus.valueOf(rs.getString(6)), amount(rs.getBigDecimal(7)),
                        amount(rs.getBigDecimal(8)), amount(rs.getBigDecimal(9))))
                .list();
    }

    /** Drops a serial the claim counted but that was never sent (a check before the send failed). */
    void forgetUnsent(SerialKey serial) {
        jdbc.sql("""
                delete from withdrawal_serials
                where huifu_id = :huifuId and req_date = :reqDate and req_seq_id = :reqSeqId
                  and submit_outcome is null and query_count = 0""")
                .param("huifuId", serial.huifuId()).param("reqDate", serial.reqDate())
                .param("reqSeqId", serial.reqSeqId()).update();
    }
}
