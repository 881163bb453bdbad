package io.payout.orchestrator.withdrawal;

import static io.payout.orchestrator.OrchestratorHarness.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import io.payout.orchestrator.OrchestratorHarness;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
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
            DueWork dueWork = harness.bean(DueWork.class);
            WithdrawalSerials serials = harness.bean(WithdrawalSerials.class);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusSeconds(1);
            Instant queryAt = now.plusSeconds(30);

            List<DueWork.Claimed> claimed = dueWork.claim(OWNER, now, queryAt, requested.reqDate(), 10);

            assertThat(claimed).hasSize(1);
            assertThat(claimed.get(0).sending()).isTrue();
            Withdrawal sending = harness.withdrawal(ID).orElseThrow();
            assertThat(claimed.get(0).row()).as("the row as written, exactly as read back").isEqualTo(sending);
            assertThat(sending.nextAction()).isEqualTo(NextAction.QUERY);
            assertThat(sending.nextActionAt()).isEqualTo(queryAt);
            assertThat(sending.version()).isEqualTo(requested.version() + 1);
            assertThat(serials.serialsOf(ID)).singleElement().satisfies(s -> assertThat(s.sentCount()).isOne());
            assertThat(dueWork.claim(OWNER, now, queryAt, requested.reqDate(), 10))
                    .as("nothing due until the query").isEmpty();

            assertThat(serials.recordSubmitIfUnchanged(requested, accepted(sending, "stale"))).isFalse();
            assertThat(serials.serialsOf(ID).get(0).submitOutcome()).isNull();
            assertThat(serials.recordSubmitIfUnchanged(sending, accepted(sending, "as sent"))).isTrue();
            assertThat(serials.serialsOf(ID).get(0).submitOutcome()).isEqualTo("SYNC_PROCESSING");
        }
    }

    @Test
    void aNeverSentSerialOfAnotherDayIsLeasedThenReplacedByOneOfToday() {
        try (OrchestratorHarness harness = new OrchestratorHarness().start()) {
            Withdrawal requested = requested(harness);
            DueWork dueWork = harness.bean(DueWork.class);
            WithdrawalSerials serials = harness.bean(WithdrawalSerials.class);
            Instant tomorrow = Instant.now().truncatedTo(ChronoUnit.MILLIS).plus(Duration.ofDays(1));
            String tomorrowsDate = SerialNumbers.reqDate(tomorrow);

            DueWork.Claimed claimed = claimOne(dueWork, tomorrow);
            assertThat(claimed.sending()).isFalse();
            assertThat(claimed.row()).isEqualTo(requested);
            assertThat(serials.serialsOf(ID).get(0).sentCount()).isZero();

            workAt(harness, tomorrow).renewStaleSerial(ID);

            Withdrawal renewed = harness.withdrawal(ID).orElseThrow();
            assertThat(renewed.reqDate()).isEqualTo(tomorrowsDate);
            assertThat(renewed.reqSeqId()).isNotEqualTo(requested.reqSeqId());
            assertThat(renewed.nextAction()).isEqualTo(NextAction.SUBMIT);
            assertThat(serials.serialsOf(ID)).as("a serial never sent is nothing Huifu could have")
                    .extracting(WithdrawalSerials.Serial::key, WithdrawalSerials.Serial::sentCount)
                    .containsExactly(tuple(renewed.serial(), 0));
            DueWork.Claimed sending = claimOne(dueWork, tomorrow.plusSeconds(1));
            assertThat(sending.sending()).isTrue();
            assertThat(sending.row().serial()).isEqualTo(renewed.serial());
            assertThat(serials.serialsOf(ID)).extracting(WithdrawalSerials.Serial::key, WithdrawalSerials.Serial::sentCount)
                    .containsExactly(tuple(renewed.serial(), 1));
        }
    }

    @Test
    void aSentSerialOfAnotherDayIsQueriedNotSentAgain() {
        try (OrchestratorHarness harness = new OrchestratorHarness().start()) {
            Withdrawal requested = requested(harness);
            DueWork dueWork = harness.bean(DueWork.class);
            WithdrawalSerials serials = harness.bean(WithdrawalSerials.class);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS).plusSeconds(1);
            assertThat(dueWork.claim(OWNER, now, now.plusSeconds(30), requested.reqDate(), 10)).hasSize(1);
            // e.g. not found, to be sent again
            harness.bean(JdbcClient.class).sql("update withdrawals set next_action = 'SUBMIT', next_action_at = ?,"
                    + " version = version + 1 where withdrawal_id = ?").params(java.sql.Timestamp.from(now), ID)
                    .update();
            Instant tomorrow = now.plus(Duration.ofDays(1));

            DueWork.Claimed claimed = claimOne(dueWork, tomorrow);
            assertThat(claimed.sending()).isFalse();
            workAt(harness, tomorrow).renewStaleSerial(ID);

            Withdrawal queried = harness.withdrawal(ID).orElseThrow();
            assertThat(queried.serial()).isEqualTo(requested.serial());
            assertThat(queried.nextAction()).isEqualTo(NextAction.QUERY);
            assertThat(serials.serialsOf(ID)).singleElement().satisfies(s -> assertThat(s.sentCount()).isOne());
        }
    }

    private static Withdrawal requested(OrchestratorHarness harness) {
        harness.sendRequest(ID, request(ID, "6666000000000001", "5.00", "D0"));
        await().atMost(OrchestratorHarness.WAIT).until(() -> harness.withdrawal(ID).isPresent());
        return harness.withdrawal(ID).orElseThrow();
    }

    private static DueWork.Claimed claimOne(DueWork dueWork, Instant now) {
        List<DueWork.Claimed> claimed = dueWork.claim(OWNER, now, now.plusSeconds(30),
                SerialNumbers.reqDate(now), 10);
        assertThat(claimed).hasSize(1);
        return claimed.get(0);
    }

    private static Evidence accepted(Withdrawal sent, String text) {
        return new Evidence(EvidenceKind.SYNC_PROCESSING, sent.serial(), "00000000", text, "hf-1", null, null,
                "trans_stat=P", false);
    }

    /** The harness runs no workers; its beans make the step that a worker would run at {@code now}. */
    private static WithdrawalWork workAt(OrchestratorHarness harness, Instant now) {
        return new WithdrawalWork(harness.bean(Withdrawals.class), harness.bean(WithdrawalSerials.class),
                harness.bean(WithdrawalHistory.class), harness.bean(Transitions.class), harness.bean(NextStep.class),
                harness.bean(TransactionTemplate.class), Clock.fixed(now, ZoneOffset.UTC));
    }
}
