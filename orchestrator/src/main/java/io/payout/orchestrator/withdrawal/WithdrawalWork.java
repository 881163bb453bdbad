package io.payout.orchestrator.withdrawal;

import io.payout.model.Amount;

import io.payout.model.WithdrawalRequested;
import io.payout.model.WithdrawalStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The one unit of work for every change of a withdrawal: lock its row, decide with the transition table and the
 * next-step policy, and write the row, its history and its outbox rows in one transaction (the caller's, when it
 * has one: intake and notifications also write their inbox in it). Huifu is never called in here.
 */
@Service
public class WithdrawalWork {

    private static final Logger log = LoggerFactory.getLogger(WithdrawalWork.class);

    /** Evidence for one withdrawal, as a batch of notifications delivers it. */
    public record Addressed(String withdrawalId, Evidence evidence) {
    }

    /**
     * Huifu's synchronous answer to a sent serial, with the fee the account's cash configuration gave when it was
     * sent ({@code expectedFee}, null when unknown).
     */
    public record SubmitAnswer(Withdrawal sent, Evidence answer, Amount expectedFee) {
    }

    private final Withdrawals withdrawals;
    private final WithdrawalSerials serials;
    private final WithdrawalHistory history;
    private final Transitions transitions;
    private final NextStep nextStep;
    private final TransactionTemplate tx;
    private final Clock clock;

    WithdrawalWork(Withdrawals withdrawals, WithdrawalSerials serials, WithdrawalHistory history,
                   Transitions transitions, NextStep nextStep, TransactionTemplate tx, Clock clock) {
        this.withdrawals = withdrawals;
        this.serials = serials;
        this.history = history;
        this.transitions = transitions;
        this.nextStep = nextStep;
        this.tx = tx;
        this.clock = clock;
    }

    /** Stores new withdrawals, REQUESTED with their first serial and their REQUESTED event; returns how many. */
    public int create(List<WithdrawalRequested> requests) {
        return create(requests, Map.of());
    }

    /** As {@link #create(List)}, with the traceparent each request arrived with, by withdrawal id. */
    public int create(List<WithdrawalRequested> requests, Map<String, String> traceParents) {
        if (requests.isEmpty()) {
            return 0;
        }
        return tx.execute(status -> {
            Instant now = clock.instant();
            List<Applied> created = new ArrayList<>(requests.size());
            for (WithdrawalRequested request : requests) {
                created.add(transitions.requested(request, SerialNumbers.next(request.huifuId(), now), now,
                        traceParents.get(request.withdrawalId())));
            }
            withdrawals.insert(created.stream().map(Applied::after).toList(), now);
            history.append(created);
            return created.size();
        });
    }

    /**
     * Applies one piece of evidence to the withdrawal as it is now. Throws {@link NoSuchElementException} for an
     * unknown id and {@link ResolveRefusedException} for an operator move the table refuses.
     */
    public Applied applyEvidence(String withdrawalId, Evidence evidence) {
        return tx.execute(status -> {
            Instant now = clock.instant();
            Applied applied = decide(lockOne(withdrawalId), evidence, null, now);
            write(List.of(applied), now);
            return applied;
        });
    }

    /**
     * Applies evidence to several withdrawals in the order given, one write per withdrawal: later evidence for a
     * withdrawal meets the state earlier evidence left.
     */
    public void applyAll(List<Addressed> batch) {
        if (batch.isEmpty()) {
            return;
        }
        tx.executeWithoutResult(status -> {
            Instant now = clock.instant();
            Set<String> ids = new HashSet<>();
            batch.forEach(a -> ids.add(a.withdrawalId()));
            Map<String, Withdrawal> current = withdrawals.lock(ids);
            Map<String, Applied> changes = new LinkedHashMap<>();
            for (Addressed a : batch) {
                Withdrawal w = current.get(a.withdrawalId());
                if (w == null) {
                    throw new NoSuchElementException("no withdrawal " + a.withdrawalId());
                }
                Applied change = decide(w, a.evidence(), null, now);
                current.put(a.withdrawalId(), change.after());
                changes.merge(a.withdrawalId(), change, Applied::then);
            }
            write(new ArrayList<>(changes.values()), now);
        });
    }

    /**
     * Applies the synchronous answer to a send, recorded on its serial. Usually nothing moved the row while Huifu
     * answered: then it is locked as the claim left it ({@code sent}), and the answer applies to that copy. A
     * notice that got there first means reading the row again under lock.
     */
    public void applySubmitAnswer(Withdrawal sent, Evidence answer) {
        applySubmitAnswer(sent, answer, null);
    }

    /**
     * As above, fixing the fee the account's cash configuration gave when it was sent ({@code expectedFee}, null
     * when unknown), so that Huifu's fee_amt is compared with it from this answer on.
     */
    public void applySubmitAnswer(Withdrawal sent, Evidence answer, Amount expectedFee) {
        applySubmitAnswers(List.of(new SubmitAnswer(sent, answer, expectedFee)));
    }

