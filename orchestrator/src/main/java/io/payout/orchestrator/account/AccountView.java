package io.payout.orchestrator.account;

import java.time.Instant;
import java.util.List;

/** What {@code GET /api/accounts/{huifu_id}} shows: the account's facts and its cards, each with its origin. */
public record AccountView(AccountRecord account, List<StoredCard> cards, List<OpenApplication> applications) {

    /** An application not final yet: open at Huifu, or waiting for an operator. */
    public record OpenApplication(String accountRequestId, String action, String step, String state, String applyNo,
                                  Instant receivedAt, Instant appliedAt, String reasonCode, String reason) {
    }


    public AccountView {
        cards = List.copyOf(cards);
        applications = List.copyOf(applications);
    }
}
