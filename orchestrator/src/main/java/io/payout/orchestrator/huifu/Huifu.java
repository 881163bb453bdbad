package io.payout.orchestrator.huifu;

import io.payout.model.Amount;
import java.util.Map;
import java.util.Optional;

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

    /**
     * One account call (ACCOUNTS.md A2–A7), signed like the withdrawal calls. {@code data} is the request's business
     * fields as Huifu names them, serial and dates included; nested objects and lists as JSON text.
     */
    AccountAnswer account(AccountOperation operation, Map<String, Object> data);

    /**
     * POST /v2/trade/settlement/enchashment/dmamt/query (PROTOCOL.md §5.2): the account's DM quota, empty when the
     * answer is missing, unsigned or has no readable amount (a quota not known never stops a withdrawal).
     */
    Optional<Amount> dmQuota(String huifuId);
}
