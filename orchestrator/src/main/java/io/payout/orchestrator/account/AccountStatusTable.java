package io.payout.orchestrator.account;

import static io.payout.model.account.AccountChange.APPLIED;
import static io.payout.model.account.AccountChange.APPROVED;
import static io.payout.model.account.AccountChange.FAILED;
import static io.payout.model.account.AccountChange.REJECTED;

import io.payout.model.account.AccountChange;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;

/**
 * CONTRACT.md §6's mapping of Huifu's status values to application changes (APPLIED, APPROVED, REJECTED, FAILED), per place the value was read. A value
 * the place does not define (or none at all) maps to nothing: the application stays open and is followed by the
 * status query, because guessing a final answer from an unknown letter could bind or drop a card wrongly.
 */
public final class AccountStatusTable {

    private static final Map<StatusPlace, Map<String, AccountChange>> TABLE = new EnumMap<>(StatusPlace.class);

    static {
        TABLE.put(StatusPlace.MERCHANT_ONBOARDING_NOTICE, Map.of("Y", APPROVED, "N", REJECTED, "F", FAILED));
        TABLE.put(StatusPlace.MERCHANT_BUSINESS_NOTICE,
                Map.of("P", APPLIED, "Y", APPROVED, "N", REJECTED, "F", FAILED, "C", FAILED));
        TABLE.put(StatusPlace.USER_BUSINESS_NOTICE, Map.of("Y", APPROVED, "P", APPLIED, "N", REJECTED));
        TABLE.put(StatusPlace.STATUS_QUERY, Map.of("Y", APPROVED, "P", APPLIED, "N", REJECTED, "F", FAILED));
        // The consent check of a card change: its F is the check's refusal, not a failure of Huifu's system.
        TABLE.put(StatusPlace.CARD_CHANGE_STATE, Map.of("S", APPROVED, "P", APPLIED, "F", REJECTED, "C", FAILED));
        TABLE.put(StatusPlace.BUSINESS_ITEM, Map.of("S", APPROVED, "P", APPLIED, "F", REJECTED));
    }

    private AccountStatusTable() {
    }

    public static Optional<AccountChange> changeFor(StatusPlace place, String value) {
        if (value == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(TABLE.get(place).get(value.trim()));
    }
}
