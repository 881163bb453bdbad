package io.payout.orchestrator.withdrawal;

import static io.payout.orchestrator.withdrawal.Withdrawals.COLUMNS;
import static io.payout.orchestrator.withdrawal.Withdrawals.ts;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The work queue over the withdrawals table: the withdrawals whose next action is due, claimed so that any number of
 * instances work side by side (FOR UPDATE SKIP LOCKED) without waiting on each other or taking the same row.
 */
@Repository
public class DueWork {

    /** A withdrawal as the claim wrote it; {@code sending}: its send is counted and is to happen now. */
    public record Claimed(Withdrawal row, boolean sending) {
    }

    private final JdbcClient jdbc;

    DueWork(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Claims up to {@code limit} withdrawals whose next action is due and returns them as the claim wrote them.
     *
     * <p>A withdrawal due to be sent (REQUESTED, SUBMIT, its serial dated {@code today}) is not leased but marked as
     * sending in the same statement: its send is counted on the serial before it happens and a query is made due at
     * {@code leaseUntil}, so if this instance dies before the answer is applied the next worker asks Huifu first.
     * A serial's first send writes its row: from then on Huifu may know it, and notifications for it are applied.
     * One write of the row instead of a lease and then a mark; the mark names the sender in {@code lease_owner}
     * (without a {@code lease_until}, so it is not a lease) until the answer is applied, for whoever investigates
     * a send that never got its answer. Anything else due is leased until {@code leaseUntil}.
     */
    public List<Claimed> claim(String owner, Instant now, Instant leaseUntil, String today, int limit) {
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
                            version = version + 1, updated_at = :now, lease_owner = :owner, lease_until = null
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
                .query((rs, n) -> new Claimed(Withdrawals.map(rs, n), rs.getBoolean("sending"))).list();
    }
}
