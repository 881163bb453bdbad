package io.payout.orchestrator.submission;

import static io.payout.orchestrator.OrchestratorHarness.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.payout.orchestrator.OrchestratorHarness;
import io.payout.orchestrator.withdrawal.NextAction;
import io.payout.orchestrator.withdrawal.Withdrawal;
import io.payout.orchestrator.withdrawal.Withdrawals;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * A worker counts a send and makes the query due without locking the row first: the write holds only while the row
 * is still the version it claimed. Anything that moved it in between (a notice, an operator) wins, and nothing is
 * sent on the stale copy.
 */
class SendMarkingIntegrationTest {

    private static final String ID = "mark-1";

    @Test
    void aSendAndItsAnswerAreWrittenOnlyOnTheRowAsItWas() {
        try (OrchestratorHarness harness = new OrchestratorHarness().start()) { // its submission workers are off
            harness.sendRequest(ID, request(ID, "6666000000000001", "5.00", "D0"));
            await().atMost(OrchestratorHarness.WAIT).until(() -> harness.withdrawal(ID).isPresent());
            Withdrawals withdrawals = harness.bean(Withdrawals.class);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Instant queryAt = now.plusSeconds(30);
            List<Withdrawal> claimed = withdrawals.claimDue("test", now.plusSeconds(1), queryAt, 10);
            assertThat(claimed).extracting(Withdrawal::withdrawalId).containsExactly(ID);
            Withdrawal stale = claimed.get(0);
            assertThat(stale.nextAction()).isEqualTo(NextAction.SUBMIT);

            withdrawals.reschedule(stale, NextAction.SUBMIT, now, now); // moved by someone else meanwhile

            assertThat(withdrawals.markSending(stale, queryAt, now)).isEmpty();
            Withdrawal current = harness.withdrawal(ID).orElseThrow();
            assertThat(current.nextAction()).isEqualTo(NextAction.SUBMIT);
            assertThat(sentCount(withdrawals)).isZero();

            Optional<Withdrawal> written = withdrawals.markSending(current, queryAt, now);
            Withdrawal sending = harness.withdrawal(ID).orElseThrow();
            assertThat(written).as("the row as written, exactly as read back").contains(sending);
            assertThat(sending.nextAction()).isEqualTo(NextAction.QUERY);
            assertThat(sending.nextActionAt()).isEqualTo(queryAt);
            assertThat(sending.version()).isEqualTo(current.version() + 1);
            assertThat(sentCount(withdrawals)).isEqualTo(1);
            assertThat(withdrawals.markSending(current, queryAt, now)).as("the same version twice").isEmpty();
            assertThat(sentCount(withdrawals)).isEqualTo(1);

            assertThat(withdrawals.recordSubmitIfUnchanged(current, "ACCEPTED", "00000000", "stale")).isFalse();
            assertThat(withdrawals.serialsOf(ID).get(0).submitOutcome()).isNull();
            assertThat(withdrawals.recordSubmitIfUnchanged(sending, "ACCEPTED", "00000000", "as sent")).isTrue();
            assertThat(withdrawals.serialsOf(ID).get(0).submitOutcome()).isEqualTo("ACCEPTED");
        }
    }

    private static int sentCount(Withdrawals withdrawals) {
        return withdrawals.serialsOf(ID).get(0).sentCount();
    }
}
