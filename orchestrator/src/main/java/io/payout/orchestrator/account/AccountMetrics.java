package io.payout.orchestrator.account;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * {@code account_review_oldest_pending_seconds}: how long the oldest application under Huifu's review has waited (0
 * when none does). A review that never ends is Huifu's to finish, so it is watched rather than given up on.
 * {@code account_applications_attention}: the applications whose lost answer no lookup could explain, which wait
 * for an operator.
 */
@Component
@ConditionalOnProperty("orchestrator.accounts.hash-key")
class AccountMetrics {

    AccountMetrics(AccountApplicationFlow flow, MeterRegistry meters) {
        Gauge.builder("account.review.oldest.pending", flow, AccountApplicationFlow::oldestUnderReviewSeconds)
                .baseUnit("seconds")
                .description("age of the oldest account application waiting for Huifu's review")
                .register(meters);
        Gauge.builder("account.applications.attention", flow, AccountApplicationFlow::waitingForOperator)
                .description("account applications waiting for an operator: a lost answer no lookup could explain")
                .register(meters);
    }
}
