package io.payout.orchestrator.ops;

import io.payout.model.AccountKind;
import io.payout.model.account.AccountSource;
import io.payout.model.account.CashConfigEntry;
import io.payout.orchestrator.account.AccountRecord;
import io.payout.orchestrator.account.AccountView;
import java.time.Instant;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * {@code GET /api/accounts/{huifu_id}} (CONTRACT.md §6): the cards, the cash configuration and {@code mer_stat}, each
 * with where and when it was learned. A null list was never learned (unknown), which is not the same as empty.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record AccountDetails(String huifuId, AccountKind accountKind, List<CardDetails> cards, AccountSource cardsSource,
                      Instant cardsLearnedAt, List<CashConfigEntry> cashConfig, AccountSource cashConfigSource,
                      Instant cashConfigLearnedAt, String merStat, AccountSource merStatSource,
                      Instant merStatLearnedAt, Instant updatedAt, List<ApplicationDetails> openApplications) {

    /** An application not final yet: at Huifu (its step), or waiting for an operator (state ATTENTION). */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record ApplicationDetails(String accountRequestId, String action, String step, String state, String applyNo,
                              Instant receivedAt, Instant appliedAt, String reasonCode, String reason) {
    }

    /** A card by its token and masked number only. */
    @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
    record CardDetails(String tokenNo, String cardNo, String cardType, boolean isDefault, boolean open,
                       AccountSource source, Instant learnedAt) {
    }

    static AccountDetails of(AccountView view) {
        AccountRecord a = view.account();
        List<CardDetails> cards = a.cardsLearnedAt() == null ? null : view.cards().stream()
                .map(c -> new CardDetails(c.card().tokenNo(), c.card().maskedCardNo(), c.card().cardType(),
                        c.card().isDefault(), c.card().open(), c.source(), c.learnedAt()))
                .toList();
        return new AccountDetails(a.huifuId(), a.accountKind(), cards, a.cardsSource(), a.cardsLearnedAt(),
                a.cashConfig(), a.cashConfigSource(), a.cashConfigLearnedAt(), a.merStat(), a.merStatSource(),
                a.merStatLearnedAt(), a.updatedAt(), view.applications().stream()
                        .map(o -> new ApplicationDetails(o.accountRequestId(), o.action(), o.step(), o.state(),
                                o.applyNo(), o.receivedAt(), o.appliedAt(), o.reasonCode(), o.reason()))
                        .toList());
    }
}
