package io.payout.orchestrator.submission;

import io.micrometer.core.instrument.MeterRegistry;
import io.payout.model.WithdrawalRequested;
import io.payout.model.WithdrawalStatus;
import io.payout.orchestrator.account.CheckFailure;
import io.payout.orchestrator.account.PreSendChecks;
import io.payout.orchestrator.huifu.Huifu;
import io.payout.orchestrator.huifu.HuifuEvidence;
import io.payout.orchestrator.huifu.QueryCommand;
import io.payout.orchestrator.huifu.QueryOutcome;
import io.payout.orchestrator.huifu.SubmitCommand;
import io.payout.orchestrator.huifu.SubmitOutcome;
import io.payout.orchestrator.tracing.Traces;
import io.payout.orchestrator.withdrawal.DueWork;
import io.payout.orchestrator.withdrawal.Evidence;
import io.payout.orchestrator.withdrawal.NextAction;
import io.payout.orchestrator.withdrawal.SerialKey;
import io.payout.orchestrator.withdrawal.Withdrawal;
import io.payout.orchestrator.withdrawal.WithdrawalWork;
import io.payout.orchestrator.withdrawal.Withdrawals;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Service;

/**
 * One step of one withdrawal: send its serial or query it, then hand Huifu's answer to the unit of work. Huifu is
 * never called inside a database transaction; the unit of work re-reads the row under lock before the answer is
 * applied, because a notification may have moved it meanwhile.
 */
@Service
@ConditionalOnProperty(name = "orchestrator.submission.enabled", havingValue = "true", matchIfMissing = true)
public class Submissions {

    private static final Logger log = LoggerFactory.getLogger(Submissions.class);

    private final Withdrawals withdrawals;
    private final WithdrawalWork work;
    private final Huifu huifu;
    private final MeterRegistry meters;
    private final Traces traces;
    private final PreSendChecks checks;
    private final SubmitAnswerGroups answers;

    Submissions(Withdrawals withdrawals, WithdrawalWork work, Huifu huifu, MeterRegistry meters, Traces traces,
                ObjectProvider<PreSendChecks> checks) {
        this.checks = checks.getIfAvailable();
        this.withdrawals = withdrawals;
        this.work = work;
        this.answers = new SubmitAnswerGroups(work);
        this.huifu = huifu;
        this.meters = meters;
        this.traces = traces;
        for (String answer : List.of("S", "F", "P", "NOT_FOUND", "UNKNOWN")) {
            meters.counter("reconciliation.query.answers", "answer", answer);
        }
    }

    /** One step of a withdrawal as the workers' claim wrote it (a notification may have moved it since). */
    void process(DueWork.Claimed claimed) {
        Withdrawal w = claimed.row();
        if (claimed.sending()) {
            send(w);
        } else if (w.nextAction() == NextAction.SUBMIT && w.status() == WithdrawalStatus.REQUESTED) {
            // Due to be sent, but its serial's req_date is not today's, so the claim did not mark it sending.
            work.renewStaleSerial(w.withdrawalId());
        } else if (w.nextAction() == NextAction.QUERY) {
            queryAndApply(w, null);
        }
    }

    /**
     * Sends the serial the claim counted, then applies the synchronous answer; unless a check before the send fails
     * (CONTRACT.md §6), which ends the withdrawal with the serial never sent.
     */
    private void send(Withdrawal sending) {
        WithdrawalRequested r = sending.request();
        PreSendChecks.Verdict verdict = check(sending);
        if (verdict.failure().isPresent()) {
            CheckFailure failure = verdict.failure().get();
            log.info("withdrawal {} not sent: check {} failed", sending.withdrawalId(), failure);
            work.failCheck(sending, failure.name(), failure.reason());
            return;
        }
        SubmitCommand command = new SubmitCommand(r.huifuId(), sending.reqDate(), sending.reqSeqId(), r.cashAmt(),
                r.intoAcctDateType(), r.tokenNo(), r.acctId(), r.remark());
        SubmitOutcome outcome = traces.within(traces.childOf(sending.traceParent(), "huifu submit"),
                () -> huifu.submit(command));
        if (outcome instanceof SubmitOutcome.Unknown u) {
            log.info("withdrawal {} submission outcome unknown ({}); it is queried before anything else",
                    sending.withdrawalId(), u.reason());
        }
        answers.apply(new WithdrawalWork.SubmitAnswer(sending, HuifuEvidence.ofSubmit(outcome, sending.serial()),
                verdict.expectedFee()));
    }

    /** The checks' verdict; a check that cannot be made passes: what is not known is not a failure. */
    private PreSendChecks.Verdict check(Withdrawal sending) {
        if (checks == null) {
            return PreSendChecks.Verdict.PASS;
        }
        WithdrawalRequested r = sending.request();
        try {
            return checks.before(r.huifuId(), r.accountKind(), r.tokenNo(), r.intoAcctDateType(), r.cashAmt(),
                    sending.reqDate());
        } catch (RuntimeException e) {
            log.warn("withdrawal {} checks could not be made ({}); sent unchecked", sending.withdrawalId(),
                    e.toString());
            return PreSendChecks.Verdict.PASS;
        }
    }

    /**
     * Operations' "reconcile now": queries the current serial whatever is scheduled (final withdrawals too, whose
     * answer is recorded and any contradiction flagged) and applies the answer like any other query answer.
     */
    public Optional<QueryOutcome> queryNow(String withdrawalId) {
        return withdrawals.find(withdrawalId).map(w -> queryAndApply(w, null));
    }

    /** As {@link #queryNow(String)}, for a named person: the answer's history row says who asked. */
    public Optional<QueryOutcome> queryNow(String withdrawalId, String askedBy) {
        return withdrawals.find(withdrawalId).map(w -> queryAndApply(w, askedBy));
    }

    private QueryOutcome queryAndApply(Withdrawal w, String askedBy) {
        SerialKey serial = w.serial();
        QueryCommand command = new QueryCommand(serial.huifuId(), serial.reqDate(), serial.reqSeqId());
        QueryOutcome outcome = traces.within(traces.childOf(w.traceParent(), "huifu query"),
                () -> huifu.query(command));
        meters.counter("reconciliation.query.answers", "answer", answerTag(outcome)).increment();
        if (outcome instanceof QueryOutcome.Unknown u) {
            log.info("withdrawal {} query outcome unknown ({}); asking again later", w.withdrawalId(), u.reason());
        }
        Evidence answer = HuifuEvidence.ofQuery(outcome, serial);
        if (askedBy != null) {
            answer = new Evidence(answer.kind(), answer.serial(), answer.code(), answer.text(), answer.hfSeqId(),
                    answer.cashAmt(), answer.feeAmt(), answer.raw() + " (asked by " + askedBy + ")",
                    answer.slowDown());
        }
        work.applyQueryAnswer(w.withdrawalId(), answer);
        return outcome;
    }

    /** A query answer by what it said (S, F, P, NOT_FOUND, UNKNOWN), as the answers metric counts it. */
    private static String answerTag(QueryOutcome outcome) {
        if (outcome instanceof QueryOutcome.Found f) {
            return f.transStatus().code();
        }
        return outcome instanceof QueryOutcome.NotFound ? "NOT_FOUND" : "UNKNOWN";
    }
}
