package io.payout.orchestrator.reconciliation;

import io.micrometer.core.instrument.MeterRegistry;
import io.payout.model.EventSource;
import io.payout.orchestrator.withdrawal.Applied;
import io.payout.orchestrator.withdrawal.HistoryRow;
import io.payout.orchestrator.withdrawal.NextAction;
import io.payout.orchestrator.withdrawal.Withdrawal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Schedules the next query of a non-final withdrawal by the {@link PollSchedule} and flags it for attention once
 * it outlives the horizon. The submission workers call it after every query answer that leaves a withdrawal open;
 * the claim with a lease (FOR UPDATE SKIP LOCKED) keeps the polling cluster-safe.
 */
@Component
public final class Polls {

    static final String OVERDUE = "no final answer from Huifu within the reconciliation horizon";
    private static final Logger log = LoggerFactory.getLogger(Polls.class);

    private final PollSchedule schedule;
    private final JdbcClient jdbc;
    private final MeterRegistry meters;

    public Polls(ReconciliationProperties props, JdbcClient jdbc, MeterRegistry meters) {
        this.schedule = new PollSchedule(props);
        this.jdbc = jdbc;
        this.meters = meters;
    }

    /** The change with its next query scheduled; flagged for attention (once) when past the horizon. */
    public Applied scheduleNext(Applied applied, Instant now) {
        Withdrawal w = applied.after();
        if (w.status().isFinal()) {
            return applied;
        }
        Instant acceptedAt = acceptedAt(w);
        PollSchedule.Poll poll = schedule.next(w.status(), w.request().intoAcctDateType(), acceptedAt, now);
        Applied scheduled = applied.scheduled(NextAction.QUERY, poll.at(), w.attempts() + 1);
        return poll.overdue() ? flagged(scheduled, acceptedAt, now) : scheduled;
    }

    /**
     * For a withdrawal whose query went unanswered (the core's back-off times the retry): flagged for attention
     * (once) when past the horizon, so that even a Huifu that never answers leaves nothing silently open.
     */
    public Applied flagIfOverdue(Applied applied, Instant now) {
        Withdrawal w = applied.after();
        if (w.status().isFinal()) {
            return applied;
        }
        Instant acceptedAt = acceptedAt(w);
        return schedule.isOverdue(acceptedAt, now) ? flagged(applied, acceptedAt, now) : applied;
    }

    private Applied flagged(Applied scheduled, Instant acceptedAt, Instant now) {
        Withdrawal s = scheduled.after();
        if (s.attentionReason() != null && s.attentionReason().contains(OVERDUE)) {
            return scheduled;
        }
        String reason = s.attentionReason() == null ? OVERDUE : s.attentionReason() + "; " + OVERDUE;
        log.warn("withdrawal {} flagged for attention: {} ({})", s.withdrawalId(), OVERDUE, s.status());
        meters.counter("withdrawal.attention.raised").increment();
        Withdrawal flagged = new Withdrawal(s.withdrawalId(), s.status(), s.version(), s.request(), s.reqDate(),
                s.reqSeqId(), s.hfSeqId(), s.feeAmt(), true, reason, s.nextAction(), s.nextActionAt(), s.attempts());
        List<HistoryRow> history = new ArrayList<>(scheduled.history());
        history.add(new HistoryRow(s.withdrawalId(), null, s.status(), null, EventSource.QUERY,
                "polled past the horizon since " + acceptedAt, "OVERDUE", OVERDUE, now));
        return new Applied(scheduled.before(), flagged, scheduled.entered(), history, scheduled.events());
    }

    /** Counts a query answer by what it said (S, F, P, NOT_FOUND, UNKNOWN). */
    public void answered(String answer) {
        meters.counter("reconciliation.query.answers", "answer", answer).increment();
    }

    /** When the withdrawal entered the orchestrator: the origin of its poll schedule. */
    private Instant acceptedAt(Withdrawal w) {
        return jdbc.sql("select created_at from withdrawals where withdrawal_id = ?").param(w.withdrawalId())
                .query(Timestamp.class).optional().map(Timestamp::toInstant).orElseThrow();
    }
}
