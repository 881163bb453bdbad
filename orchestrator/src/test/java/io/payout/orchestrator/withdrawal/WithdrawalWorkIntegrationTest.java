package io.payout.orchestrator.withdrawal;

import static io.payout.orchestrator.OrchestratorHarness.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.payout.model.EventSource;
import io.payout.model.WithdrawalStatus;
import io.payout.model.WithdrawalStatusChanged;
import io.payout.orchestrator.OrchestratorHarness;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * The unit of work on a real database: each change of a withdrawal writes its row (version checked), its history
 * and its outcome events together, or nothing at all.
 */
class WithdrawalWorkIntegrationTest {

    private static final String HUIFU_ID = "6666000000000001";
    private static OrchestratorHarness orchestrator;

    @BeforeAll
    static void start() {
        orchestrator = new OrchestratorHarness().start(); // its submission workers are off
    }

    @AfterAll
    static void stop() {
        orchestrator.close();
    }

    @Test
    void aNoticeMovesTheRowAndWritesItsHistoryAndItsEventsTogether() {
        Withdrawal w = requested("work-1");
        WithdrawalWork work = orchestrator.bean(WithdrawalWork.class);

        Applied applied = work.applyEvidence(w.withdrawalId(), notice(EvidenceKind.ACCOUNTING_DEBITED, w));

        Withdrawal after = orchestrator.withdrawal(w.withdrawalId()).orElseThrow();
        assertThat(after.status()).isEqualTo(WithdrawalStatus.ACCOUNTED);
        assertThat(after.version()).isEqualTo(w.version() + 1);
        assertThat(after.nextAction()).as("the follow-up query").isEqualTo(NextAction.QUERY);
        assertThat(applied.entered()).containsExactly(WithdrawalStatus.PROCESSING, WithdrawalStatus.ACCOUNTED);
        assertThat(orchestrator.history(w.withdrawalId())).extracting(HistoryRow::to)
                .containsExactly(WithdrawalStatus.REQUESTED, WithdrawalStatus.PROCESSING, WithdrawalStatus.ACCOUNTED);
        List<String> events = orchestrator.awaitOutcomes(seen -> seen.stream()
                        .filter(r -> r.key().equals(w.withdrawalId())).count() == 3).stream()
                .filter(r -> r.key().equals(w.withdrawalId())).map(ConsumerRecord::value).toList();
        // The events are written by hand (StatusChangedJson): the text is what the service's own mapper writes.
        JsonMapper mapper = orchestrator.bean(JsonMapper.class);
        assertThat(events).allSatisfy(json -> assertThat(
                mapper.writeValueAsString(mapper.readValue(json, WithdrawalStatusChanged.class))).isEqualTo(json));
    }

    @Test
    void aRefusedOperatorMoveWritesNothing() {
        Withdrawal w = requested("work-2");
        WithdrawalWork work = orchestrator.bean(WithdrawalWork.class);
        work.applyEvidence(w.withdrawalId(), notice(EvidenceKind.RESULT_PAID, w));
        Withdrawal paid = orchestrator.withdrawal(w.withdrawalId()).orElseThrow();

        assertThatThrownBy(() -> work.applyEvidence(w.withdrawalId(),
                Evidence.of(EvidenceKind.RESOLVE_FAILED, null, "OPERATOR_RESOLVED", "ops: test", "resolve")))
                .isInstanceOf(ResolveRefusedException.class).hasMessageContaining("final");
        assertThat(orchestrator.withdrawal(w.withdrawalId())).contains(paid);
        assertThat(orchestrator.history(w.withdrawalId())).hasSize(4);
    }

    @Test
    void theSameContradictionIsRaisedOnceAndRecordedEachTime() {
        Withdrawal w = requested("work-3");
        WithdrawalWork work = orchestrator.bean(WithdrawalWork.class);
        work.applyEvidence(w.withdrawalId(), notice(EvidenceKind.RESULT_PAID, w));

        work.applyEvidence(w.withdrawalId(), notice(EvidenceKind.ACCOUNTING_FAILED, w));
        work.applyEvidence(w.withdrawalId(), notice(EvidenceKind.ACCOUNTING_FAILED, w));

        Withdrawal flagged = orchestrator.withdrawal(w.withdrawalId()).orElseThrow();
        assertThat(flagged.attention()).isTrue();
        assertThat(flagged.attentionReason()).isEqualTo("debit failure after success");
        assertThat(orchestrator.history(w.withdrawalId())).filteredOn(h -> h.to() == null)
                .extracting(HistoryRow::reason)
                .containsExactly("ACCOUNTING_FAILED; debit failure after success",
                        "ACCOUNTING_FAILED; debit failure after success");
    }

