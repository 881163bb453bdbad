package io.payout.orchestrator.account;

import io.payout.model.account.AccountChange;
import io.payout.model.account.CashConfigEntry;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What a newly learned view of an account changes in the known one: the rule behind every {@code CARD_BOUND},
 * {@code CARD_CLOSED}, {@code CASH_CONFIG} and {@code ACCOUNT_STATUS} record (CONTRACT.md §6). Learning the same
 * thing twice changes nothing, so a duplicate notice or a repeated query publishes nothing.
 */
final class RegistryDiff {

    private RegistryDiff() {
    }

    static List<FactChange> between(AccountFacts known, AccountFacts learned) {
        List<FactChange> changes = new ArrayList<>();
        if (learned.cards() != null) {
            Map<String, KnownCard> before = new HashMap<>();
            if (known.cards() != null) {
                known.cards().forEach(card -> before.put(card.tokenNo(), card));
            }
            // A known card missing from a learned list is left as it is: only Huifu's status C closes a card.
            for (KnownCard card : learned.cards()) {
                KnownCard prior = before.get(card.tokenNo());
                if (card.open() && !card.equals(prior)) {
                    changes.add(FactChange.card(AccountChange.CARD_BOUND, card));
                } else if (!card.open() && prior != null && prior.open()) {
                    changes.add(FactChange.card(AccountChange.CARD_CLOSED, card));
                }
            }
        }
        if (learned.cashConfig() != null && !sameConfig(known.cashConfig(), learned.cashConfig())) {
            changes.add(new FactChange(AccountChange.CASH_CONFIG, null, byType(learned.cashConfig()), null));
        }
        if (learned.merStat() != null && !learned.merStat().equals(known.merStat())) {
            changes.add(new FactChange(AccountChange.ACCOUNT_STATUS, null, null, learned.merStat()));
        }
        return changes;
    }

    /** The registry after learning: every learned fact replaces the known one, what stays unknown is kept. */
    static AccountFacts merged(AccountFacts known, AccountFacts learned) {
        List<KnownCard> cards = known.cards();
        if (learned.cards() != null) {
            Map<String, KnownCard> byToken = new LinkedHashMap<>();
            if (known.cards() != null) {
                known.cards().forEach(card -> byToken.put(card.tokenNo(), card));
            }
            learned.cards().forEach(card -> byToken.put(card.tokenNo(), card));
            cards = new ArrayList<>(byToken.values());
        }
        return new AccountFacts(known.huifuId(),
                learned.accountKind() != null ? learned.accountKind() : known.accountKind(), cards,
                learned.cashConfig() != null ? byType(learned.cashConfig()) : known.cashConfig(),
                learned.merStat() != null ? learned.merStat() : known.merStat());
    }

    private static boolean sameConfig(List<CashConfigEntry> known, List<CashConfigEntry> learned) {
        return known != null && Objects.equals(byType(known), byType(learned));
    }

    private static List<CashConfigEntry> byType(List<CashConfigEntry> entries) {
        return entries.stream().sorted(Comparator.comparing(CashConfigEntry::cashType)).toList();
    }
}
