package io.payout.orchestrator.account;

import io.payout.model.AccountKind;
import io.payout.model.account.AccountAction;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The table {@code account_applications}. */
@Repository
class AccountApplications {

    private static final String COLUMNS = """
            account_request_id, action, account_kind, huifu_id, step, state, req_date, req_seq_id, sent, apply_no,
            sealed_request, sealing_key_id, attempts, next_attempt_at, reason_code, reason, business_item,
            received_at, applied_at, final_at, updated_at""";
    /** What a read returns: the columns written, and the lease of the current claim (set by claims only). */
    private static final String READ = COLUMNS + ", lease_until";

    private final JdbcClient jdbc;

    AccountApplications(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(AccountApplication a) {
        jdbc.sql("insert into account_applications (" + COLUMNS + """
                ) values (:id, :action, :kind, :huifuId, :step, :state, :reqDate, :reqSeqId, :sent, :applyNo,
                          :sealed, :keyId, :attempts, :nextAttemptAt, :reasonCode, :reason, :businessItem,
                          :receivedAt, :appliedAt, :finalAt, :updatedAt)""")
                .params(params(a))
                .update();
    }

    /**
     * Claims up to {@code limit} due open applications for {@code lease}: another instance skips them meanwhile, and
     * takes them over when this one dies before it is done.
     */
    List<AccountApplication> claimDue(Instant now, Duration lease, int limit) {
        return jdbc.sql("""
                update account_applications set lease_until = :leaseUntil
                where account_request_id in (
                    select account_request_id from account_applications
                    where final_at is null and step <> 'DONE' and next_attempt_at <= :now
                      and (lease_until is null or lease_until <= :now)
                    order by next_attempt_at
                    limit :limit
                    for update skip locked)
                """ + "returning " + READ)
                .param("leaseUntil", Timestamp.from(now.plus(lease)))
                .param("now", Timestamp.from(now))
                .param("limit", limit)
                .query(this::row)
                .list();
    }

    /** The application locked for an update, when it is still open. */
    Optional<AccountApplication> lockOpen(String accountRequestId) {
        return jdbc.sql("select " + READ + " from account_applications where account_request_id = :id"
                        + " and final_at is null for update")
                .param("id", accountRequestId)
                .query(this::row)
                .optional();
    }

    /** The open application a notice of {@code huifuId} for serial {@code reqSeqId} answers. */
    Optional<String> openBySerial(String huifuId, String reqSeqId) {
        return jdbc.sql("""
                select account_request_id from account_applications
                where huifu_id = :huifuId and req_seq_id = :reqSeqId and final_at is null""")
                .param("huifuId", huifuId)
                .param("reqSeqId", reqSeqId)
                .query(String.class)
                .optional();
    }

    Optional<AccountApplication> find(String accountRequestId) {
        return jdbc.sql("select " + READ + " from account_applications where account_request_id = :id")
                .param("id", accountRequestId)
                .query(this::row)
                .optional();
    }

    /** The account's applications not final (open or waiting for an operator), oldest first. */
    List<AccountApplication> unfinishedOf(String huifuId) {
        return jdbc.sql("select " + READ + " from account_applications where huifu_id = :huifuId"
                        + " and final_at is null order by received_at")
                .param("huifuId", huifuId)
                .query(this::row)
                .list();
    }

    /** When the oldest application still under review at Huifu was filed; empty when none is. */
    Optional<Instant> oldestUnderReview() {
        return jdbc.sql("""
                select min(applied_at) from account_applications
                where final_at is null and step = 'FOLLOW' and applied_at is not null""")
                .query((rs, n) -> instant(rs.getTimestamp(1)))
                .optional();
    }

    /** How many applications wait for an operator (ATTENTION): nothing more is tried for them automatically. */
    long waitingForOperator() {
        return jdbc.sql("select count(*) from account_applications where state = 'ATTENTION' and final_at is null")
                .query(Long.class).single();
    }

    /**
     * Records the serial of a change as sent, before it is: a crash after this line leads to a lookup. Only under the
     * claim the application was read with: an instance whose lease ran out and was taken over (it was frozen, or
     * paused too long) must not send, or it would send under a serial of its own beside the new holder's.
     *
     * @throws LeaseLost when the claim is no longer this one's
     */
    void markSent(AccountApplication claimed, String reqDate, String reqSeqId, Instant now) {
        int updated = jdbc.sql("""
                update account_applications set req_date = :reqDate, req_seq_id = :reqSeqId, sent = true,
                       updated_at = :now
                where account_request_id = :id and lease_until = :leaseUntil and final_at is null""")
                .param("id", claimed.accountRequestId())
                .param("reqDate", reqDate)
                .param("reqSeqId", reqSeqId)
                .param("now", Timestamp.from(now))
                .param("leaseUntil", timestamp(claimed.leaseUntil()))
                .update();
        if (updated == 0) {
            throw new LeaseLost(claimed.accountRequestId(), claimed.step());
        }
    }

    void update(AccountApplication a) {
        jdbc.sql("""
                update account_applications set huifu_id = :huifuId, step = :step, state = :state, req_date = :reqDate,
                       req_seq_id = :reqSeqId, sent = :sent, apply_no = :applyNo, sealed_request = :sealed,
                       sealing_key_id = :keyId, attempts = :attempts, next_attempt_at = :nextAttemptAt,
                       lease_until = null, reason_code = :reasonCode, reason = :reason, business_item = :businessItem,
                       applied_at = :appliedAt, final_at = :finalAt, updated_at = :updatedAt
                where account_request_id = :id""")
                .params(params(a))
                .update();
    }

    private static Map<String, Object> params(AccountApplication a) {
        Map<String, Object> p = new HashMap<>();
        p.put("id", a.accountRequestId());
        p.put("action", a.action().name());
        p.put("kind", a.accountKind().name());
        p.put("huifuId", a.huifuId());
        p.put("step", a.step().name());
        p.put("state", a.state().name());
        p.put("reqDate", a.reqDate());
        p.put("reqSeqId", a.reqSeqId());
        p.put("sent", a.sent());
        p.put("applyNo", a.applyNo());
        p.put("sealed", a.sealed() == null ? null : a.sealed().bytes());
        p.put("keyId", a.sealed() == null ? null : a.sealed().keyId());
        p.put("attempts", a.attempts());
        p.put("nextAttemptAt", timestamp(a.nextAttemptAt()));
        p.put("reasonCode", a.reasonCode());
        p.put("reason", a.reason());
        p.put("businessItem", a.businessItem());
        p.put("receivedAt", timestamp(a.receivedAt()));
        p.put("appliedAt", timestamp(a.appliedAt()));
        p.put("finalAt", timestamp(a.finalAt()));
        p.put("updatedAt", timestamp(a.updatedAt()));
        return p;
    }

    private AccountApplication row(ResultSet rs, int n) throws SQLException {
        byte[] sealed = rs.getBytes("sealed_request");
        return new AccountApplication(rs.getString("account_request_id"),
                AccountAction.valueOf(rs.getString("action")), AccountKind.valueOf(rs.getString("account_kind")),
                rs.getString("huifu_id"), ApplicationStep.valueOf(rs.getString("step")),
                ApplicationState.valueOf(rs.getString("state")), rs.getString("req_date"), rs.getString("req_seq_id"),
                rs.getBoolean("sent"), rs.getString("apply_no"),
                sealed == null ? null : new SealedRequests.Sealed(rs.getString("sealing_key_id"), sealed),
                rs.getInt("attempts"), instant(rs.getTimestamp("next_attempt_at")), rs.getString("reason_code"),
                rs.getString("reason"), rs.getString("business_item"), instant(rs.getTimestamp("received_at")),
                instant(rs.getTimestamp("applied_at")), instant(rs.getTimestamp("final_at")),
                instant(rs.getTimestamp("updated_at")), instant(rs.getTimestamp("lease_until")));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
