package io.payout.sandbox.lifecycle;

import io.payout.sandbox.ledger.Ledger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Rebuilds the withdrawals from their journaled facts, in journal order, moving the ledger's money exactly as each
 * step first moved it (hold, debit, then pay or book back), and journaling nothing. {@link #resume()} then hands
 * every withdrawal to the lifecycle, which restarts the steps still to come. Used once, at start, before any request.
 */
public final class WithdrawalReplay {

    private final Lifecycle lifecycle;
    private final Ledger ledger;
    private final Withdrawals withdrawals;
    private final List<Withdrawal> restored = new ArrayList<>();

    WithdrawalReplay(Lifecycle lifecycle, Ledger ledger, Withdrawals withdrawals) {
        this.lifecycle = lifecycle;
        this.ledger = ledger;
        this.withdrawals = withdrawals;
    }

    public void apply(WithdrawalFact fact) {
        if (fact instanceof WithdrawalFact.SerialClaimed claimed) {
            withdrawals.restoreClaim(claimed.key());
        } else if (fact instanceof WithdrawalFact.Accepted accepted) {
            ledger.restoreHold(accepted.hold());
            add(Withdrawal.accepted(accepted.sequence(), accepted.request(), accepted.hfSeqId(), accepted.hold(),
                    accepted.at()));
        } else if (fact instanceof WithdrawalFact.Refused refused) {
            add(Withdrawal.refused(refused.sequence(), refused.request(), refused.hfSeqId(), refused.fee(),
                    refused.respCode(), refused.respDesc(), refused.at()));
        } else if (fact instanceof WithdrawalFact.Debited debited) {
            Withdrawal w = in(debited.hfSeqId(), Withdrawal.Stage.ACCEPTED);
            ledger.debit(w.hold);
            w.debited(debited.at() != null ? debited.at() : w.acceptedAt);
        } else if (fact instanceof WithdrawalFact.Paid paid) {
            Withdrawal w = in(paid.hfSeqId(), Withdrawal.Stage.DEBITED);
            ledger.pay(w.hold);
            w.paid(paid.at());
        } else if (fact instanceof WithdrawalFact.BookedBack bookedBack) {
            Withdrawal w = in(bookedBack.hfSeqId(), Withdrawal.Stage.DEBITED);
            ledger.bookBack(w.hold);
            w.bookedBack(bookedBack.at());
        } else if (fact instanceof WithdrawalFact.FeeMisreported misreported) {
            withdrawals.byHfSeqId(misreported.hfSeqId()).misreportFee(misreported.fee());
        } else if (fact instanceof WithdrawalFact.ResultNoticed noticed) {
            withdrawals.byHfSeqId(noticed.hfSeqId()).resultNoticed();
        } else {
            throw new IllegalArgumentException("not a withdrawal fact: " + fact);
        }
    }

    /** Resumes the lifecycle of every restored withdrawal, oldest first; returns how many are still under way. */
    public int resume() {
        restored.sort(Comparator.comparingLong(w -> w.sequence));
        restored.forEach(lifecycle::resume);
        return (int) restored.stream().filter(w -> !w.isFinal()).count();
    }

    private void add(Withdrawal w) {
        withdrawals.restoreClaim(w.request.key());
        withdrawals.add(w);
        lifecycle.restoreSequence(w.sequence);
        restored.add(w);
    }

    /** A stage fact applies once, to a withdrawal in the stage before it: anything else means a corrupt journal. */
    private Withdrawal in(String hfSeqId, Withdrawal.Stage expected) {
        Withdrawal w = withdrawals.byHfSeqId(hfSeqId);
        if (w.stage != expected) {
            throw new IllegalStateException("hf_seq_id " + hfSeqId + " is " + w.stage + ", not " + expected);
        }
        return w;
    }
}
