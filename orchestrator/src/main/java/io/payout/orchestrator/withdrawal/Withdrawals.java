package io.payout.orchestrator.withdrawal;

import io.payout.model.AccountKind;
import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import io.payout.model.WithdrawalRequested;
import io.payout.model.WithdrawalStatus;
import io.payout.orchestrator.outbox.Outbox;
import io.payout.orchestrator.outbox.OutboxMessage;
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
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The withdrawals, their serials and their history. Reads by many ids at once and writes with batched statements
 * (JdbcTemplate.batchUpdate, since JdbcClient has no batch), because intake and notifications run in batches of
 * hundreds and one round trip per record would cap throughput far below the targets.
 */
@Component
public final class Withdrawals {

    private static final String COLUMNS = """
            withdrawal_id, status, version, huifu_id, account_kind, token_no, cash_amt, into_acct_date_type,
            acct_id, remark, requested_at, req_date, req_seq_id, hf_seq_id, fee_amt, attention, attention_reason,
            next_action, next_action_at, attempts""";

    private final JdbcClient jdbc;
    private final JdbcTemplate batch;
    private final Outbox outbox;
    private final JsonMapper json;

    /** The synchronous answer to a send, recorded on its serial. */
    private static final String RECORD_SUBMIT = """
            update withdrawal_serials set submit_outcome = :outcome, submit_code = :code, submit_desc = :desc
            where huifu_id = :huifuId and req_date = :reqDate and req_seq_id = :reqSeqId""";

