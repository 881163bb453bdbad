package io.payout.orchestrator.withdrawal;

import io.payout.model.AccountKind;
import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import io.payout.model.WithdrawalRequested;
import io.payout.model.WithdrawalStatus;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The withdrawals table: one row per withdrawal, written with a version check. Reads by many ids at once, inserts a
 * batch with one statement over arrays ({@link Columns}) and updates with batched statements
 * (JdbcTemplate.batchUpdate, since JdbcClient has no batch), because intake and notifications run in batches of
 * hundreds and one round trip per record would cap throughput.
 */
@Repository
public class Withdrawals {

    /** The columns {@link #map} reads, for every statement that returns whole rows. */
    public static final String COLUMNS = """
            withdrawal_id, status, version, huifu_id, account_kind, token_no, cash_amt, into_acct_date_type,
            acct_id, remark, requested_at, req_date, req_seq_id, hf_seq_id, fee_amt, expected_fee_amt, attention,
            attention_reason, next_action, next_action_at, attempts, created_at, trace_parent""";

    /** Per open state (named in the text, see {@link #countOpenByAge}), its counts per age bucket. */
    private static final String COUNT_OPEN_BY_AGE = Stream.of(WithdrawalStatus.values())
            .filter(status -> !status.isFinal()).map(WithdrawalStatus::name).map("""
            select '%1$s', count(*) filter (where created_at > :hour),
              count(*) filter (where created_at <= :hour and created_at > :day),
              count(*) filter (where created_at <= :day and created_at > :week),
              count(*) filter (where created_at <= :week)
            from (select created_at from withdrawals where status = '%1$s' order by created_at limit :limit) oldest
            """::formatted).collect(Collectors.joining("union all\n"));

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;

    Withdrawals(JdbcClient jdbc, JdbcTemplate batch) {
        this.jdbc = jdbc;
        this.batch = batch;
    }

    public Optional<Withdrawal> find(String withdrawalId) {
        return jdbc.sql("select " + COLUMNS + " from withdrawals where withdrawal_id = ?")
                .param(withdrawalId).query(Withdrawals::map).optional();
    }

    /** The stored requests of the given ids (replay and conflict detection at intake). */
    public Map<String, WithdrawalRequested> requestsOf(Collection<String> ids) {
        Map<String, WithdrawalRequested> found = new HashMap<>();
        byIds(ids, "").forEach(w -> found.put(w.withdrawalId(), w.request()));
        return found;
    }

    /**
     * Locks the rows (in id order, so two transactions never deadlock) and returns them: evidence is applied to the
     * row as it is now, never to a copy read before a call to Huifu.
     */
    Map<String, Withdrawal> lock(Collection<String> ids) {
        Map<String, Withdrawal> found = new LinkedHashMap<>();
        byIds(ids, " order by withdrawal_id for update").forEach(w -> found.put(w.withdrawalId(), w));
        return found;
    }

