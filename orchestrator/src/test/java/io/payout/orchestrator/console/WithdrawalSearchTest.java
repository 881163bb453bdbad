package io.payout.orchestrator.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.payout.model.WithdrawalStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WithdrawalSearchTest {

    @Test
    void dropsUnknownValuesInsteadOfPassingThemOn() {
        WithdrawalSearch search = WithdrawalSearch.of(Map.of("status", "LOST", "sort", "1; drop table withdrawals",
                "page", "-3", "from", "yesterday", "cashType", "T9"));

        assertThat(search.status()).isNull();
        assertThat(search.column()).isEqualTo("created_at");
        assertThat(search.page()).isZero();
        assertThat(search.from()).isNull();
        assertThat(search.cashType()).isNull();
    }

    @Test
    void linksKeepTheQuestionAndTurnTheSortAroundOnTheSameColumn() {
        WithdrawalSearch search = WithdrawalSearch.of(Map.of("id", "w 1&x", "status", "FAILED", "sort", "amount",
                "dir", "asc"));

        assertThat(search.status()).isEqualTo(WithdrawalStatus.FAILED);
        assertThat(search.page(2)).isEqualTo("/console/withdrawals?id=w%201%26x&status=FAILED&sort=amount&dir=asc&page=2");
        assertThat(search.sortedBy("amount")).endsWith("sort=amount&dir=desc");
        assertThat(search.sortedBy("created")).endsWith("sort=created&dir=desc");
        assertThat(search.csv()).startsWith("/console/withdrawals.csv?id=w%201%26x");
    }
}