    public Withdrawals(JdbcClient jdbc, JdbcTemplate batch, Outbox outbox, JsonMapper json) {
        this.jdbc = jdbc;
        this.batch = batch;
        this.outbox = outbox;
        this.json = json;
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
     * Locks the rows (in id order, so two transactions never deadlock) and returns them: the caller applies
     * evidence to the row as it is now, never to a copy read before a call to Huifu.
     */
    public Map<String, Withdrawal> lock(Collection<String> ids) {
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

    /** Which withdrawal each known serial belongs to (earlier serials included). */
    public Map<SerialKey, String> ownersOf(Collection<SerialKey> serials) {
        Map<SerialKey, String> owners = new HashMap<>();
        if (serials.isEmpty()) {
            return owners;
        }
        jdbc.sql("""
                        select s.huifu_id, s.req_date, s.req_seq_id, s.withdrawal_id
                        from withdrawal_serials s
                        join unnest(?::varchar[], ?::varchar[], ?::varchar[]) as k(huifu_id, req_date, req_seq_id)
                          on s.huifu_id = k.huifu_id and s.req_date = k.req_date and s.req_seq_id = k.req_seq_id
                        """)
                .params(serials.stream().map(SerialKey::huifuId).toArray(String[]::new),
                        serials.stream().map(SerialKey::reqDate).toArray(String[]::new),
                        serials.stream().map(SerialKey::reqSeqId).toArray(String[]::new))
                .query((rs, n) -> Map.entry(new SerialKey(rs.getString(1), rs.getString(2), rs.getString(3)),
                        rs.getString(4)))
                .list().forEach(e -> owners.put(e.getKey(), e.getValue()));
        return owners;
    }

    /**
     * Stores new withdrawals with their REQUESTED history and events: one transaction, batched. The first serial is
     * on the row; its serial row is written when it is first sent (see {@link #claimDue}), as every serial's is.
     */
    public void insert(List<Applied> created, Instant now) {
        if (created.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(created.size());
        for (Applied applied : created) {
            Withdrawal w = applied.after();
            WithdrawalRequested r = w.request();
            rows.add(new Object[] {w.withdrawalId(), w.status().name(), r.huifuId(), r.accountKind().name(),
                    r.tokenNo(), r.cashAmt().value(), r.intoAcctDateType().name(), r.acctId(), r.remark(),
                    ts(r.requestedAt()), json.writeValueAsString(r), w.reqDate(), w.reqSeqId(),
                    w.nextAction() == null ? null : w.nextAction().name(), ts(w.nextActionAt()), ts(now), ts(now)});
        }
        batch.batchUpdate("""
                insert into withdrawals (withdrawal_id, status, version, huifu_id, account_kind, token_no, cash_amt,
                  into_acct_date_type, acct_id, remark, requested_at, request, req_date, req_seq_id, next_action,
                  next_action_at, created_at, updated_at)
                values (?, ?, 0, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows);
        appendHistoryAndEvents(created);
    }

    /**
     * Writes changed withdrawals with the version check, their history rows and their events, batched. A row
     * whose version moved meanwhile fails the whole transaction; the caller retries from the fresh row.
     */
    public void update(List<Applied> changes, Instant now) {
        if (changes.isEmpty()) {
            return;
        }
        List<Object[]> rows = new ArrayList<>(changes.size());
        for (Applied applied : changes) {
            Withdrawal w = applied.after();
            rows.add(new Object[] {w.status().name(), w.reqDate(), w.reqSeqId(), w.hfSeqId(),
                    w.feeAmt() == null ? null : w.feeAmt().value(), w.attention(), w.attentionReason(),
                    w.nextAction() == null ? null : w.nextAction().name(), ts(w.nextActionAt()), w.attempts(),
                    ts(now), w.withdrawalId(), applied.before().version()});
        }
        int[] counts = batch.batchUpdate("""
                update withdrawals set status = ?, version = version + 1, req_date = ?, req_seq_id = ?,
                  hf_seq_id = ?, fee_amt = ?, attention = ?, attention_reason = ?, next_action = ?,
                  next_action_at = ?, attempts = ?, lease_owner = null, lease_until = null, updated_at = ?
                where withdrawal_id = ? and version = ?
                """, rows);
        for (int i = 0; i < counts.length; i++) {
            if (counts[i] == 0) {
                throw new OptimisticLockingFailureException("withdrawal " + changes.get(i).after().withdrawalId()
                        + " changed since version " + changes.get(i).before().version());
            }
        }
        appendHistoryAndEvents(changes);
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
                        instant(rs, 9), instant(rs, 10), rs.getString(11), instant(rs, 12)))
                .list();
    }

    /**
     * {@link #recordSubmit} and {@link #lock} in one statement, only while the withdrawal is still the given version
     * (as {@link #claimDue} left a send): true when the answer is recorded and the row locked at that version; false,
     * nothing written or locked, when anything moved it meanwhile.
     */
    public boolean recordSubmitIfUnchanged(Withdrawal w, String outcome, String code, String desc) {
        return recordSubmitStatement("""
                with unchanged as (
                  select withdrawal_id from withdrawals where withdrawal_id = :id and version = :version for update)
                """ + RECORD_SUBMIT + " and exists (select 1 from unchanged)", w.serial(), outcome, code, desc)
                .param("id", w.withdrawalId()).param("version", w.version())
                .update() == 1;
    }

    public void recordSubmit(SerialKey serial, String outcome, String code, String desc) {
        recordSubmitStatement(RECORD_SUBMIT, serial, outcome, code, desc).update();
    }

    private JdbcClient.StatementSpec recordSubmitStatement(String sql, SerialKey serial, String outcome, String code,
                                                           String desc) {
        return jdbc.sql(sql).param("outcome", outcome).param("code", code).param("desc", desc)
                .param("huifuId", serial.huifuId()).param("reqDate", serial.reqDate())
                .param("reqSeqId", serial.reqSeqId());
    }

    /**
     * Records a query's answer on the serial; a FOUND answer resets the not-found evidence, and the first FOUND_F
     * is kept (Huifu's F is final, whatever unanswered queries come after it).
     */
    public void recordQuery(SerialKey serial, String result, Instant now) {
        jdbc.sql("""
                update withdrawal_serials set query_count = query_count + 1, last_query_at = :now,
                  last_query_result = :result,
                  not_found_count = case when :result = 'NOT_FOUND' then not_found_count + 1
                                         when :result like 'FOUND%' then 0 else not_found_count end,
                  first_not_found_at = case when :result = 'NOT_FOUND' then coalesce(first_not_found_at, :now)
                                            when :result like 'FOUND%' then null else first_not_found_at end,
                  first_failed_at = case when :result = 'FOUND_F' then coalesce(first_failed_at, :now)
                                         else first_failed_at end
                where huifu_id = :huifuId and req_date = :reqDate and req_seq_id = :reqSeqId
                """)
                .param("now", ts(now)).param("result", result).param("huifuId", serial.huifuId())
                .param("reqDate", serial.reqDate()).param("reqSeqId", serial.reqSeqId()).update();
    }

    /**
     * Claims up to {@code limit} withdrawals whose next action is due and returns them as the claim wrote them. SKIP
     * LOCKED lets any number of instances claim side by side without waiting on each other or claiming the same row.
     *
     * <p>A withdrawal due to be sent (REQUESTED, SUBMIT, its serial dated {@code today}) is not leased but marked as
     * sending in the same statement: its send is counted on the serial before it happens and a query is made due at
     * {@code leaseUntil}, so if this instance dies before the answer is applied the next worker asks Huifu first.
     * A serial's first send writes its row: from then on Huifu may know it, and notifications for it are applied.
     * One write of the row instead of a lease and then a mark (B3: the mark was PostgreSQL's second costliest
     * statement). Anything else due is leased until {@code leaseUntil}.
     */
    public List<Claimed> claimDue(String owner, Instant now, Instant leaseUntil, String today, int limit) {
        return jdbc.sql("""
                        with due as (
                          select withdrawal_id as due_id,
                            status = 'REQUESTED' and next_action = 'SUBMIT' and req_date = :today as sending
                          from withdrawals
                          where next_action is not null and next_action_at <= :now
                            and (lease_until is null or lease_until < :now)
                          order by next_action_at
                          limit :limit
                          for update skip locked),
                        marked as (
                          update withdrawals w set next_action = 'QUERY', next_action_at = :leaseUntil,
                            version = version + 1, updated_at = :now, lease_owner = null, lease_until = null
                          from due where w.withdrawal_id = due.due_id and due.sending
                          returning true as sending,\s""" + COLUMNS + """
                        ),
                        leased as (
                          update withdrawals w set lease_owner = :owner, lease_until = :leaseUntil
                          from due where w.withdrawal_id = due.due_id and not due.sending
                          returning false as sending,\s""" + COLUMNS + """
                        ),
                        counted as (
                          insert into withdrawal_serials (huifu_id, req_date, req_seq_id, withdrawal_id, created_at,
                            sent_count, last_sent_at)
                          select huifu_id, req_date, req_seq_id, withdrawal_id, :now, 1, :now from marked
                          on conflict (huifu_id, req_date, req_seq_id) do update
                            set sent_count = withdrawal_serials.sent_count + 1, last_sent_at = excluded.last_sent_at
                            where withdrawal_serials.withdrawal_id = excluded.withdrawal_id)
                        select * from marked union all select * from leased
                        """)
                .param("now", ts(now)).param("limit", limit).param("owner", owner).param("leaseUntil", ts(leaseUntil))
                .param("today", today)
                .query((rs, n) -> new Claimed(map(rs, n), rs.getBoolean("sending"))).list();
    }

    /**
     * Moves the next action without a state change (e.g. the crash-safe QUERY set before a send). Releases the
     * lease like {@link #update}: otherwise a follow-up due sooner than the lease would wait for the lease instead.
     */
    public void reschedule(Withdrawal w, NextAction action, Instant at, Instant now) {
        int count = jdbc.sql("""
                update withdrawals set next_action = ?, next_action_at = ?, version = version + 1, updated_at = ?,
                  lease_owner = null, lease_until = null
                where withdrawal_id = ? and version = ?
                """).params(action == null ? null : action.name(), ts(at), ts(now), w.withdrawalId(), w.version())
                .update();
        if (count == 0) {
            throw new OptimisticLockingFailureException("withdrawal " + w.withdrawalId() + " changed");
        }
    }

    public List<HistoryRow> history(String withdrawalId) {
        return jdbc.sql("""
                        select withdrawal_id, event_id, from_status, to_status, source, evidence, reason_code, reason,
                          occurred_at
                        from withdrawal_transitions where withdrawal_id = ? order by id
                        """)
                .param(withdrawalId)
                .query((rs, n) -> new HistoryRow(rs.getString(1), rs.getObject(2, java.util.UUID.class),
                        status(rs.getString(3)), status(rs.getString(4)),
                        io.payout.model.EventSource.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7),
                        rs.getString(8), instant(rs, 9)))
                .list();
    }

    private void appendHistoryAndEvents(List<Applied> changes) {
        List<Object[]> history = new ArrayList<>();
        List<OutboxMessage> events = new ArrayList<>();
        for (Applied applied : changes) {
            for (HistoryRow h : applied.history()) {
                history.add(new Object[] {h.withdrawalId(), h.eventId(), name(h.from()), name(h.to()),
                        h.source().name(), h.evidence(), h.reasonCode(), h.reason(), ts(h.occurredAt())});
            }
            events.addAll(applied.events());
        }
        batch.batchUpdate("""
                insert into withdrawal_transitions (withdrawal_id, event_id, from_status, to_status, source, evidence,
                  reason_code, reason, occurred_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, history);
        if (!events.isEmpty()) {
            outbox.appendAll(events);
        }
    }

    private static Withdrawal map(ResultSet rs, int rowNum) throws SQLException {
        WithdrawalRequested request = new WithdrawalRequested(rs.getString("withdrawal_id"), rs.getString("huifu_id"),
                AccountKind.valueOf(rs.getString("account_kind")), rs.getString("token_no"),
                amount(rs.getBigDecimal("cash_amt")), IntoAcctDateType.valueOf(rs.getString("into_acct_date_type")),
                rs.getString("acct_id"), rs.getString("remark"), instant(rs, "requested_at"));
        String next = rs.getString("next_action");
        return new Withdrawal(rs.getString("withdrawal_id"), WithdrawalStatus.valueOf(rs.getString("status")),
                rs.getLong("version"), request, rs.getString("req_date"), rs.getString("req_seq_id"),
                rs.getString("hf_seq_id"), amount(rs.getBigDecimal("fee_amt")), rs.getBoolean("attention"),
                rs.getString("attention_reason"), next == null ? null : NextAction.valueOf(next),
                instant(rs, "next_action_at"), rs.getInt("attempts"));
    }

    private static Amount amount(BigDecimal value) {
        return value == null ? null : new Amount(value.setScale(2));
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static String name(WithdrawalStatus status) {
        return status == null ? null : status.name();
    }

    private static WithdrawalStatus status(String name) {
        return name == null ? null : WithdrawalStatus.valueOf(name);
    }

    /** A withdrawal as {@link #claimDue} wrote it; {@code sending}: its send is counted and is to happen now. */
    public record Claimed(Withdrawal row, boolean sending) {
    }

    /** A serial and what Huifu said about it. */
    public record Serial(SerialKey key, int sentCount, String submitOutcome, String submitCode, int queryCount,
                         int notFoundCount, Instant firstNotFoundAt, Instant lastQueryAt, String lastQueryResult,
                         Instant firstFailedAt) {
    }
}
