package io.payout.orchestrator.e2e;

import static io.payout.orchestrator.OrchestratorHarness.header;
import static io.payout.orchestrator.OrchestratorHarness.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.payout.model.EventSource;
import io.payout.model.IntoAcctDateType;
import io.payout.model.WithdrawalStatus;
import io.payout.model.schema.ContractSchemas;
import io.payout.orchestrator.OrchestratorHarness;
import io.payout.orchestrator.withdrawal.Withdrawal;
import io.payout.orchestrator.withdrawal.WithdrawalSerials;
import io.payout.sandbox.api.SerialView;
import io.payout.sandbox.behavior.Fault;
import io.payout.sandbox.behavior.FaultRates;
import io.payout.sandbox.behavior.FaultSettings;
import io.payout.sandbox.ledger.AccountSpec;
import io.payout.sandbox.lifecycle.WithdrawalView;
import io.payout.testkit.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Withdrawals through the orchestrator, the real broker and database, the Huifu sandbox and the callback gateway.
 * Every withdrawal must end in the sandbox's true state, along one of the contract's paths, each event_id once.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WithdrawalEndToEndIntegrationTest {

    private static final long SEED = 7;
    private static final Duration WAIT = Duration.ofSeconds(120);
    private static final String TOKEN = "10004053462";
    private static final List<List<WithdrawalStatus>> CONTRACT_PATHS = WithdrawalStatus.PATHS;

    /** One sandbox account per scenario, with its fault switched on for that account only. */
    private enum Scenario {
        NORMAL("6666000000000001", "100000.00", rates(0, 0, 0, 0, 0)),
        PAYOUT_FAILURE("6666000000000002", "100000.00", rates(0, 0, 0, 0, 1)),
        INSUFFICIENT_BALANCE("6666000000000003", "0.50", rates(0, 0, 0, 0, 0)),
        NOTIFICATION_DROP("6666000000000004", "100000.00", rates(0, 1, 0, 0, 0)),
        DUPLICATE("6666000000000005", "100000.00", rates(0, 0, 1, 0, 0)),
        REORDER("6666000000000006", "100000.00", rates(0, 0, 0, 1, 0)),
        NEVER_ANSWERED("6666000000000007", "100000.00", rates(0, 1, 0, 0, 0)),
        ANSWER_AFTER_NOTICES("6666000000000009", "100000.00", rates(0, 0, 0, 0, 0)),
        RESTART("6666000000000008", "100000.00", rates(0, 0, 0, 0, 0));

        final String huifuId;
        final String balance;
        final FaultRates rates;

        Scenario(String huifuId, String balance, FaultRates rates) {
            this.huifuId = huifuId;
            this.balance = balance;
            this.rates = rates;
        }

        private static FaultRates rates(double noAnswer, double drop, double duplicate, double reorder,
                                        double payoutFail) {
            return new FaultRates(noAnswer, 0, 0, 0, drop, duplicate, reorder, 0, payoutFail, 0);
        }
    }

    private static HuifuStack stack;

    @BeforeAll
    static void start() {
        stack = new HuifuStack(Map.of());
        Map<String, FaultRates> perAccount = new HashMap<>();
        for (Scenario s : Scenario.values()) {
            stack.control().createAccount(AccountSpec.standard(s.huifuId, s.balance, TOKEN));
            perAccount.put(s.huifuId, s.rates);
        }
        stack.control().setFaults(new FaultSettings(SEED, FaultRates.NONE, perAccount));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void twoHundredWithdrawalsOverEveryCashTypeAndScenarioEndInTheSandboxTrueState() {
        List<Scenario> scenarios = List.of(Scenario.NORMAL, Scenario.PAYOUT_FAILURE, Scenario.INSUFFICIENT_BALANCE,
                Scenario.NOTIFICATION_DROP, Scenario.DUPLICATE, Scenario.REORDER);
        Map<String, Scenario> requested = new LinkedHashMap<>();
        for (int i = 0; i < 200; i++) {
            Scenario scenario = scenarios.get(i % scenarios.size());
            requested.put("e2e-" + i, scenario);
        }
        send(requested, i -> IntoAcctDateType.values()[(i / 6) % 4]);

        awaitAllFinal(requested.keySet());

        Map<String, List<ConsumerRecord<String, String>>> events = awaitFinalEvents(requested.keySet());
        assertEachEventIdOnce(requested.keySet());
        for (Map.Entry<String, Scenario> entry : requested.entrySet()) {
            String id = entry.getKey();
            Withdrawal w = withdrawal(id);
            assertThat(w.status()).as(id + " " + stack.control().serials(w.request().huifuId()).stream()
                    .filter(v -> v.reqSeqId().equals(w.reqSeqId())).toList() + " "
                    + stack.control().withdrawals(w.request().huifuId()).stream()
                    .filter(v -> v.reqSeqId().equals(w.reqSeqId())).toList()).isEqualTo(truthOf(w));
            assertThat(path(events.get(id))).as("path of " + id).isIn(CONTRACT_PATHS);
            assertThat(w.attention()).as("attention of " + id + ": " + w.attentionReason()).isFalse();
            switch (entry.getValue()) {
                case NORMAL, DUPLICATE, REORDER, NOTIFICATION_DROP ->
                        assertThat(w.status()).as(id).isEqualTo(WithdrawalStatus.SUCCEEDED);
                case PAYOUT_FAILURE -> assertThat(w.status()).as(id).isEqualTo(WithdrawalStatus.REFUNDED);
                case INSUFFICIENT_BALANCE -> assertThat(w.status()).as(id).isEqualTo(WithdrawalStatus.FAILED);
                default -> { }
            }
            if (entry.getValue() == Scenario.NOTIFICATION_DROP) {
                // no notification ever came: the follow-up queries found the truth
                assertThat(sources(events.get(id))).as(id).contains(EventSource.QUERY)
                        .doesNotContain(EventSource.NOTIFICATION);
            }
        }
        assertThat(stack.control().ledger().conserved()).isTrue();
        everyRecordMatchesTheContractSchema();
    }

    /** What the orchestrator published and the gateway passed on, each record against its message's schema. */
    private static void everyRecordMatchesTheContractSchema() {
        List<ConsumerRecord<String, String>> outcomes = TestKafka.readAll(stack.orchestrator.outcomes);
        List<ConsumerRecord<String, String>> notices = TestKafka.readAll(stack.orchestrator.notifications);
        assertThat(outcomes).isNotEmpty();
        assertThat(notices).isNotEmpty();
        outcomes.forEach(r -> assertThat(ContractSchemas.WITHDRAWAL_STATUS_CHANGED.errors(r.value()))
                .as(r.value()).isEmpty());
        notices.forEach(r -> assertThat(ContractSchemas.HUIFU_NOTIFICATION.errors(r.value())).as(r.key()).isEmpty());
    }

    @Test
    @Order(2)
    void sandboxThatProcessesButNeverAnswersIsResolvedByQueryWithoutASecondAcceptance() {
        // the answers are withheld past the 2 s read timeout; the notices are dropped, queries still answer
        Map<String, Scenario> requested = answersWithheld("silent-", Scenario.NEVER_ANSWERED, 16);
        send(requested, i -> IntoAcctDateType.values()[i % 4]);

        awaitAllFinal(requested.keySet());

        Map<String, List<ConsumerRecord<String, String>>> events = awaitFinalEvents(requested.keySet());
        List<WithdrawalView> accepted = stack.control().withdrawals(Scenario.NEVER_ANSWERED.huifuId);
        for (String id : requested.keySet()) {
            Withdrawal w = withdrawal(id);
            Set<String> serials = stack.orchestrator.bean(WithdrawalSerials.class).serialsOf(id).stream()
                    .map(s -> s.key().reqSeqId()).collect(Collectors.toSet());
            assertThat(accepted.stream().filter(v -> serials.contains(v.reqSeqId())).count())
                    .as("serials of %s accepted by the sandbox", id).isEqualTo(1);
            assertThat(w.status()).as(id).isEqualTo(truthOf(w));
            assertThat(path(events.get(id))).as(id).isIn(CONTRACT_PATHS);
            ConsumerRecord<String, String> processing = events.get(id).stream()
                    .filter(r -> "PROCESSING".equals(header(r, "status"))).findFirst().orElseThrow();
            assertThat(processing.value()).as(id).contains("\"source\":\"QUERY\"");
        }
        assertEachEventIdOnce(requested.keySet());
    }

    @Test
    @Order(2)
    void anAnswerThatComesAfterTheNoticesIsRecordedOnTheRowTheNoticesMoved() {
        // the answers are withheld past the 2 s read timeout; the notices (50 ms, 50 ms) are not
        Map<String, Scenario> requested = answersWithheld("late-answer-", Scenario.ANSWER_AFTER_NOTICES, 4);
        send(requested, i -> IntoAcctDateType.D0);

        awaitAllFinal(requested.keySet());

        Map<String, List<ConsumerRecord<String, String>>> events = awaitFinalEvents(requested.keySet());
        WithdrawalSerials withdrawals = stack.orchestrator.bean(WithdrawalSerials.class);
        for (String id : requested.keySet()) {
            assertThat(withdrawal(id).status()).as(id).isEqualTo(WithdrawalStatus.SUCCEEDED);
            assertThat(sources(events.get(id))).as(id).containsOnly(EventSource.REQUEST, EventSource.NOTIFICATION);
            // the row had moved since the send, so the answer was applied to it read again under lock
            await().atMost(WAIT).untilAsserted(() -> assertThat(withdrawals.serialsOf(id).get(0).submitOutcome())
                    .as(id).isEqualTo("SYNC_UNKNOWN"));
        }
        assertEachEventIdOnce(requested.keySet());
    }

    @Test
    @Order(3)
    void stoppingTheOrchestratorMidRunAndStartingANewOneCompletesEveryWithdrawalWithStableEventIds() {
        Map<String, Scenario> requested = new LinkedHashMap<>();
        for (int i = 0; i < 60; i++) {
            requested.put("restart-" + i, Scenario.RESTART);
        }
        send(requested, i -> IntoAcctDateType.values()[i % 4]);
        await().atMost(WAIT).until(() -> requested.keySet().stream()
                .map(id -> stack.orchestrator.withdrawal(id)).filter(Optional::isPresent)
                .filter(w -> w.get().status() != WithdrawalStatus.REQUESTED).count() >= 10);

        stack.orchestrator.restart();

        awaitAllFinal(requested.keySet());
        Map<String, List<ConsumerRecord<String, String>>> events = awaitFinalEvents(requested.keySet());
        for (String id : requested.keySet()) {
            Withdrawal w = withdrawal(id);
            assertThat(w.status()).as(id).isEqualTo(truthOf(w));
            List<ConsumerRecord<String, String>> distinct = distinctByEventId(events.get(id));
            assertThat(path(distinct)).as(id).isIn(CONTRACT_PATHS);
            // a re-send after the restart repeats the event_id; a transition never gets a second one
            Map<String, Long> idsPerStatus = distinct.stream()
                    .collect(Collectors.groupingBy(r -> header(r, "status"), Collectors.counting()));
            assertThat(idsPerStatus.values()).as(id).allMatch(n -> n == 1);
        }
    }

    /** Withdrawals of one scenario whose encashments are processed but answered with nothing (one-shot faults). */
    private static Map<String, Scenario> answersWithheld(String prefix, Scenario scenario, int count) {
        Map<String, Scenario> requested = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            requested.put(prefix + i, scenario);
            stack.control().nextFault(Fault.NO_ANSWER, scenario.huifuId);
        }
        return requested;
    }

    private static void send(Map<String, Scenario> requested, java.util.function.IntFunction<IntoAcctDateType> type) {
        List<Map.Entry<String, byte[]>> records = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, Scenario> entry : requested.entrySet()) {
            // at least 2.00: the standard account charges 1.00 + 0.05%, so 1.00 would leave nothing to pay out
            String amount = (2 + i % 9) + "." + String.format("%02d", i % 100);
            records.add(Map.entry(entry.getKey(), request(entry.getKey(), entry.getValue().huifuId, amount,
                    type.apply(i).name()).getBytes(StandardCharsets.UTF_8)));
            i++;
        }
        TestKafka.sendBytes(stack.orchestrator.requests, records);
    }

    private static void awaitAllFinal(Set<String> ids) {
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).until(() -> {
            // T1/D1 settle on the sandbox's compressed clock; settle() finishes whatever is due now
            stack.control().settle();
            return ids.stream().allMatch(id -> stack.orchestrator.withdrawal(id)
                    .map(w -> w.status().isFinal()).orElse(false));
        });
    }

    private static Map<String, List<ConsumerRecord<String, String>>> awaitFinalEvents(Set<String> ids) {
        List<ConsumerRecord<String, String>> all = stack.orchestrator.awaitOutcomes(seen -> {
            Set<String> finished = seen.stream()
                    .filter(r -> WithdrawalStatus.valueOf(header(r, "status")).isFinal())
                    .map(ConsumerRecord::key).collect(Collectors.toSet());
            return finished.containsAll(ids);
        });
        return all.stream().filter(r -> ids.contains(r.key()))
                .collect(Collectors.groupingBy(ConsumerRecord::key, LinkedHashMap::new, Collectors.toList()));
    }

    private static void assertEachEventIdOnce(Set<String> ids) {
        Map<String, Long> perEventId = TestKafka.readAll(stack.orchestrator.outcomes).stream()
                .filter(r -> ids.contains(r.key()))
                .collect(Collectors.groupingBy(r -> header(r, "event_id"), Collectors.counting()));
        assertThat(perEventId.values()).allMatch(n -> n == 1);
    }

    private static List<ConsumerRecord<String, String>> distinctByEventId(List<ConsumerRecord<String, String>> records) {
        Map<String, ConsumerRecord<String, String>> first = new LinkedHashMap<>();
        records.forEach(r -> first.putIfAbsent(header(r, "event_id"), r));
        return new ArrayList<>(first.values());
    }

    private static List<WithdrawalStatus> path(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> WithdrawalStatus.valueOf(header(r, "status"))).toList();
    }

    private static List<EventSource> sources(List<ConsumerRecord<String, String>> records) {
        return records.stream().map(r -> {
            String value = r.value();
            int at = value.indexOf("\"source\":\"") + 10;
            return EventSource.valueOf(value.substring(at, value.indexOf('"', at)));
        }).toList();
    }

    private static Withdrawal withdrawal(String id) {
        return stack.orchestrator.withdrawal(id).orElseThrow();
    }

    private static WithdrawalStatus truthOf(Withdrawal w) {
        return stack.truthOf(w);
    }
}
