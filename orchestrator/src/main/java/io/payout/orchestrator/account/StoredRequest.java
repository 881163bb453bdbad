package io.payout.orchestrator.account;

import io.payout.model.AccountKind;
import io.payout.model.account.AccountAction;
import java.time.Instant;

/** An account request as stored: what it asked, and the keyed hash of its content instead of the content. */
record StoredRequest(String accountRequestId, AccountAction action, AccountKind accountKind, String huifuId,
                     byte[] contentHmac, Instant requestedAt, Instant receivedAt) {
}
