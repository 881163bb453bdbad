package io.payout.orchestrator.account;

import io.payout.model.account.AccountSource;
import java.time.Instant;

/** A card with where and when it was last learned. */
public record StoredCard(KnownCard card, AccountSource source, Instant learnedAt) {
}
