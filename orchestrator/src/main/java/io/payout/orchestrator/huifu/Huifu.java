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

    /**
     * POST /v2/trade/check/filequery: the withdrawal statement ({@code bill_type} WITHDRAWAL_BILL) of one account for
     * {@code fileDate} (yyyyMMdd, the trade date + 1).
     */
    StatementListing statementFiles(String huifuId, String fileDate);

    /** POST /v2/trade/check/replay: asks Huifu to generate a failed statement again; true when Huifu accepted. */
    boolean replayStatement(String huifuId, String fileDate);
}
