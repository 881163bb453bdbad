package io.payout.orchestrator.submission;

import io.payout.orchestrator.huifu.Huifu;
import io.payout.orchestrator.huifu.QueryCommand;
import io.payout.orchestrator.huifu.QueryOutcome;
import io.payout.orchestrator.huifu.SubmitCommand;
import io.payout.orchestrator.huifu.SubmitOutcome;
import io.payout.model.WithdrawalRequested;
import io.payout.model.WithdrawalStatus;
import io.payout.orchestrator.reconciliation.Polls;
import io.payout.orchestrator.withdrawal.Applied;
import io.payout.orchestrator.withdrawal.Evidence;
import io.payout.orchestrator.withdrawal.EvidenceKind;
import io.payout.orchestrator.withdrawal.NextAction;
import io.payout.orchestrator.withdrawal.SerialKey;
import io.payout.orchestrator.withdrawal.SerialNumbers;
import io.payout.orchestrator.withdrawal.Transitions;
import io.payout.orchestrator.withdrawal.Withdrawal;
import io.payout.orchestrator.withdrawal.Withdrawals;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * One step of one withdrawal: send its serial or query it, then apply Huifu's answer. Huifu is never called inside
 * a database transaction; the row is re-read under lock before the answer is applied, because a notification may
 * have moved it meanwhile.
 */
@Service
@ConditionalOnProperty(name = "orchestrator.submission.enabled", havingValue = "true", matchIfMissing = true)
public class Submissions {

    private static final Logger log = LoggerFactory.getLogger(Submissions.class);

    private final Withdrawals withdrawals;
    private final Transitions transitions;
    private final Huifu huifu;
    private final TransactionTemplate tx;
    private final SubmissionProperties props;
    private final Clock clock;
    private final Polls polls;

    public Submissions(Withdrawals withdrawals, Transitions transitions, Huifu huifu, TransactionTemplate tx,
                       SubmissionProperties props, Clock clock, Polls polls) {
        this.polls = polls;
        this.withdrawals = withdrawals;
        this.transitions = transitions;
        this.huifu = huifu;
        this.tx = tx;
        this.props = props;
        this.clock = clock;
    }

    /** One step of a withdrawal as the workers' claim wrote it (a notification may have moved it since). */
    public void process(Withdrawals.Claimed claimed) {
        Withdrawal w = claimed.row();
        if (claimed.sending()) {
            send(w);
        } else if (w.nextAction() == NextAction.SUBMIT && w.status() == WithdrawalStatus.REQUESTED) {
            tx.executeWithoutResult(status -> renewSerialOfAnotherDay(w.withdrawalId(), clock.instant()));
        } else if (w.nextAction() == NextAction.QUERY) {
            queryAndApply(w);
        }
    }

    /** Sends the serial the claim counted, then applies the synchronous answer. */
    private void send(Withdrawal sending) {
        WithdrawalRequested r = sending.request();
        SubmitOutcome outcome = huifu.submit(new SubmitCommand(r.huifuId(), sending.reqDate(), sending.reqSeqId(),
                r.cashAmt(), r.intoAcctDateType(), r.tokenNo(), r.acctId(), r.remark()));
        tx.executeWithoutResult(status -> applySubmit(sending, outcome));
    }

    /**
     * Due to be sent, but its serial's req_date is not today's (it waited past midnight, Beijing time), so the claim
     * did not mark it sending: Huifu refuses a req_date that is not today, and a refusal would read as FAILED.
     */
    private void renewSerialOfAnotherDay(String withdrawalId, Instant now) {
        Withdrawal w = withdrawals.lock(Set.of(withdrawalId)).get(withdrawalId);
        if (w == null || w.status() != WithdrawalStatus.REQUESTED || w.nextAction() != NextAction.SUBMIT
                || SerialNumbers.reqDate(now).equals(w.reqDate())) {
            return;
        }
        if (currentSerial(w).sentCount() > 0) {
            // Huifu may have it: ask instead of sending again
            withdrawals.reschedule(w, NextAction.QUERY, now, now);
            return;
        }
        // Never sent: Huifu cannot have it, so giving it today's date moves no money twice. The next claim sends it.
        SerialKey fresh = SerialNumbers.next(w.request().huifuId(), now);
        withdrawals.update(List.of(new Applied(w, w.withSerial(fresh.reqDate(), fresh.reqSeqId()), List.of(),
                List.of(), List.of()).scheduled(NextAction.SUBMIT, now, w.attempts())), now);
    }