    @Test
    void aQueryAnswerAboutAnEarlierSerialIsIgnored() {
        Withdrawal w = sent(requested("work-4"));
        WithdrawalWork work = orchestrator.bean(WithdrawalWork.class);
        SerialKey earlier = new SerialKey(HUIFU_ID, w.reqDate(), "not-the-current-one");

        work.applyQueryAnswer(w.withdrawalId(), new Evidence(EvidenceKind.QUERY_SUCCESS, earlier, "00000000", null,
                null, null, null, "query trans_status=S", false));

        assertThat(orchestrator.withdrawal(w.withdrawalId())).contains(w);
    }

    @Test
    void twoNotFoundAnswersTheSpacingApartAfterTheDateChangedGiveANewSerial() {
        Withdrawal w = sent(requested("work-5"));
        Instant tomorrow = Instant.now().truncatedTo(ChronoUnit.MILLIS).plus(Duration.ofDays(1));
        Duration spacing = orchestrator.bean(io.payout.orchestrator.submission.SubmissionProperties.class)
                .notFoundSpacing();
        Evidence notFound = Evidence.of(EvidenceKind.QUERY_NOT_FOUND, w.serial(), "20000004", "交易不存在",
                "query not found");

        workAt(tomorrow).applyQueryAnswer(w.withdrawalId(), notFound);
        Withdrawal once = orchestrator.withdrawal(w.withdrawalId()).orElseThrow();
        assertThat(once.serial()).isEqualTo(w.serial());
        assertThat(once.nextAction()).isEqualTo(NextAction.QUERY);
        assertThat(once.nextActionAt()).isEqualTo(tomorrow.plus(spacing));

        workAt(tomorrow.plus(spacing)).applyQueryAnswer(w.withdrawalId(), notFound);
        Withdrawal renewed = orchestrator.withdrawal(w.withdrawalId()).orElseThrow();
        assertThat(renewed.reqSeqId()).isNotEqualTo(w.reqSeqId());
        assertThat(renewed.reqDate()).isEqualTo(SerialNumbers.reqDate(tomorrow.plus(spacing)));
        assertThat(renewed.nextAction()).isEqualTo(NextAction.SUBMIT);
        assertThat(renewed.status()).isEqualTo(WithdrawalStatus.REQUESTED);
        assertThat(orchestrator.history(w.withdrawalId())).filteredOn(h -> h.source() == EventSource.QUERY)
                .hasSize(2);
    }

    private static Withdrawal requested(String id) {
        orchestrator.sendRequest(id, request(id, HUIFU_ID, "5.00", "D0"));
        await().atMost(OrchestratorHarness.WAIT).until(() -> orchestrator.withdrawal(id).isPresent());
        return orchestrator.withdrawal(id).orElseThrow();
    }

    /** As the workers' claim leaves a send: counted on its serial (whose row it writes) and marked. */
    private static Withdrawal sent(Withdrawal w) {
        Instant now = Instant.now();
        orchestrator.bean(DueWork.class).claim("test", now, now.plusSeconds(30), w.reqDate(), 100);
        Withdrawal sent = orchestrator.withdrawal(w.withdrawalId()).orElseThrow();
        assertThat(orchestrator.bean(WithdrawalSerials.class).serialsOf(w.withdrawalId()))
                .singleElement().satisfies(s -> assertThat(s.sentCount()).isOne());
        // accepted long ago, so that no poll schedule or horizon depends on when the test runs
        orchestrator.bean(JdbcClient.class).sql("update withdrawals set created_at = ? where withdrawal_id = ?")
                .params(Timestamp.from(now.minusSeconds(60)), w.withdrawalId()).update();
        return orchestrator.withdrawal(sent.withdrawalId()).orElseThrow();
    }

    private static Evidence notice(EvidenceKind kind, Withdrawal w) {
        return new Evidence(kind, w.serial(), "00000000", null, "hf-1", null, null, "notice " + kind, false);
    }

    private static WithdrawalWork workAt(Instant now) {
        return new WithdrawalWork(orchestrator.bean(Withdrawals.class), orchestrator.bean(WithdrawalSerials.class),
                orchestrator.bean(WithdrawalHistory.class), orchestrator.bean(Transitions.class),
                orchestrator.bean(NextStep.class), orchestrator.bean(TransactionTemplate.class),
                Clock.fixed(now, ZoneOffset.UTC));
    }
}
