package io.payout.orchestrator.ops;

import io.payout.model.WithdrawalStatus;
import io.payout.orchestrator.withdrawal.Applied;
import io.payout.orchestrator.withdrawal.Evidence;
import io.payout.orchestrator.withdrawal.EvidenceKind;
import io.payout.orchestrator.withdrawal.Transitions;
import io.payout.orchestrator.withdrawal.Withdrawal;
import io.payout.orchestrator.withdrawal.Withdrawals;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * An operator's resolve, applied as evidence with source OPERATOR through the transition table (which refuses
 * final withdrawals and ACCOUNTED to FAILED), with its history row and outcome events in one transaction.
 */
@Service
class Resolutions {

    static final String REASON_CODE = "OPERATOR_RESOLVED";
    private static final Logger log = LoggerFactory.getLogger(Resolutions.class);

    private final Withdrawals withdrawals;
    private final Transitions transitions;
    private final TransactionTemplate tx;
    private final Clock clock;

    Resolutions(Withdrawals withdrawals, Transitions transitions, TransactionTemplate tx, Clock clock) {
        this.withdrawals = withdrawals;
        this.transitions = transitions;
        this.tx = tx;
        this.clock = clock;
    }

    void resolve(String withdrawalId, Resolution resolution) {
        EvidenceKind kind = switch (resolution.target()) {
            case SUCCEEDED -> EvidenceKind.RESOLVE_SUCCEEDED;
            case REFUNDED -> EvidenceKind.RESOLVE_REFUNDED;
            case FAILED -> EvidenceKind.RESOLVE_FAILED;
            case REQUESTED, PROCESSING, ACCOUNTED -> throw new IllegalStateException("not a final state");
        };
        tx.executeWithoutResult(status -> {
            Instant now = clock.instant();
            Withdrawal w = withdrawals.lock(Set.of(withdrawalId)).get(withdrawalId);
            if (w == null) {
                throw new NoSuchElementException("no withdrawal " + withdrawalId);
            }
            String who = resolution.actor() + ": " + resolution.reason();
            Evidence evidence = Evidence.of(kind, null, REASON_CODE, who,
                    "resolved to " + resolution.target() + " by " + who);
            Applied applied = transitions.apply(w, evidence, now);
            withdrawals.update(List.of(applied), now);
            log.info("withdrawal {} resolved {} -> {} by operator {}", withdrawalId, w.status(),
                    applied.after().status(), resolution.actor());
        });
    }
}
