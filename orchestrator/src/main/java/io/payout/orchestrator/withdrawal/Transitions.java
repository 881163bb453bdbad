package io.payout.orchestrator.withdrawal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.payout.model.Amount;
import io.payout.model.EventSource;
import io.payout.model.StatusChangedJson;
import io.payout.model.Topics;
import io.payout.model.WithdrawalRequested;
import io.payout.model.WithdrawalStatus;
import io.payout.model.WithdrawalStatusChanged;
import io.payout.orchestrator.OrchestratorTopics;
import io.payout.orchestrator.outbox.OutboxMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Applies evidence to a withdrawal: asks {@link TransitionTable} for the path, walks it on the state machine, and
 * produces the new row, one history row per state entered (or one for evidence that changed nothing) and one
 * outcome event per state entered. It also holds the one rule of attention: a reason is raised once, counted and
 * logged; evidence that repeats it is recorded in the history only. It writes nothing and schedules nothing: the
 * unit of work asks {@link NextStep} what is due and commits all of it in one transaction.
 */
@Component
final class Transitions {

    private static final Logger log = LoggerFactory.getLogger(Transitions.class);
    static final String OVERDUE = "no final answer from Huifu within the reconciliation horizon";
    /** The reason code of the history row an operator's acknowledgement leaves. */
    static final String ACKNOWLEDGED = "ACKNOWLEDGED";

    private final OrchestratorTopics topics;
    private final Counter attentionRaised;
    private final Counter feeMismatches;
    private final TransitionMetrics metrics;

    Transitions(OrchestratorTopics topics, MeterRegistry meters) {
        this.topics = topics;
        this.attentionRaised = Counter.builder("withdrawal.attention.raised")
                .description("withdrawals flagged for attention (contradicting evidence, amount mismatch, overdue)")
                .register(meters);
        this.feeMismatches = Counter.builder("withdrawal.fee.mismatches")
                .description("withdrawals whose Huifu fee_amt differs from the fee their cash configuration gives")
                .register(meters);
        this.metrics = new TransitionMetrics(meters);
    }

    /** A new withdrawal, REQUESTED with its first serial and its first send due now. */
    Applied requested(WithdrawalRequested request, SerialKey serial, Instant now, String traceParent) {
        Withdrawal created = Withdrawal.requested(request, serial, now, traceParent);
        metrics.entered(created, WithdrawalStatus.REQUESTED, now);
        UUID eventId = EventIds.next(now);
        HistoryRow row = new HistoryRow(request.withdrawalId(), eventId, null, WithdrawalStatus.REQUESTED,
                EventSource.REQUEST, null, null, null, now);
        return new Applied(null, created, List.of(WithdrawalStatus.REQUESTED), List.of(row),
                List.of(event(created, eventId, null, EventSource.REQUEST, null, null, now)));
    }

    /**
     * Applies one piece of evidence, leaving the next action as it was; throws {@link ResolveRefusedException} for
     * an operator move the table refuses.
     */
    Applied apply(Withdrawal current, Evidence evidence, Instant now) {
        TransitionTable.Decision decision = TransitionTable.decide(current.status(), evidence.kind());
        if (decision.refused()) {
            throw new ResolveRefusedException(decision.refusal());
        }
        WithdrawalStateMachine.walk(current.status(), decision.path());

        List<String> reasons = new ArrayList<>();
        if (decision.attention() != null) {
            reasons.add(decision.attention());
        }
        Amount requested = current.request().cashAmt();
        if (evidence.cashAmt() != null && !evidence.cashAmt().equals(requested)) {
            // Huifu speaks of another amount than we asked for: never silently accept it.
            reasons.add("cash_amt " + evidence.cashAmt() + " differs from the request " + requested);
        }
        boolean ownSerial = evidence.serial() == null || evidence.serial().sameSerialAs(current.serial());
        if (!ownSerial && evidence.kind() != EvidenceKind.QUERY_NOT_FOUND) {
            // An earlier serial is alive at Huifu: a second serial could move the money twice.
            reasons.add("evidence for earlier serial " + evidence.serial().reqSeqId());
        }
        Withdrawal after = current;
        if (ownSerial) {
            after = after.withHuifuFacts(evidence.hfSeqId() != null ? evidence.hfSeqId() : current.hfSeqId(),
                    evidence.feeAmt() != null ? evidence.feeAmt() : current.feeAmt());
            if (evidence.feeAmt() != null && current.expectedFeeAmt() != null
                    && evidence.feeAmt().compareTo(current.expectedFeeAmt()) != 0) {
                // Huifu charges otherwise than the account's configuration says: finance must look (CONTRACT.md §6).
                reasons.add(Withdrawal.FEE_MISMATCH + ": fee_amt " + evidence.feeAmt() + ", expected "
                        + current.expectedFeeAmt());
            }
        }
        for (String reason : reasons) {
            after = raise(after, reason, evidence.kind().name() + " from " + evidence.source());
        }

        List<HistoryRow> history = new ArrayList<>();
        List<OutboxMessage> events = new ArrayList<>();
        WithdrawalStatus status = current.status();
        for (WithdrawalStatus next : decision.path()) {
            boolean ending = next == WithdrawalStatus.FAILED || next == WithdrawalStatus.REFUNDED;
            String reasonCode = ending ? evidence.code() : null;
            String reason = ending ? evidence.text() : null;
            after = after.entered(next);
            UUID eventId = EventIds.next(now);
            history.add(new HistoryRow(current.withdrawalId(), eventId, status, next, evidence.source(),
                    evidence.raw(), reasonCode, reason, now));
            events.add(event(after, eventId, status, evidence.source(), reasonCode, reason, now));
            log.info("withdrawal {} {} -> {} ({}, {})", current.withdrawalId(), status, next, evidence.source(),
                    evidence.kind());
            metrics.entered(after, next, now);
            status = next;
        }
        if (decision.path().isEmpty()) {
            reasons.add(0, evidence.kind().name());
            history.add(new HistoryRow(current.withdrawalId(), null, status, null, evidence.source(), evidence.raw(),
                    evidence.code(), String.join("; ", reasons), now));
        }
        return new Applied(current, after, decision.path(), history, events);
    }