    /**
     * Applies several synchronous answers in one transaction, rows locked in id order as notifications lock them.
     * A row moved by anything meanwhile fails the whole transaction (the version check); the caller can then apply
     * the answers one by one.
     */
    public void applySubmitAnswers(List<SubmitAnswer> answers) {
        List<SubmitAnswer> inIdOrder = new ArrayList<>(answers);
        inIdOrder.sort(Comparator.comparing(a -> a.sent().withdrawalId()));
        tx.executeWithoutResult(status -> {
            Instant now = clock.instant();
            List<Applied> changes = new ArrayList<>(inIdOrder.size());
            for (SubmitAnswer a : inIdOrder) {
                Withdrawal w = a.sent();
                if (!serials.recordSubmitIfUnchanged(w, a.answer())) {
                    w = lockOne(w.withdrawalId());
                    serials.recordSubmit(a.answer());
                }
                if (a.expectedFee() != null) {
                    w = w.withExpectedFee(a.expectedFee());
                }
                changes.add(decide(w, a.answer(), null, now));
            }
            write(changes, now);
        });
    }

    /**
     * A check before the send failed (CONTRACT.md §6): the serial the claim counted was never sent, so it is
     * forgotten, and the withdrawal ends FAILED with source CHECK and {@code code}.
     */
    public void failCheck(Withdrawal claimed, String code, String reason) {
        tx.executeWithoutResult(status -> {
            Instant now = clock.instant();
            Withdrawal w = lockOne(claimed.withdrawalId());
            serials.forgetUnsent(w.serial());
            write(List.of(decide(w, Evidence.of(EvidenceKind.CHECK_FAILED, w.serial(), code, reason, null), null,
                    now)), now);
        });
    }

    /**
     * Applies a query's answer, recorded on its serial; an answer about a serial that is no longer the current one
     * (a new serial was given meanwhile) is ignored.
     */
    public void applyQueryAnswer(String withdrawalId, Evidence answer) {
        tx.executeWithoutResult(status -> {
            Instant now = clock.instant();
            Withdrawal w = lockOne(withdrawalId);
            if (!w.serial().sameSerialAs(answer.serial())) {
                return;
            }
            SerialFacts facts = serials.recordQuery(answer, now);
            write(List.of(decide(w, answer, facts, now)), now);
        });
    }

    /**
     * Clears the attention flag (an operator looked into it), with a history row; no state changes. Throws
     * {@link NotFlaggedException} when the withdrawal is not flagged.
     */
    public Applied acknowledge(String withdrawalId, String actor, String why) {
        return tx.execute(status -> {
            Instant now = clock.instant();
            Withdrawal w = lockOne(withdrawalId);
            if (!w.attention()) {
                throw new NotFlaggedException("withdrawal " + withdrawalId + " is not flagged for attention");
            }
            Applied applied = transitions.acknowledged(w, actor, why, now);
            write(List.of(applied), now);
            return applied;
        });
    }

    /** A send that came due after its serial's Beijing date passed: see {@link NextStep#staleSerial}. */
    public void renewStaleSerial(String withdrawalId) {
        tx.executeWithoutResult(status -> {
            Instant now = clock.instant();
            Withdrawal w = lockOne(withdrawalId);
            if (w.status() != WithdrawalStatus.REQUESTED || w.nextAction() != NextAction.SUBMIT
                    || NextStep.datedToday(w, now)) {
                return;
            }
            NextStep.Due due = nextStep.staleSerial(w, serials.factsOf(w.serial()), now);
            write(List.of(scheduled(Applied.rowOnly(w, w), due, now)), now);
        });
    }

    private Applied decide(Withdrawal w, Evidence evidence, SerialFacts facts, Instant now) {
        Instant heldUntil = nextStep.heldUntil(w, evidence, facts, now);
        if (heldUntil != null) {
            return Applied.rowOnly(w, w.scheduled(NextAction.QUERY, heldUntil, w.attempts()));
        }
        Applied applied = transitions.apply(w, evidence, now);
        NextStep.Due due = nextStep.after(w, applied.after().status(), applied.changesState(), evidence,
                facts, now);
        return scheduled(applied, due, now);
    }

    private Applied scheduled(Applied applied, NextStep.Due due, Instant now) {
        Withdrawal after = applied.after();
        if (due.newSerial()) {
            SerialKey fresh = SerialNumbers.next(after.request().huifuId(), now);
            log.info("withdrawal {} serial {} replaced by new serial {}", after.withdrawalId(), after.reqSeqId(),
                    fresh.reqSeqId());
            after = after.withSerial(fresh);
        }
        Applied scheduled = applied.withAfter(after.scheduled(due.action(), due.at(), due.attempts()));
        return due.overdue() ? transitions.overdue(scheduled, now) : scheduled;
    }

    private Withdrawal lockOne(String withdrawalId) {
        Withdrawal w = withdrawals.lock(Set.of(withdrawalId)).get(withdrawalId);
        if (w == null) {
            throw new NoSuchElementException("no withdrawal " + withdrawalId);
        }
        return w;
    }

    private void write(List<Applied> changes, Instant now) {
        withdrawals.update(changes, now);
        history.append(changes);
    }
}
