package io.payout.orchestrator.ops;

import io.payout.orchestrator.withdrawal.Applied;
import io.payout.orchestrator.withdrawal.Evidence;
import io.payout.orchestrator.withdrawal.EvidenceKind;
import io.payout.orchestrator.withdrawal.WithdrawalWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * An operator's resolve, applied as evidence with source OPERATOR through the transition table (which refuses
 * final withdrawals and ACCOUNTED to FAILED), with its history row and outcome events in one transaction.
 */
@Service
public class Resolutions {

    static final String REASON_CODE = "OPERATOR_RESOLVED";
    private static final Logger log = LoggerFactory.getLogger(Resolutions.class);

    private final WithdrawalWork work;

    Resolutions(WithdrawalWork work) {
        this.work = work;
    }

    public void resolve(String withdrawalId, Resolution resolution) {
        EvidenceKind kind = switch (resolution.target()) {
            case SUCCEEDED -> EvidenceKind.RESOLVE_SUCCEEDED;
            case REFUNDED -> EvidenceKind.RESOLVE_REFUNDED;
            case FAILED -> EvidenceKind.RESOLVE_FAILED;
            case REQUESTED, PROCESSING, ACCOUNTED -> throw new IllegalStateException("not a final state");
        };
        String who = resolution.actor() + ": " + resolution.reason();
        Applied applied = work.applyEvidence(withdrawalId, Evidence.of(kind, null, REASON_CODE, who,
                "resolved to " + resolution.target() + " by " + who));
        log.info("withdrawal {} resolved {} -> {} by operator {}", withdrawalId, applied.before().status(),
                applied.after().status(), resolution.actor());
    }
}