    private void applySubmit(Withdrawal sent, SubmitOutcome outcome) {
        Instant now = clock.instant();
        String withdrawalId = sent.withdrawalId();
        SerialKey serial = sent.serial();
        Evidence evidence = evidenceOf(outcome, serial);
        String result = outcome.getClass().getSimpleName().toUpperCase();
        // Usually nothing moved the row while Huifu answered: then it is locked as the send left it, and the answer
        // is applied to that copy. A notice that got there first means reading the row again under lock.
        Withdrawal w = sent;
        if (!withdrawals.recordSubmitIfUnchanged(sent, result, evidence.code(), evidence.text())) {
            w = withdrawals.lock(Set.of(withdrawalId)).get(withdrawalId);
            withdrawals.recordSubmit(serial, result, evidence.code(), evidence.text());
        }
        Applied applied = transitions.apply(w, evidence, now);
        if (outcome instanceof SubmitOutcome.Unknown u && !applied.after().status().isFinal()
                && applied.after().status() == WithdrawalStatus.REQUESTED) {
            // Unknown is never FAILED: query first, backing off (more when Huifu asks us to slow down).
            int attempt = w.attempts() + (u.rateLimited() ? 3 : 0);
            applied = applied.scheduled(NextAction.QUERY, now.plus(delay(attempt)), w.attempts() + 1);
            log.info("withdrawal {} submission outcome unknown ({}); query scheduled", withdrawalId, u.reason());
        }
        withdrawals.update(List.of(applied), now);
    }

    /** What the synchronous answer proves; each case of the sealed outcome has its kind. */
    private static Evidence evidenceOf(SubmitOutcome outcome, SerialKey serial) {
        if (outcome instanceof SubmitOutcome.Accepted a) {
            return new Evidence("S".equals(a.transStat()) ? EvidenceKind.SYNC_SUCCESS : EvidenceKind.SYNC_PROCESSING,
                    serial, a.respCode(), a.respDesc(), a.hfSeqId(), null, null,
                    "trans_stat=" + a.transStat() + " resp_code=" + a.respCode());
        }
        if (outcome instanceof SubmitOutcome.Refused f) {
            return Evidence.of(EvidenceKind.SYNC_REFUSED, serial, f.respCode(), f.respDesc(),
                    "resp_code=" + f.respCode() + " resp_desc=" + f.respDesc());
        }
        SubmitOutcome.Unknown u = (SubmitOutcome.Unknown) outcome;
        return Evidence.of(EvidenceKind.SYNC_UNKNOWN, serial, u.respCode(), u.reason(),
                "unknown: " + u.reason() + (u.respCode() == null ? "" : " resp_code=" + u.respCode()));
    }

    /**
     * Operations' "reconcile now": queries the current serial whatever is scheduled (final withdrawals too, whose
     * answer is recorded and any contradiction flagged) and applies the answer like any other query answer.
     */
    public Optional<QueryOutcome> queryNow(String withdrawalId) {
        return withdrawals.find(withdrawalId).map(this::queryAndApply);
    }

    private QueryOutcome queryAndApply(Withdrawal w) {
        SerialKey serial = w.serial();
        QueryOutcome outcome = huifu.query(new QueryCommand(serial.huifuId(), serial.reqDate(), serial.reqSeqId()));
        polls.answered(outcome instanceof QueryOutcome.Found f ? f.transStatus()
                : outcome instanceof QueryOutcome.NotFound ? "NOT_FOUND" : "UNKNOWN");
        tx.executeWithoutResult(status -> applyQuery(w.withdrawalId(), serial, outcome));
        return outcome;
    }

