package io.payout.orchestrator.reconciliation;

import static io.payout.orchestrator.OrchestratorHarness.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.payout.model.Amount;
import io.payout.model.EventSource;
import io.payout.model.IntoAcctDateType;
import io.payout.model.WithdrawalStatus;
import io.payout.orchestrator.e2e.HuifuStack;
import io.payout.model.calendar.WorkingDays;
import io.payout.orchestrator.withdrawal.PollSchedule;
import io.payout.orchestrator.ops.OperationsClient;
import io.payout.orchestrator.withdrawal.HistoryRow;
import io.payout.orchestrator.withdrawal.SerialNumbers;
import io.payout.orchestrator.withdrawal.Withdrawal;
import io.payout.sandbox.behavior.FaultRates;
import io.payout.sandbox.behavior.FaultSettings;
import io.payout.sandbox.ledger.AccountSpec;
import io.payout.testkit.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import tools.jackson.databind.JsonNode;

/**
 * Every notification dropped by the sandbox: withdrawals of every cash type reach the sandbox's true state by
 * queries alone, on compressed clocks (one business day = 6 real seconds on both sides), then the daily report
 * and the operations API against the same withdrawals.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReconciliationIntegrationTest {

    static final double COMPRESSION = 14_400;
    private static final long SEED = 11;
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final String TOKEN = "10004053462";
    private static final String OPS_TOKEN = "ops-secret-for-tests";
    private static final String PAID = "6666000000000101";
    private static final String PAYOUT_FAILS = "6666000000000102";
    private static final String BROKE = "6666000000000103";

    private static HuifuStack stack;
    private static OperationsClient ops;
    private static final Map<String, String> requested = new LinkedHashMap<>();

    @BeforeAll
    static void start() {
        stack = new HuifuStack(Map.of("sandbox.time-compression", COMPRESSION), Map.of(
                "orchestrator.reconciliation.time-compression", COMPRESSION,
                "orchestrator.reconciliation.min-wait", "200ms",
                "orchestrator.reconciliation.daily-cron", "-",
                "orchestrator.submission.follow-up", "1s",
                "orchestrator.submission.failed-confirmation", "1s",
                "orchestrator.ops.token", OPS_TOKEN));
        stack.control().createAccount(AccountSpec.standard(PAID, "100000.00", TOKEN));
        stack.control().createAccount(AccountSpec.standard(PAYOUT_FAILS, "100000.00", TOKEN));
        stack.control().createAccount(AccountSpec.standard(BROKE, "0.50", TOKEN));
        FaultRates dropAll = rates(1, 0);
        stack.control().setFaults(new FaultSettings(SEED, dropAll, Map.of(PAYOUT_FAILS, rates(1, 1))));
        ops = new OperationsClient(stack.orchestrator.server().baseUrl(), OPS_TOKEN);
    }

    private static FaultRates rates(double drop, double payoutFail) {
        return new FaultRates(0, 0, 0, 0, drop, 0, 0, 0, payoutFail, 0);
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void withEveryNotificationDroppedAHundredWithdrawalsReachTheSandboxTruthThroughQueriesAlone() {
        List<String> accounts = List.of(PAID, PAID, PAYOUT_FAILS, BROKE);
        List<Map.Entry<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String id = "recon-" + i;
            String huifuId = accounts.get(i % accounts.size());
            IntoAcctDateType type = IntoAcctDateType.values()[(i / accounts.size()) % 4];
            requested.put(id, huifuId);
            records.add(Map.entry(id, request(id, huifuId, (2 + i % 7) + ".00", type.name())
                    .getBytes(StandardCharsets.UTF_8)));
        }
        TestKafka.sendBytes(stack.orchestrator.requests, records);

        // no settle(): T1 and D1 arrive on the sandbox's own compressed clock
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> requested.keySet().stream()
                .allMatch(id -> stack.orchestrator.withdrawal(id).map(w -> w.status().isFinal()).orElse(false)));

        for (Map.Entry<String, String> entry : requested.entrySet()) {
            Withdrawal w = stack.orchestrator.withdrawal(entry.getKey()).orElseThrow();
            WithdrawalStatus truth = stack.truthOf(w);
            if (truth == WithdrawalStatus.REFUNDED) {
                // A query says only trans_status F: without the 02/01 notices nothing tells a payout booked back
                // from a debit that failed, and the transition table concludes FAILED (the same money outcome).
                assertThat(w.status()).as(entry.getKey()).isIn(WithdrawalStatus.REFUNDED, WithdrawalStatus.FAILED);
            } else {
                assertThat(w.status()).as(entry.getKey()).isEqualTo(truth);
            }
            assertThat(stack.orchestrator.history(entry.getKey())).as(entry.getKey())
                    .extracting(HistoryRow::source).doesNotContain(EventSource.NOTIFICATION);
            assertThat(w.attention()).as(w.attentionReason()).isFalse();
        }
        assertThat(requested.keySet().stream().map(id -> stack.orchestrator.withdrawal(id).orElseThrow().status())
                .distinct()).contains(WithdrawalStatus.SUCCEEDED, WithdrawalStatus.FAILED);
        assertThat(stack.control().withdrawals().stream().flatMap(v -> v.notifications().stream())
                .filter(n -> n.acked())).as("no notice reached the orchestrator").isEmpty();
        assertThat(stack.control().ledger().conserved()).isTrue();
    }

    @Test
    @Order(2)
    void aT1WithdrawalIsQueriedOnlyAHandfulOfTimesBeforeItsExpectedArrival() {
        PollSchedule schedule = new PollSchedule(stack.orchestrator.bean(ReconciliationProperties.class)
                .pollSettings(stack.orchestrator.bean(WorkingDays.class)));
        List<String> t1 = requested.keySet().stream()
                .filter(id -> stack.orchestrator.withdrawal(id).orElseThrow().request().intoAcctDateType()
                        == IntoAcctDateType.T1)
                // paid ones: Huifu answers P until the money arrives (a failed one is settled by the table's F rule)
                .filter(id -> requested.get(id).equals(PAID))
                .toList();
        assertThat(t1).isNotEmpty();
        for (String id : t1) {
            List<HistoryRow> history = stack.orchestrator.history(id);
            Instant accepted = history.get(0).occurredAt();
            // the expected arrival in real time: business time since acceptance divided by the compression
            Duration business = Duration.between(accepted, schedule.expectedArrival(IntoAcctDateType.T1, accepted));
            Instant expected = accepted.plusMillis((long) (business.toMillis() / COMPRESSION));
            long before = history.stream()
                    .filter(h -> h.source() == EventSource.QUERY && h.occurredAt().isBefore(expected))
                    .map(HistoryRow::occurredAt).distinct().count();
            // polled closely (every min-wait) it would be asked some 20 times before the expected arrival
            assertThat(before).as("queries of %s before %s: %s", id, expected, history).isLessThanOrEqualTo(4L);
            assertThat(history).as(id).anyMatch(h -> h.source() == EventSource.QUERY);
        }
    }

    @Test
    @Order(3)
    void aMismatchInjectedInTheSandboxAppearsInTheDailyReport() {
        String id = requested.entrySet().stream().filter(e -> e.getValue().equals(PAID)).findFirst()
                .orElseThrow().getKey();
        Withdrawal w = stack.orchestrator.withdrawal(id).orElseThrow();
        assertThat(w.status()).isEqualTo(WithdrawalStatus.SUCCEEDED);
        stack.control().misreportFee(PAID, w.reqSeqId(), w.feeAmt().plus(Amount.parse("0.01")));
        String date = SerialNumbers.reqDate(Clock.systemUTC().instant());

        JsonNode report = ops.post("/api/reconciliation/" + date, null).json(200);

        assertThat(report.get("business_date").asString()).isEqualTo(date);
        assertThat(report.get("checked").asInt()).isGreaterThanOrEqualTo(requested.size());
        assertThat(report.get("mismatched").asInt()).isEqualTo(1);
        JsonNode mismatch = lines(report).stream().filter(l -> l.get("result").asString().equals("MISMATCH"))
                .findFirst().orElseThrow();
        assertThat(mismatch.get("withdrawal_id").asString()).isEqualTo(id);
        assertThat(mismatch.get("detail").asString()).contains("fee_amt");
        JsonNode stored = ops.get("/api/reconciliation/" + date).json(200);
        assertThat(stored.get("mismatched").asInt()).isEqualTo(1);
        assertThat(stored.get("statement").get("no_breaks").asBoolean()).isTrue();
        String csv = ops.get("/api/reconciliation/" + date + ".csv").text(200);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("withdrawal_id,");
        assertThat(csv.lines().filter(l -> l.startsWith(id + ",")).findFirst().orElseThrow()).contains("MISMATCH");
        assertThat(ops.get("/api/reconciliation/" + date + "?format=csv").text(200)).isEqualTo(csv);
        assertThat(OperationsClient.anonymous(stack.orchestrator.server().baseUrl()).get("/actuator/prometheus")
                .text(200)).containsPattern("reconciliation_mismatches_total\\S* [1-9]");
    }

    @Test
    @Order(4)
    void reconcileQueriesHuifuNowAndRecordsTheAnswerInTheHistory() {
        String id = requested.entrySet().stream().filter(e -> e.getValue().equals(PAYOUT_FAILS)).findFirst()
                .orElseThrow().getKey();
        int before = stack.orchestrator.history(id).size();

        JsonNode answer = ops.post("/api/withdrawals/" + id + "/reconcile", null).json(200);

        assertThat(answer.get("answer").get("kind").asString()).isEqualTo("FOUND");
        assertThat(answer.get("answer").get("trans_status").asString()).isEqualTo("F");
        assertThat(answer.get("withdrawal").get("status").asString())
                .isEqualTo(stack.orchestrator.withdrawal(id).orElseThrow().status().name()).isIn("REFUNDED", "FAILED");
        List<HistoryRow> history = stack.orchestrator.history(id);
        assertThat(history).hasSize(before + 1);
        assertThat(history.get(history.size() - 1).source()).isEqualTo(EventSource.QUERY);
        assertThat(ops.post("/api/withdrawals/nobody/reconcile", null).status()).isEqualTo(404);
    }

    private static List<JsonNode> lines(JsonNode report) {
        List<JsonNode> lines = new ArrayList<>();
        report.get("lines").forEach(lines::add);
        return lines;
    }
}
