package io.payout.sandbox.ledger;

import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import java.util.Arrays;
import java.util.List;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A Huifu account to create: its money, bound cards and cash configuration. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AccountSpec(
        String huifuId,
        String acctId,
        Amount balance,
        Amount todayCredits,
        List<CardSpec> cards,
        List<CashConfigSpec> cashConfig) {

    public AccountSpec {
        if (huifuId == null || huifuId.isBlank() || huifuId.length() > 32) {
            throw new IllegalArgumentException("huifu_id is required, at most 32 characters: " + huifuId);
        }
        acctId = acctId == null || acctId.isBlank() ? "F" + huifuId.substring(Math.max(0, huifuId.length() - 8))
                : acctId;
        balance = balance == null ? Amount.ZERO : balance;
        todayCredits = todayCredits == null ? Amount.ZERO : todayCredits;
        cards = cards == null ? List.of() : List.copyOf(cards);
        cashConfig = cashConfig == null ? List.of() : List.copyOf(cashConfig);
    }

    /**
     * The usual test account: one card {@code tokenNo}, every cash type switched on, 内扣 fee 1.00 + 0.05%
     * (PROTOCOL.md §8's example: 100.00 costs 1.05).
     */
    public static AccountSpec standard(String huifuId, String balance, String tokenNo) {
        List<CashConfigSpec> all = Arrays.stream(IntoAcctDateType.values())
                .map(type -> CashConfigSpec.inside(type, "1.00", "0.05"))
                .toList();
        return new AccountSpec(huifuId, null, Amount.parse(balance), Amount.ZERO, List.of(CardSpec.of(tokenNo)), all);
    }

    public AccountSpec withTodayCredits(String amount) {
        return new AccountSpec(huifuId, acctId, balance, Amount.parse(amount), cards, cashConfig);
    }

    public AccountSpec withCashConfig(CashConfigSpec... configs) {
        return new AccountSpec(huifuId, acctId, balance, todayCredits, cards, List.of(configs));
    }
}