    private void applyQuery(String withdrawalId, SerialKey serial, QueryOutcome outcome) {
        Instant now = clock.instant();
        Withdrawal w = withdrawals.lock(Set.of(withdrawalId)).get(withdrawalId);
        if (!w.serial().equals(serial)) {
            return;
        }
        if (outcome instanceof QueryOutcome.Found f) {
            boolean failedBeforeDebit = "F".equals(f.transStatus()) && !w.status().isFinal()
                    && w.status() != WithdrawalStatus.ACCOUNTED;
            Instant confirmedAt = failedBeforeDebit ? failedConfirmedAt(w, now) : now;
            if (confirmedAt.isAfter(now)) {
                // Before a debit was seen, query F cannot tell a failed debit or refusal (FAILED) from a payout
                // booked back (REFUNDED); the 02/01 notices can and are usually on their way, but an acknowledged
                // notice may still wait in Kafka behind a broker restart or a rebalance. Ask again once
                // failed-confirmation has passed since the first F before concluding, or a refund would be reported
                // as a failure.
                withdrawals.recordQuery(serial, "FOUND_F", now);
                withdrawals.reschedule(w, NextAction.QUERY, confirmedAt, now);
                return;
            }
            withdrawals.recordQuery(serial, "F".equals(f.transStatus()) ? "FOUND_F" : "FOUND", now);
            EvidenceKind kind = "S".equals(f.transStatus()) ? EvidenceKind.QUERY_SUCCESS
                    : "F".equals(f.transStatus()) ? EvidenceKind.QUERY_FAILED : EvidenceKind.QUERY_PROCESSING;
            Evidence evidence = new Evidence(kind, serial, f.respCode(), f.transDesc(), f.hfSeqId(), f.cashAmt(),
                    f.feeAmt(), "query trans_status=" + f.transStatus() + " resp_code=" + f.respCode());
            // still open: the poll schedule (by state, cash type and age) says when to ask again
            withdrawals.update(List.of(polls.scheduleNext(transitions.apply(w, evidence, now), now)), now);
        } else if (outcome instanceof QueryOutcome.NotFound n) {
            withdrawals.recordQuery(serial, "NOT_FOUND", now);
            Applied applied = transitions.apply(w, Evidence.of(EvidenceKind.QUERY_NOT_FOUND, serial, n.respCode(),
                    n.respDesc(), "query not found resp_code=" + n.respCode()), now);
            withdrawals.update(List.of(afterNotFound(w, applied, now)), now);
        } else {
            QueryOutcome.Unknown u = (QueryOutcome.Unknown) outcome;
            log.info("withdrawal {} query outcome unknown ({}); asking again later", withdrawalId, u.reason());
            withdrawals.recordQuery(serial, "UNKNOWN", now);
            int attempt = w.attempts() + (u.rateLimited() ? 3 : 0);
            Applied waiting = new Applied(w, w, List.of(), List.of(), List.of())
                    .scheduled(NextAction.QUERY, now.plus(delay(attempt)), w.attempts());
            withdrawals.update(List.of(polls.flagIfOverdue(waiting, now)), now);
        }
    }

    /**
     * Huifu has no such serial. Re-sending the same serial is safe while its req_date is today (Huifu answers
     * 20000000 if it has it after all). A new serial only after two not-found answers minutes apart, so that a
     * request still in flight at Huifu is never doubled by a second serial.
     */
    private Applied afterNotFound(Withdrawal w, Applied applied, Instant now) {
        if (applied.after().status().isFinal()) {
            // recorded (and flagged by the table); a final withdrawal is never polled again
            return applied;
        }
        if (applied.after().status() != WithdrawalStatus.REQUESTED) {
            return applied.scheduled(NextAction.QUERY, now.plus(delay(w.attempts())), w.attempts() + 1);
        }
        if (SerialNumbers.reqDate(now).equals(w.reqDate())) {
            return applied.scheduled(NextAction.SUBMIT, now, w.attempts() + 1);
        }
        Withdrawals.Serial current = currentSerial(w);
        boolean twiceApart = current.notFoundCount() >= 2 && current.firstNotFoundAt() != null
                && !current.firstNotFoundAt().plus(props.notFoundSpacing()).isAfter(now);
        if (twiceApart) {
            SerialKey fresh = SerialNumbers.next(w.request().huifuId(), now);
            log.info("withdrawal {} serial {} not found twice; new serial {}", w.withdrawalId(), w.reqSeqId(),
                    fresh.reqSeqId());
            Withdrawal renewed = applied.after().withSerial(fresh.reqDate(), fresh.reqSeqId());
            return new Applied(applied.before(), renewed, applied.entered(), applied.history(), applied.events())
                    .scheduled(NextAction.SUBMIT, now, 0);
        }
        return applied.scheduled(NextAction.QUERY, now.plus(props.notFoundSpacing()), w.attempts() + 1);
    }

    /** When a query F of the current serial may be taken as FAILED: failed-confirmation after its first F. */
    private Instant failedConfirmedAt(Withdrawal w, Instant now) {
        Instant firstFailed = currentSerial(w).firstFailedAt();
        return (firstFailed == null ? now : firstFailed).plus(props.failedConfirmation());
    }

    private Withdrawals.Serial currentSerial(Withdrawal w) {
        return withdrawals.serialsOf(w.withdrawalId()).stream()
                .filter(s -> s.key().equals(w.serial())).findFirst()
                .orElseThrow(() -> new IllegalStateException("withdrawal " + w.withdrawalId() + " lacks its current serial"));
    }

    private Duration delay(int attempt) {
        return Backoff.delay(props.retryBase(), props.retryMax(), attempt);
    }
}
