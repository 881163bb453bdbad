package io.payout.orchestrator.withdrawal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.payout.model.Amount;
import io.payout.model.EventSource;
import io.payout.model.Topics;
import io.payout.model.WithdrawalRequested;
import io.payout.model.WithdrawalStatus;
import io.payout.model.WithdrawalStatusChanged;
import io.payout.orchestrator.OrchestratorTopics;
import io.payout.orchestrator.outbox.OutboxMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies evidence to a withdrawal: asks {@link TransitionTable} for the path, walks it on the state machine, and
 * produces the new row, one history row per state entered (or one for evidence that changed nothing) and one
 * outcome event per state entered. It writes nothing: the caller commits all of it in one transaction.
 */
@Component
public final class Transitions {

    private static final Logger log = LoggerFactory.getLogger(Transitions.class);

    private final OrchestratorTopics topics;
    private final JsonMapper json;
    private final Counter attentionRaised;
    private final Duration followUp;

    public Transitions(OrchestratorTopics topics, JsonMapper json, MeterRegistry meters,
                       @Value("${orchestrator.submission.follow-up:30s}") Duration followUp) {
        this.topics = topics;
        this.json = json;
        this.attentionRaised = Counter.builder("withdrawal.attention.raised")
                .description("withdrawals flagged for attention (contradicting evidence, amount mismatch)")
                .register(meters);
        this.followUp = followUp;
    }

    /** How long to wait for Huifu's notices before asking again (orchestrator.submission.follow-up). */
    public Duration followUp() {
        return followUp;
    }

    /** A new withdrawal, REQUESTED with its first serial and its first submission due now. */
    public Applied requested(WithdrawalRequested request, SerialKey serial, Instant now) {
        Withdrawal created = new Withdrawal(request.withdrawalId(), WithdrawalStatus.REQUESTED, 0, request,
                serial.reqDate(), serial.reqSeqId(), null, null, false, null, NextAction.SUBMIT, now, 0);
        UUID eventId = EventIds.next(now);
        HistoryRow row = new HistoryRow(request.withdrawalId(), eventId, null, WithdrawalStatus.REQUESTED,
                EventSource.REQUEST, null, null, null, now);
        return new Applied(null, created, List.of(WithdrawalStatus.REQUESTED), List.of(row),
                List.of(event(created, eventId, null, EventSource.REQUEST, null, null, now)));
    }

    /** Applies one piece of evidence; throws {@link ResolveRefusedException} for an operator move the table refuses. */
    public Applied apply(Withdrawal current, Evidence evidence, Instant now) {
        TransitionTable.Decision decision = TransitionTable.decide(current.status(), evidence.kind());
        if (decision.refused()) {
            throw new ResolveRefusedException(decision.refusal());
        }
        WithdrawalStateMachine.walk(current.status(), decision.path());

        String attention = decision.attention();
        Amount requested = current.request().cashAmt();
        if (evidence.cashAmt() != null && !evidence.cashAmt().equals(requested)) {
            // Huifu speaks of another amount than we asked for: never silently accept it.
            attention = join(attention, "cash_amt " + evidence.cashAmt() + " differs from the request " + requested);
        }
        if (evidence.serial() != null && !evidence.serial().equals(current.serial())
                && evidence.kind() != EvidenceKind.QUERY_NOT_FOUND) {
            // An earlier serial is alive at Huifu: a second serial could move the money twice.
            attention = join(attention, "evidence for earlier serial " + evidence.serial().reqSeqId());
        }
        boolean ownSerial = evidence.serial() == null || evidence.serial().equals(current.serial());
        String hfSeqId = ownSerial && evidence.hfSeqId() != null ? evidence.hfSeqId() : current.hfSeqId();
        Amount feeAmt = ownSerial && evidence.feeAmt() != null ? evidence.feeAmt() : current.feeAmt();
        boolean flagged = current.attention() || attention != null;
        String attentionReason = attention == null ? current.attentionReason()
                : join(current.attentionReason(), attention);
        if (attention != null) {
            attentionRaised.increment();
            log.warn("withdrawal {} flagged for attention: {} ({} from {})", current.withdrawalId(), attention,
                    evidence.kind(), evidence.source());
        }

        List<HistoryRow> history = new ArrayList<>();
        List<OutboxMessage> events = new ArrayList<>();
        WithdrawalStatus status = current.status();
        Withdrawal after = current;
        for (WithdrawalStatus next : decision.path()) {
            boolean ending = next == WithdrawalStatus.FAILED || next == WithdrawalStatus.REFUNDED;
            String reasonCode = ending ? evidence.code() : null;
            String reason = ending ? evidence.text() : null;
            after = new Withdrawal(current.withdrawalId(), next, current.version(), current.request(),
                    current.reqDate(), current.reqSeqId(), hfSeqId, feeAmt, flagged, attentionReason, null, null,
                    current.attempts());
            UUID eventId = EventIds.next(now);
            history.add(new HistoryRow(current.withdrawalId(), eventId, status, next, evidence.source(),
                    evidence.raw(), reasonCode, reason, now));
            events.add(event(after, eventId, status, evidence.source(), reasonCode, reason, now));
            log.info("withdrawal {} {} -> {} ({}, {})", current.withdrawalId(), status, next, evidence.source(),
                    evidence.kind());
            status = next;
        }
        if (decision.path().isEmpty()) {
            history.add(new HistoryRow(current.withdrawalId(), null, status, null, evidence.source(), evidence.raw(),
                    evidence.code(), join(evidence.kind().name(), attention), now));
        }
        after = new Withdrawal(current.withdrawalId(), status, current.version(), current.request(),
                current.reqDate(), current.reqSeqId(), hfSeqId, feeAmt, flagged, attentionReason,
                current.nextAction(), current.nextActionAt(), current.attempts());
        if (status.isFinal()) {
            after = after.scheduled(null, null, current.attempts());
        } else if (!decision.path().isEmpty()) {
            // Accepted or debited: notifications normally finish it; a query later is the safety net for a lost one.
            after = after.scheduled(NextAction.QUERY, now.plus(followUp), 0);
        }
        return new Applied(current, after, decision.path(), history, events);
    }

    private OutboxMessage event(Withdrawal w, UUID eventId, WithdrawalStatus previous, EventSource source,
                                String reasonCode, String reason, Instant now) {
        WithdrawalRequested r = w.request();
        WithdrawalStatusChanged changed = new WithdrawalStatusChanged(eventId, w.withdrawalId(), w.status(), previous,
                r.huifuId(), r.accountKind(), r.intoAcctDateType(), r.cashAmt(), w.feeAmt(), w.reqDate(),
                w.reqSeqId(), w.hfSeqId(), reasonCode, reason, source, now);
        return new OutboxMessage(topics.outcomes(), w.withdrawalId(), json.writeValueAsString(changed),
                Map.of(Topics.HEADER_EVENT_ID, eventId.toString(), Topics.HEADER_STATUS, w.status().name()));
    }

    private static String join(String first, String second) {
        if (first == null) {
            return second;
        }
        return second == null ? first : first + "; " + second;
    }

    /** An operator asked for a move the contract does not allow (e.g. resolving a final withdrawal). */
    public static final class ResolveRefusedException extends IllegalStateException {
        ResolveRefusedException(String message) {
            super(message);
        }
    }
}
