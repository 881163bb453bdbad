package io.payout.orchestrator.submission;

import static io.payout.orchestrator.OrchestratorHarness.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.payout.orchestrator.OrchestratorHarness;
import io.payout.orchestrator.huifu.Huifu;
import io.payout.orchestrator.reconciliation.Polls;
import io.payout.orchestrator.withdrawal.NextAction;
import io.payout.orchestrator.withdrawal.SerialNumbers;
import io.payout.orchestrator.withdrawal.Transitions;
import io.payout.orchestrator.withdrawal.Withdrawal;
import io.payout.orchestrator.withdrawal.Withdrawals;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The claim of a withdrawal due to be sent is its send mark, in one statement: the send is counted on its serial and
 * the query after it made due before anything reaches Huifu, and the synchronous answer is recorded only on the row
 * as that claim left it. A withdrawal whose serial is another day's is only leased: it is given a new serial when it
 * was never sent, or queried when it was.
 */
class SendMarkingIntegrationTest {

    private static final String ID = "mark-1";
    private static final String OWNER = "test";

    @Test
    void aClaimDueToSendCountsTheSendAndTheAnswerIsRecordedOnlyOnTheRowItLeft() {
        try (OrchestratorHarness harness = new OrchestratorHarness().start()) { // its submission workers are off
            Withdrawal requested = requested(harness);
            Withdrawals withdrawals = harness.bean(Withdrawals.class);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusSeconds(1);
            Instant queryAt = now.plusSeconds(30);

            List<Withdrawals.Claimed> claimed = withdrawals.claimDue(OWNER, now, queryAt, requested.reqDate(), 10);

            assertThat(claimed).hasSize(1);
            assertThat(claimed.get(0).sending()).isTrue();
            Withdrawal sending = harness.withdrawal(ID).orElseThrow();
            assertThat(claimed.get(0).row()).as("the row as written, exactly as read back").isEqualTo(sending);
            assertThat(sending.nextAction()).isEqualTo(NextAction.QUERY);
            assertThat(sending.nextActionAt()).isEqualTo(queryAt);
            assertThat(sending.version()).isEqualTo(requested.version() + 1);
            assertThat(withdrawals.serialsOf(ID)).singleElement().satisfies(s -> assertThat(s.sentCount()).isOne());
            assertThat(withdrawals.claimDue(OWNER, now, queryAt, requested.reqDate(), 10))
                    .as("nothing due until the query").isEmpty();

            assertThat(withdrawals.recordSubmitIfUnchanged(requested, "ACCEPTED", "00000000", "stale")).isFalse();
            assertThat(withdrawals.serialsOf(ID).get(0).submitOutcome()).isNull();
            assertThat(withdrawals.recordSubmitIfUnchanged(sending, "ACCEPTED", "00000000", "as sent")).isTrue();
            assertThat(withdrawals.serialsOf(ID).get(0).submitOutcome()).isEqualTo("ACCEPTED");
        }
    }

    @Test
    void aNeverSentSerialOfAnotherDayIsLeasedThenReplacedByOneOfToday() {
        try (OrchestratorHarness harness = new OrchestratorHarness().start()) {
            Withdrawal requested = requested(harness);
            Withdrawals withdrawals = harness.bean(Withdrawals.class);
            Instant tomorrow = Instant.now().truncatedTo(ChronoUnit.MILLIS).plus(Duration.ofDays(1));
            String tomorrowsDate = SerialNumbers.reqDate(tomorrow);

            Withdrawals.Claimed claimed = claimOne(withdrawals, tomorrow);
            assertThat(claimed.sending()).isFalse();
            assertThat(claimed.row()).isEqualTo(requested);
            assertThat(withdrawals.serialsOf(ID).get(0).sentCount()).isZero();

            submissionsAt(harness, tomorrow).process(claimed);

            Withdrawal renewed = harness.withdrawal(ID).orElseThrow();
            assertThat(renewed.reqDate()).isEqualTo(tomorrowsDate);
            assertThat(renewed.reqSeqId()).isNotEqualTo(requested.reqSeqId());
            assertThat(renewed.nextAction()).isEqualTo(NextAction.SUBMIT);
            assertThat(withdrawals.serialsOf(ID)).as("a serial never sent is nothing Huifu could have")
                    .extracting(Withdrawals.Serial::key, Withdrawals.Serial::sentCount)
                    .containsExactly(tuple(renewed.serial(), 0));
            Withdrawals.Claimed sending = claimOne(withdrawals, tomorrow.plusSeconds(1));
            assertThat(sending.sending()).isTrue();
            assertThat(sending.row().serial()).isEqualTo(renewed.serial());
            assertThat(withdrawals.serialsOf(ID)).extracting(Withdrawals.Serial::key, Withdrawals.Serial::sentCount)
                    .containsExactly(tuple(renewed.serial(), 1));
        }
    }

    @Test
    void aSentSerialOfAnotherDayIsQueriedNotSentAgain() {
        try (OrchestratorHarness harness = new OrchestratorHarness().start()) {
            Withdrawal requested = requested(harness);
            Withdrawals withdrawals = harness.bean(Withdrawals.class);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusSeconds(1);
            Withdrawal sent = withdrawals.claimDue(OWNER, now, now.plusSeconds(30), requested.reqDate(), 10).get(0)
                    .row();
            withdrawals.reschedule(sent, NextAction.SUBMIT, now, now); // e.g. not found, to be sent again
            Instant tomorrow = now.plus(Duration.ofDays(1));

            Withdrawals.Claimed claimed = claimOne(withdrawals, tomorrow);
            assertThat(claimed.sending()).isFalse();
            submissionsAt(harness, tomorrow).process(claimed);

            Withdrawal queried = harness.withdrawal(ID).orElseThrow();
            assertThat(queried.serial()).isEqualTo(requested.serial());
            assertThat(queried.nextAction()).isEqualTo(NextAction.QUERY);
            assertThat(withdrawals.serialsOf(ID)).singleElement().satisfies(s -> assertThat(s.sentCount()).isOne());
        }
    }

    private static Withdrawal requested(OrchestratorHarness harness) {
        harness.sendRequest(ID, request(ID, "6666000000000001", "5.00", "D0"));
        await().atMost(OrchestratorHarness.WAIT).until(() -> harness.withdrawal(ID).isPresent());
        return harness.withdrawal(ID).orElseThrow();
    }

    private static Withdrawals.Claimed claimOne(Withdrawals withdrawals, Instant now) {
        List<Withdrawals.Claimed> claimed = withdrawals.claimDue(OWNER, now, now.plusSeconds(30),
                SerialNumbers.reqDate(now), 10);
        assertThat(claimed).hasSize(1);
        return claimed.get(0);
    }

    /** The harness runs no workers; its beans make the step that a worker would run at {@code now}. */
    private static Submissions submissionsAt(OrchestratorHarness harness, Instant now) {
        return new Submissions(harness.bean(Withdrawals.class), harness.bean(Transitions.class),
                harness.bean(Huifu.class), harness.bean(TransactionTemplate.class),
                harness.bean(SubmissionProperties.class), Clock.fixed(now, ZoneOffset.UTC), harness.bean(Polls.class));
    }
}
