package io.payout.orchestrator.account;

import io.payout.model.AccountKind;
import io.payout.model.account.AccountAction;
import java.time.Instant;

/**
 * An account request on its way through Huifu (table {@code account_applications}).
 *
 * @param reqSeqId the serial of the change sent (or about to be): kept across resends after a lookup found nothing
 * @param sent     whether that serial may have reached Huifu
 * @param sealed   the request sealed, null once the application is final
 * @param leaseUntil the lease of the claim this row was read under, null when unclaimed: it fences a step, so an
 *                   instance that lost its claim (frozen, paused) neither sends nor records anything
 */
record AccountApplication(String accountRequestId, AccountAction action, AccountKind accountKind,
                                 String huifuId, ApplicationStep step, ApplicationState state, String reqDate,
                                 String reqSeqId, boolean sent, String applyNo, SealedRequests.Sealed sealed,
                                 int attempts, Instant nextAttemptAt, String reasonCode, String reason,
                                 String businessItem, Instant receivedAt, Instant appliedAt, Instant finalAt,
                                 Instant updatedAt, Instant leaseUntil) {
}