    private List<Withdrawal> byIds(Collection<String> ids, String tail) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + COLUMNS + " from withdrawals where withdrawal_id = any(?)" + tail)
                .param(ids.toArray(String[]::new))
                .query(Withdrawals::map).list();
    }

    /** The most recently updated withdrawals, optionally only those in a state and/or flagged (operations). */
    public List<Withdrawal> list(WithdrawalStatus status, Boolean attention, int limit) {
        return jdbc.sql("select " + COLUMNS + """
                         from withdrawals
                        where (cast(:status as varchar) is null or status = :status)
                          and (cast(:attention as boolean) is null or attention = :attention)
                        order by updated_at desc, withdrawal_id limit :limit
                        """)
                .param("status", status == null ? null : status.name()).param("attention", attention)
                .param("limit", limit)
                .query(Withdrawals::map).list();
    }

    /** The traceparent of the withdrawal that sent serial {@code reqSeqId} of {@code huifuId}, if it has one. */
    public Optional<String> traceParentOfSerial(String huifuId, String reqSeqId) {
        return jdbc.sql("""
                        select w.trace_parent from withdrawal_serials s join withdrawals w using (withdrawal_id)
                        where s.req_seq_id = ? and s.huifu_id = ? and w.trace_parent is not null limit 1
                        """).params(reqSeqId, huifuId).query(String.class).optional();
    }

    /**
     * Stores new withdrawals, batched. The first serial is on the row; its serial row is written when it is first
     * sent (see {@link DueWork#claim}), as every serial's is.
     */
    void insert(List<Withdrawal> created, Instant now) {
        if (created.isEmpty()) {
            return;
        }
        Columns columns = new Columns(created.size(), 16);
        for (Withdrawal w : created) {
            WithdrawalRequested r = w.request();
            columns.row(w.withdrawalId(), w.status().name(), r.huifuId(), r.accountKind().name(), r.tokenNo(),
                    r.cashAmt().value().toPlainString(), r.intoAcctDateType().name(), r.acctId(), r.remark(),
                    Columns.text(r.requestedAt()), w.reqDate(), w.reqSeqId(),
                    name(w.nextAction()), Columns.text(w.nextActionAt()), Columns.text(w.acceptedAt()),
                    w.traceParent());
        }
        // One statement whatever the batch's size, a parameter per column, not per value: bound one by one (2,300
        // per statement of 128 rows), the values took about 40 % of intake's CPU in the orchestrator. The arrays are
        // unnested in the select list, side by side: in the from clause PostgreSQL would first copy every row into a
        // tuple store (an eighth more CPU for this insert).
        jdbc.sql("""
                        insert into withdrawals (updated_at, version, withdrawal_id, status, huifu_id, account_kind,
                          token_no, cash_amt, into_acct_date_type, acct_id, remark, requested_at, req_date, req_seq_id,
                          next_action, next_action_at, created_at, trace_parent)
                        select cast(? as timestamptz), 0, unnest(cast(? as text[])), unnest(cast(? as text[])),
                          unnest(cast(? as text[])), unnest(cast(? as text[])), unnest(cast(? as text[])),
                          cast(unnest(cast(? as text[])) as numeric), unnest(cast(? as text[])),
                          unnest(cast(? as text[])), unnest(cast(? as text[])),
                          cast(unnest(cast(? as text[])) as timestamptz), unnest(cast(? as text[])),
                          unnest(cast(? as text[])), unnest(cast(? as text[])),
                          cast(unnest(cast(? as text[])) as timestamptz),
                          cast(unnest(cast(? as text[])) as timestamptz), unnest(cast(? as text[]))
                        """)
                .params(columns.withFirst(ts(now)))
                .update();
    }

    /**
     * Writes changed rows with the version check, batched, and releases their leases. A row whose version moved
     * meanwhile fails the whole transaction; the caller retries from the fresh row.
     */
    void update(List<Applied> changes, Instant now) {
        if (changes.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(changes.size());
        for (Applied applied : changes) {
            Withdrawal w = applied.after();
            rows.add(new Object[] {w.status().name(), w.reqDate(), w.reqSeqId(), w.hfSeqId(),
                    w.feeAmt() == null ? null : w.feeAmt().value(),
                    w.expectedFeeAmt() == null ? null : w.expectedFeeAmt().value(), w.attention(), w.attentionReason(),
                    name(w.nextAction()), ts(w.nextActionAt()), w.attempts(), ts(now), w.withdrawalId(),
                    applied.before().version()});
        }
        int[] counts = batch.batchUpdate("""
                update withdrawals set status = ?, version = version + 1, req_date = ?, req_seq_id = ?,
                  hf_seq_id = ?, fee_amt = ?, expected_fee_amt = ?, attention = ?, attention_reason = ?,
                  next_action = ?, next_action_at = ?, attempts = ?, lease_owner = null, lease_until = null, updated_at = ?
                where withdrawal_id = ? and version = ?
                """, rows);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                throw new OptimisticLockingFailureException("withdrawal " + changes.get(i).after().withdrawalId()
                        + " changed since version " + changes.get(i).before().version());
            }
        }
    }

    /**
     * Per open state, its counts per age bucket since intake ({@code bounds}: the bucket edges, youngest first),
     * counted oldest first up to {@code limit}: only the youngest bucket can stop at the limit, and the size of a
     * backlog is not what an operator acts on, its age is. Each state is named in the text, not bound: the planner
     * can then read it through the partial index withdrawals_open (V12), whose predicate a bound value never proves,
     * and a backlog of a million rows costs no more than the limit. One statement for all states.
     */
    public Map<WithdrawalStatus, long[]> countOpenByAge(List<Instant> bounds, int limit) {
        if (bounds.size() != 3) {
            throw new IllegalArgumentException("three bucket edges expected: " + bounds);
        }
        Map<WithdrawalStatus, long[]> counts = new LinkedHashMap<>();
        jdbc.sql(COUNT_OPEN_BY_AGE)
                .param("hour", ts(bounds.get(0))).param("day", ts(bounds.get(1))).param("week", ts(bounds.get(2)))
                .param("limit", limit)
                .query(rs -> {
                    counts.put(WithdrawalStatus.valueOf(rs.getString(1)),
                            new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)});
                });
        return counts;
    }

    /** How many withdrawals are flagged for attention. */
    public long countFlagged() {
        return jdbc.sql("select count(*) from withdrawals where attention").query(Long.class).single();
    }

    public static Withdrawal map(ResultSet rs, int rowNum) throws SQLException {
        WithdrawalRequested request = new WithdrawalRequested(rs.getString("withdrawal_id"), rs.getString("huifu_id"),
                AccountKind.valueOf(rs.getString("account_kind")), rs.getString("token_no"),
                amount(rs.getBigDecimal("cash_amt")), IntoAcctDateType.valueOf(rs.getString("into_acct_date_type")),
                rs.getString("acct_id"), rs.getString("remark"), instant(rs.getTimestamp("requested_at")));
        String next = rs.getString("next_action");
        return new Withdrawal(rs.getString("withdrawal_id"), WithdrawalStatus.valueOf(rs.getString("status")),
                rs.getLong("version"), request, rs.getString("req_date"), rs.getString("req_seq_id"),
                rs.getString("hf_seq_id"), amount(rs.getBigDecimal("fee_amt")),
                amount(rs.getBigDecimal("expected_fee_amt")), rs.getBoolean("attention"),
                rs.getString("attention_reason"), next == null ? null : NextAction.valueOf(next),
                instant(rs.getTimestamp("next_action_at")), rs.getInt("attempts"),
                instant(rs.getTimestamp("created_at")), rs.getString("trace_parent"));
    }

    static Amount amount(BigDecimal value) {
        return value == null ? null : new Amount(value.setScale(2));
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    private static String name(Enum<?> value) {
        return value == null ? null : value.name();
    }
}
