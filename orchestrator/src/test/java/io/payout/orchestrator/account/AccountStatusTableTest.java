package io.payout.orchestrator.account;

import static org.assertj.core.api.Assertions.assertThat;

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
        rows.add(Arguments.of(StatusPlace.MERCHANT_ONBOARDING_NOTICE, "Y", ApplicationChange.APPROVED));
        rows.add(Arguments.of(StatusPlace.MERCHANT_ONBOARDING_NOTICE, "N", ApplicationChange.REJECTED));
        rows.add(Arguments.of(StatusPlace.MERCHANT_ONBOARDING_NOTICE, "F", ApplicationChange.FAILED));
        rows.add(Arguments.of(StatusPlace.MERCHANT_BUSINESS_NOTICE, "P", ApplicationChange.APPLIED));
        rows.add(Arguments.of(StatusPlace.MERCHANT_BUSINESS_NOTICE, "Y", ApplicationChange.APPROVED));
        rows.add(Arguments.of(StatusPlace.MERCHANT_BUSINESS_NOTICE, "N", ApplicationChange.REJECTED));
        rows.add(Arguments.of(StatusPlace.MERCHANT_BUSINESS_NOTICE, "F", ApplicationChange.FAILED));
        rows.add(Arguments.of(StatusPlace.MERCHANT_BUSINESS_NOTICE, "C", ApplicationChange.FAILED));
        rows.add(Arguments.of(StatusPlace.USER_BUSINESS_NOTICE, "Y", ApplicationChange.APPROVED));
        rows.add(Arguments.of(StatusPlace.USER_BUSINESS_NOTICE, "P", ApplicationChange.APPLIED));
        rows.add(Arguments.of(StatusPlace.USER_BUSINESS_NOTICE, "N", ApplicationChange.REJECTED));
        rows.add(Arguments.of(StatusPlace.STATUS_QUERY, "Y", ApplicationChange.APPROVED));
        rows.add(Arguments.of(StatusPlace.STATUS_QUERY, "P", ApplicationChange.APPLIED));
        rows.add(Arguments.of(StatusPlace.STATUS_QUERY, "N", ApplicationChange.REJECTED));
        rows.add(Arguments.of(StatusPlace.STATUS_QUERY, "F", ApplicationChange.FAILED));
        rows.add(Arguments.of(StatusPlace.CARD_CHANGE_STATE, "S", ApplicationChange.APPROVED));
        rows.add(Arguments.of(StatusPlace.CARD_CHANGE_STATE, "P", ApplicationChange.APPLIED));
        rows.add(Arguments.of(StatusPlace.CARD_CHANGE_STATE, "F", ApplicationChange.REJECTED));
        rows.add(Arguments.of(StatusPlace.CARD_CHANGE_STATE, "C", ApplicationChange.FAILED));
        rows.add(Arguments.of(StatusPlace.BUSINESS_ITEM, "S", ApplicationChange.APPROVED));
        rows.add(Arguments.of(StatusPlace.BUSINESS_ITEM, "P", ApplicationChange.APPLIED));
        rows.add(Arguments.of(StatusPlace.BUSINESS_ITEM, "F", ApplicationChange.REJECTED));
        return rows.stream();
    }

    @ParameterizedTest(name = "{0} {1} -> {2}")
    @MethodSource("everyDefinedValue")
    void mapsEachValueOfEachPlace(StatusPlace place, String value, ApplicationChange change) {
        assertThat(AccountStatusTable.changeFor(place, value)).contains(change);
    }

    @Test
    void theSameLetterMeansWhatItsPlaceSays() {
        // F: a system failure in a notice, a refusal in a business item or a card change's consent check
        assertThat(AccountStatusTable.changeFor(StatusPlace.MERCHANT_BUSINESS_NOTICE, "F"))
                .contains(ApplicationChange.FAILED);
        assertThat(AccountStatusTable.changeFor(StatusPlace.BUSINESS_ITEM, "F")).contains(ApplicationChange.REJECTED);
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
        assertThat(ApplicationChange.APPLIED.isFinal()).isFalse();
        assertThat(ApplicationChange.APPROVED.isFinal()).isTrue();
        assertThat(ApplicationChange.REJECTED.isFinal()).isTrue();
        assertThat(ApplicationChange.FAILED.isFinal()).isTrue();
    }
}
