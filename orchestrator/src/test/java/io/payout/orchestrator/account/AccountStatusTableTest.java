package io.payout.orchestrator.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.payout.model.account.AccountChange;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Every status value of every place (ACCOUNTS.md, "status enums by place") and the change CONTRACT.md §6 names. */
class AccountStatusTableTest {

    static Stream<Arguments> everyDefinedValue() {
        List<Arguments> rows = new ArrayList<>();
        rows.add(Arguments.of(StatusPlace.MERCHANT_ONBOARDING_NOTICE, "Y", AccountChange.APPROVED));
        rows.add(Arguments.of(StatusPlace.MERCHANT_ONBOARDING_NOTICE, "N", AccountChange.REJECTED));
        rows.add(Arguments.of(StatusPlace.MERCHANT_ONBOARDING_NOTICE, "F", AccountChange.FAILED));
        rows.add(Arguments.of(StatusPlace.MERCHANT_BUSINESS_NOTICE, "P", AccountChange.APPLIED));
        rows.add(Arguments.of(StatusPlace.MERCHANT_BUSINESS_NOTICE, "Y", AccountChange.APPROVED));
        rows.add(Arguments.of(StatusPlace.MERCHANT_BUSINESS_NOTICE, "N", AccountChange.REJECTED));
        rows.add(Arguments.of(StatusPlace.MERCHANT_BUSINESS_NOTICE, "F", AccountChange.FAILED));
        rows.add(Arguments.of(StatusPlace.MERCHANT_BUSINESS_NOTICE, "C", AccountChange.FAILED));
        rows.add(Arguments.of(StatusPlace.USER_BUSINESS_NOTICE, "Y", AccountChange.APPROVED));
        rows.add(Arguments.of(StatusPlace.USER_BUSINESS_NOTICE, "P", AccountChange.APPLIED));
        rows.add(Arguments.of(StatusPlace.USER_BUSINESS_NOTICE, "N", AccountChange.REJECTED));
        rows.add(Arguments.of(StatusPlace.STATUS_QUERY, "Y", AccountChange.APPROVED));
        rows.add(Arguments.of(StatusPlace.STATUS_QUERY, "P", AccountChange.APPLIED));
        rows.add(Arguments.of(StatusPlace.STATUS_QUERY, "N", AccountChange.REJECTED));
        rows.add(Arguments.of(StatusPlace.STATUS_QUERY, "F", AccountChange.FAILED));
        rows.add(Arguments.of(StatusPlace.CARD_CHANGE_STATE, "S", AccountChange.APPROVED));
        rows.add(Arguments.of(StatusPlace.CARD_CHANGE_STATE, "P", AccountChange.APPLIED));
        rows.add(Arguments.of(StatusPlace.CARD_CHANGE_STATE, "F", AccountChange.REJECTED));
        rows.add(Arguments.of(StatusPlace.CARD_CHANGE_STATE, "C", AccountChange.FAILED));
        rows.add(Arguments.of(StatusPlace.BUSINESS_ITEM, "S", AccountChange.APPROVED));
        rows.add(Arguments.of(StatusPlace.BUSINESS_ITEM, "P", AccountChange.APPLIED));
        rows.add(Arguments.of(StatusPlace.BUSINESS_ITEM, "F", AccountChange.REJECTED));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("everyDefinedValue")
    void mapsEachValueOfEachPlace(StatusPlace place, String value, AccountChange change) {
        assertThat(AccountStatusTable.changeFor(place, value)).contains(change);
    }

    @Test
    void theSameLetterMeansWhatItsPlaceSays() {
        // F: a system failure in a notice, a refusal in a business item or a card change's consent check
        assertThat(AccountStatusTable.changeFor(StatusPlace.MERCHANT_BUSINESS_NOTICE, "F"))
                .contains(AccountChange.FAILED);
        assertThat(AccountStatusTable.changeFor(StatusPlace.BUSINESS_ITEM, "F")).contains(AccountChange.REJECTED);
    }

    @ParameterizedTest
    @EnumSource(StatusPlace.class)
    void aValueThePlaceDoesNotDefineChangesNothing(StatusPlace place) {
        assertThat(AccountStatusTable.changeFor(place, "X")).isEmpty();
        assertThat(AccountStatusTable.changeFor(place, null)).isEmpty();
        assertThat(AccountStatusTable.changeFor(place, "")).isEmpty();
    }

    @Test
    void placesDoNotBorrowEachOthersLetters() {
        // P is not a value of the merchant onboarding notice, nor F of the user notice: neither is guessed
        assertThat(AccountStatusTable.changeFor(StatusPlace.MERCHANT_ONBOARDING_NOTICE, "P")).isEmpty();
        assertThat(AccountStatusTable.changeFor(StatusPlace.USER_BUSINESS_NOTICE, "F")).isEmpty();
        assertThat(AccountStatusTable.changeFor(StatusPlace.STATUS_QUERY, "C")).isEmpty();
    }

    @Test
    void onlyApplicationPendingIsNotFinal() {
        assertThat(AccountChange.APPLIED.endsApplication()).isFalse();
        assertThat(AccountChange.APPROVED.endsApplication()).isTrue();
        assertThat(AccountChange.REJECTED.endsApplication()).isTrue();
        assertThat(AccountChange.FAILED.endsApplication()).isTrue();
    }
}
