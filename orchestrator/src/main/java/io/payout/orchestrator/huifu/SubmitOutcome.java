package io.payout.orchestrator.huifu;

/** Huifu's synchronous answer to a submission, classified. */
public sealed interface SubmitOutcome {

    /** Accepted: trans_stat P (processing) or S (done). The withdrawal is PROCESSING at least. */
    record Accepted(TransStatus transStat, String hfSeqId, String respCode, String respDesc) implements SubmitOutcome {
    }

    /** A definitive refusal: Huifu will not move money for this serial. The withdrawal becomes FAILED. */
    record Refused(String respCode, String respDesc) implements SubmitOutcome {
    }

    /**
     * The outcome is not known (timeout, I/O error, 5xx, rate limit, duplicate serial, system error, an answer
     * whose signature does not verify). Never a failure: query before anything else.
     * {@code rateLimited} asks the caller to slow down.
     */
    record Unknown(String reason, String respCode, boolean rateLimited) implements SubmitOutcome {
    }
}