    /** The change, with the withdrawal flagged as overdue (once) and a history row saying since when it was polled. */
    Applied overdue(Applied applied, Instant now) {
        Withdrawal w = applied.after();
        if (w.flaggedFor(OVERDUE)) {
            return applied;
        }
        return applied.recording(raise(w, OVERDUE, w.status().name()), new HistoryRow(w.withdrawalId(), null,
                w.status(), null, EventSource.QUERY, "polled past the horizon since " + w.acceptedAt(), "OVERDUE",
                OVERDUE, now));
    }

    /**
     * An operator's acknowledgement of the attention flag (CONTRACT.md §4): the flag cleared, a history row saying
     * who and why, no state change and no outcome event.
     */
    Applied acknowledged(Withdrawal w, String actor, String why, Instant now) {
        Withdrawal after = w.acknowledged();
        log.info("withdrawal {} attention acknowledged by operator {}", w.withdrawalId(), actor);
        return Applied.rowOnly(w, after).recording(after, new HistoryRow(w.withdrawalId(), null, w.status(), null,
                EventSource.OPERATOR, "acknowledged by " + actor + ": " + why, ACKNOWLEDGED,
                "attention acknowledged by " + actor + ": " + why + " (was: " + w.attentionReason() + ")", now));
    }

    /** The one attention rule: a reason already given is not raised, counted or logged again. */
    private Withdrawal raise(Withdrawal w, String reason, String because) {
        if (w.flaggedFor(reason)) {
            return w;
        }
        attentionRaised.increment();
        if (reason.startsWith(Withdrawal.FEE_MISMATCH)) {
            feeMismatches.increment();
        }
        log.warn("withdrawal {} flagged for attention: {} ({})", w.withdrawalId(), reason, because);
        return w.flagged(reason);
    }

    private OutboxMessage event(Withdrawal w, UUID eventId, WithdrawalStatus previous, EventSource source,
                                String reasonCode, String reason, Instant now) {
        WithdrawalRequested r = w.request();
        // A withdrawal failed by a check never had its serial sent: the event names none (CONTRACT.md §6).
        boolean sent = source != EventSource.CHECK;
        WithdrawalStatusChanged changed = new WithdrawalStatusChanged(eventId, w.withdrawalId(), w.status(), previous,
                r.huifuId(), r.accountKind(), r.intoAcctDateType(), r.cashAmt(), w.feeAmt(), w.expectedFeeAmt(),
                sent ? w.reqDate() : null, sent ? w.reqSeqId() : null, w.hfSeqId(), reasonCode, reason, source, now);
        Map<String, String> headers = w.traceParent() == null
                ? Map.of(Topics.HEADER_EVENT_ID, eventId.toString(), Topics.HEADER_STATUS, w.status().name())
                : Map.of(Topics.HEADER_EVENT_ID, eventId.toString(), Topics.HEADER_STATUS, w.status().name(),
                        Topics.HEADER_TRACEPARENT, w.traceParent());
        return new OutboxMessage(topics.outcomes(), w.withdrawalId(), StatusChangedJson.write(changed), headers);
    }
}
