package io.payout.orchestrator.huifu;

/**
 * What the orchestrator asks of Huifu. Implementations never throw for Huifu's answers or transport failures:
 * every call ends in an outcome, and anything not definitively known is {@code Unknown}.
 */
public interface Huifu {

    /** POST /v2/trade/settlement/encashment, signed, with the configured notify_url. */
    SubmitOutcome submit(SubmitCommand command);

    /** POST /v2/trade/settlement/query for one serial. */
    QueryOutcome query(QueryCommand command);
}
