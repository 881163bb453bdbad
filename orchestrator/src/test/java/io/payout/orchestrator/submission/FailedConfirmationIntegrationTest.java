package io.payout.orchestrator.submission;

import static io.payout.orchestrator.OrchestratorHarness.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.payout.model.EventSource;
import io.payout.model.WithdrawalStatus;
import io.payout.orchestrator.e2e.HuifuStack;
import io.payout.orchestrator.withdrawal.HistoryRow;
import io.payout.orchestrator.withdrawal.Withdrawal;
import io.payout.orchestrator.withdrawal.WithdrawalSerials;
import io.payout.sandbox.behavior.FaultRates;
import io.payout.sandbox.behavior.FaultSettings;
import io.payout.sandbox.ledger.AccountSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * A query F before any debit was seen waits failed-confirmation before it counts as FAILED. Unanswered queries in
 * between (here HTTP 500 on every query) must not start that wait again: with a few faults per query a withdrawal
 * would otherwise wait again and again.
 */
class FailedConfirmationIntegrationTest {

    private static final long SEED = 5;
    private static final String PAYOUT_FAILS = "6666000000000201";
    private static final int COUNT = 8;
    /** Long enough that every withdrawal meets its first F well before the first wait ends, even on a busy machine. */
    private static final Duration CONFIRMATION = Duration.ofSeconds(8);
    private static final Duration WAIT = Duration.ofSeconds(60);
    /** Every notice dropped (so only queries decide) and every payout booked back, hence query F. */
    private static final FaultRates ANSWERED = new FaultRates(0, 0, 0, 0, 1, 0, 0, 0, 1, 0);
    private static final FaultRates QUERIES_FAIL = new FaultRates(0, 1, 0, 0, 1, 0, 0, 0, 1, 0);

    @Test
    void unansweredQueriesAfterTheFirstFailedAnswerDoNotStartTheConfirmationWaitAgain() {
        try (HuifuStack stack = new HuifuStack(Map.of(), Map.of(
                "orchestrator.reconciliation.min-wait", "200ms",
                "orchestrator.submission.follow-up", "500ms",
                "orchestrator.submission.failed-confirmation", CONFIRMATION.toString()))) {
            stack.control().createAccount(AccountSpec.standard(PAYOUT_FAILS, "10000.00", "10004053462"));
            stack.control().setFaults(new FaultSettings(SEED, FaultRates.NONE, Map.of(PAYOUT_FAILS, ANSWERED)));
            WithdrawalSerials withdrawals = stack.orchestrator.bean(WithdrawalSerials.class);
            List<String> ids = IntStream.range(0, COUNT).mapToObj(i -> "confirm-" + i).toList();
            ids.forEach(id -> stack.orchestrator.sendRequest(id, request(id, PAYOUT_FAILS, "3.00", "D0")));

            // 1. Huifu answered F to every withdrawal, which now waits for the confirmation
            awaitEvery(ids, withdrawals, s -> s.firstFailedAt() != null);
            assertThat(ids).allMatch(id -> status(stack, id) == WithdrawalStatus.PROCESSING);

            // 2. the queries at the end of the wait meet HTTP 500
            stack.control().setFaults(new FaultSettings(SEED, FaultRates.NONE, Map.of(PAYOUT_FAILS, QUERIES_FAIL)));
            awaitEvery(ids, withdrawals, s -> "UNKNOWN".equals(s.lastQueryResult())
                    && !s.firstFailedAt().plus(CONFIRMATION).isAfter(s.lastQueryAt()));
            assertThat(ids).allMatch(id -> status(stack, id) == WithdrawalStatus.PROCESSING);

            // 3. Huifu answers again: its first F after the wait concludes, it does not wait once more
            Instant answering = Instant.now();
            stack.control().setFaults(new FaultSettings(SEED, FaultRates.NONE, Map.of(PAYOUT_FAILS, ANSWERED)));
            awaitEvery(ids, withdrawals, s -> "FOUND_F".equals(s.lastQueryResult())
                    && s.lastQueryAt().isAfter(answering));
            for (String id : ids) {
                assertThat(status(stack, id)).as(id).isEqualTo(WithdrawalStatus.FAILED);
                List<HistoryRow> history = stack.orchestrator.history(id);
                assertThat(history.get(history.size() - 1).source()).as(id).isEqualTo(EventSource.QUERY);
                assertThat(stack.truthOf(stack.orchestrator.withdrawal(id).orElseThrow()))
                        .as("sandbox truth of " + id).isEqualTo(WithdrawalStatus.REFUNDED);
            }
        }
    }

    private static void awaitEvery(List<String> ids, WithdrawalSerials withdrawals, Predicate<WithdrawalSerials.Serial> until) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(100)).until(() -> ids.stream()
                .allMatch(id -> withdrawals.serialsOf(id).stream().anyMatch(until)));
    }

    private static WithdrawalStatus status(HuifuStack stack, String id) {
        return stack.orchestrator.withdrawal(id).map(Withdrawal::status).orElseThrow();
    }
}
