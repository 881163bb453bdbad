package io.payout.orchestrator.huifu;

import io.payout.model.Amount;

/** Huifu's answer to a query for one serial, classified. */
public sealed interface QueryOutcome {

    /** Huifu knows the serial; trans_status S (paid), F (failed) or P (processing). Amounts when given. */
    record Found(TransStatus transStatus, String hfSeqId, Amount cashAmt, Amount feeAmt, String respCode,
                 String transDesc) implements QueryOutcome {
    }

    /** Huifu answered definitively that it has no such serial. */
    record NotFound(String respCode, String respDesc) implements QueryOutcome {
    }

    /** The query itself failed or its answer could not be trusted; ask again later. */
    record Unknown(String reason, String respCode, boolean rateLimited) implements QueryOutcome {
    }
}
