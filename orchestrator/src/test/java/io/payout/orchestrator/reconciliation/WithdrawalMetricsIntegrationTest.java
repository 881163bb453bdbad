package io.payout.orchestrator.reconciliation;

import static io.payout.orchestrator.OrchestratorHarness.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.payout.orchestrator.OrchestratorHarness;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The open-withdrawal gauges count each state up to a limit, oldest first: a backlog's older age buckets stay exact
 * and only the youngest one stops at the limit.
 */
class WithdrawalMetricsIntegrationTest {

    @Test
    void eachStateIsCountedUpToTheLimitOldestFirst() {
        try (OrchestratorHarness harness = new OrchestratorHarness()
                .with("orchestrator.reconciliation.metrics-count-limit", 3)
                .with("orchestrator.reconciliation.metrics-refresh", "1h")
                .start()) { // submission is off: every request stays REQUESTED
            List<String> ids = List.of("gauge-1", "gauge-2", "gauge-3", "gauge-4", "gauge-5");
            ids.forEach(id -> harness.sendRequest(id, request(id, "6666000000000001", "5.00", "T1")));
            await().atMost(OrchestratorHarness.WAIT)
                    .until(() -> ids.stream().allMatch(id -> harness.withdrawal(id).isPresent()));
            JdbcClient jdbc = harness.bean(JdbcClient.class);
            jdbc.sql("update withdrawals set created_at = created_at - interval '2 days' where withdrawal_id in "
                    + "('gauge-1', 'gauge-2')").update();
            jdbc.sql("update withdrawals set created_at = created_at - interval '8 days' where withdrawal_id = "
                    + "'gauge-3'").update();

            harness.bean(WithdrawalMetrics.class).refresh();

            MeterRegistry meters = harness.bean(MeterRegistry.class);
            assertThat(requested(meters, "ge_7d")).isEqualTo(1);
            assertThat(requested(meters, "lt_7d")).isEqualTo(2);
            assertThat(requested(meters, "lt_1h")).as("the two youngest are past the limit of 3").isZero();
            assertThat(meters.get("withdrawals.count.limit").gauge().value()).isEqualTo(3);

            jdbc.sql("update withdrawals set created_at = now() where withdrawal_id in ('gauge-1', 'gauge-2')")
                    .update();
            harness.bean(WithdrawalMetrics.class).refresh();
            assertThat(requested(meters, "ge_7d")).isEqualTo(1);
            assertThat(requested(meters, "lt_7d")).as("no longer two days old").isZero();
            assertThat(requested(meters, "lt_1h")).as("two of the four young ones, up to the limit").isEqualTo(2);
        }
    }

    private static double requested(MeterRegistry meters, String age) {
        return meters.get("withdrawals").tags("status", "REQUESTED", "age", age).gauge().value();
    }
}
