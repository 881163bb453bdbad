package io.payout.orchestrator.notification;

import static io.payout.orchestrator.OrchestratorHarness.header;
import static io.payout.orchestrator.OrchestratorHarness.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.payout.model.Amount;
import io.payout.model.EventSource;
import io.payout.model.Topics;
import io.payout.model.WithdrawalStatus;
import io.payout.model.huifu.HuifuKeys;
import io.payout.orchestrator.OrchestratorHarness;
import io.payout.orchestrator.ops.OperationsClient;
import io.payout.orchestrator.withdrawal.HistoryRow;
import io.payout.orchestrator.withdrawal.SerialKey;
import io.payout.orchestrator.withdrawal.SerialNumbers;
import io.payout.orchestrator.withdrawal.Withdrawal;
import io.payout.testkit.TestKafka;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Notifications applied with the real broker and database, before any synchronous answer (submission is off):
 * 02/01 in any order, duplicates, unknown serials, amount mismatches, bad signatures.
 */
class NotificationApplicationIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static OrchestratorHarness orchestrator;

    private static final String OPS_TOKEN = "ops-token-under-test";
    private static OperationsClient ops;

    @BeforeAll
    static void start() {
        orchestrator = new OrchestratorHarness(HuifuKeys.generate(), Map.of("orchestrator.ops.token", OPS_TOKEN))
                .start();
        ops = new OperationsClient(orchestrator.server().baseUrl(), OPS_TOKEN);
    }

    @AfterAll
    static void stop() {
        orchestrator.close();
    }

    @Test
    void resultBeforeAccountingEntersEverySkippedStateInOrderAndTheLateAccountingIsOnlyRecorded() {
        Withdrawal w = requested("order-1", "100.00");

        deliver(notice(w, "01", "S", "S", "100.00", "1.05"));
        List<ConsumerRecord<String, String>> events = awaitStatuses("order-1", 4);
        assertThat(events).extracting(r -> header(r, "status"))
                .containsExactly("REQUESTED", "PROCESSING", "ACCOUNTED", "SUCCEEDED");
        assertThat(events.subList(1, 4)).allSatisfy(r ->
                assertThat(JSON.readTree(r.value()).get("source").asString()).isEqualTo("NOTIFICATION"));
        assertThat(JSON.readTree(events.get(3).value()).get("fee_amt").asString()).isEqualTo("1.05");

        deliver(notice(w, "02", "P", "S", "100.00", "1.05"));
        await().atMost(OrchestratorHarness.WAIT).until(() -> orchestrator.history("order-1").size() == 5);
        HistoryRow late = orchestrator.history("order-1").get(4);
        assertThat(late.to()).isNull();
        assertThat(late.source()).isEqualTo(EventSource.NOTIFICATION);
        assertThat(orchestrator.withdrawal("order-1").orElseThrow().status()).isEqualTo(WithdrawalStatus.SUCCEEDED);
        assertThat(orchestrator.withdrawal("order-1").orElseThrow().attention()).isFalse();
    }

    @Test
    void accountingThenFailureWithBookingBackEndsRefunded() {
        Withdrawal w = requested("refund-1", "20.00");

        deliver(notice(w, "02", "P", "S", "20.00", "1.01"));
        awaitStatuses("refund-1", 3);
        deliver(notice(w, "01", "F", "B", "20.00", "1.01"));

        List<ConsumerRecord<String, String>> events = awaitStatuses("refund-1", 4);
        assertThat(events).extracting(r -> header(r, "status"))
                .containsExactly("REQUESTED", "PROCESSING", "ACCOUNTED", "REFUNDED");
        assertThat(JSON.readTree(events.get(3).value()).get("reason_code").asString()).isEqualTo("10000001");
    }

    @Test
    void failureWithoutBookingBackEndsFailedWithoutAccounted() {
        Withdrawal w = requested("fail-1", "30.00");

        deliver(notice(w, "01", "F", "F", "30.00", "0.00"));

        assertThat(awaitStatuses("fail-1", 3)).extracting(r -> header(r, "status"))
                .containsExactly("REQUESTED", "PROCESSING", "FAILED");
    }

    @Test
    void aNoticeWithoutHuifuIdIsMatchedByItsSerialAndApplied() {
        Withdrawal w = requested("no-huifu-id-1", "50.00");
        Map<String, String> paid = respData(w.serial(), "01", "S", "S", "50.00", "1.00");
        paid.remove("huifu_id"); // optional in the notice (PROTOCOL.md §4.2)

        deliver(signed(paid));

        assertThat(awaitStatuses("no-huifu-id-1", 4)).extracting(r -> header(r, "status"))
                .containsExactly("REQUESTED", "PROCESSING", "ACCOUNTED", "SUCCEEDED");
        Withdrawal after = orchestrator.withdrawal("no-huifu-id-1").orElseThrow();
        assertThat(after.attention()).as(after.attentionReason()).isFalse();
        assertThat(after.hfSeqId()).isEqualTo("0029HF" + w.reqSeqId());
    }

    @Test
    void aSignedNoticeThatCannotBeStoredIsQuarantinedAndTheNoticesBehindItAreApplied() {
        Withdrawal behind = requested("behind-poison-1", "60.00");
        double before = quarantinedCount();
        // authentic (signed by Huifu's key) but for a serial no one knows, with a req_seq_id longer than any column
        // can keep: it can be neither applied nor kept for later
        Map<String, String> poison = respData(new SerialKey("6666000123456789", behind.reqDate(), "x".repeat(300)),
                "02", "P", "S", "60.00", "0.60");

        deliver(signed(poison));
        deliver(notice(behind, "01", "S", "S", "60.00", "0.60"));

        // the notice behind it on the same partition (the harness's topics have one) is applied within seconds
        await().atMost(Duration.ofSeconds(20)).until(() -> orchestrator.withdrawal("behind-poison-1")
                .orElseThrow().status() == WithdrawalStatus.SUCCEEDED);
        JsonNode quarantined = awaitQuarantined(orchestrator.notifications);
        assertThat(quarantined.get("reason").asString()).contains("too long");
        assertThat(quarantined.get("value").asString()).contains("x".repeat(300));
        assertThat(quarantinedCount() - before).isEqualTo(1.0);
        TestKafka.awaitRecords(orchestrator.notifications + ".quarantine", seen -> !seen.isEmpty(),
                OrchestratorHarness.WAIT);

        OperationsClient.Response replay = ops.post("/api/quarantine/" + quarantined.get("id").asLong() + "/replay",
                "{\"actor\":\"ops: still broken\"}");
        assertThat(replay.status()).as(replay.body()).isEqualTo(409);
        assertThat(replay.body()).contains("still cannot be processed");
    }

    @Test
    void aNoticeTheGatewaySetAsideIsListedWithTheQuarantinedRecords() {
        String quarantineTopic = Topics.quarantineOf(orchestrator.notifications);
        Map<String, String> data = respData(new SerialKey("6666000123456789", "20251204", "set-aside-1"), "02", "P",
                "S", "10.00", "0.10");
        data.put("req_date", "2025-12-04");
        ProducerRecord<String, String> record = new ProducerRecord<>(quarantineTopic, ":set-aside-1", signed(data));
        // as the gateway publishes it (NoticeFields there)
        record.headers().add(Topics.HEADER_QUARANTINED_BY, "gateway".getBytes(StandardCharsets.UTF_8));
        record.headers().add(Topics.HEADER_REASON, "req_date is not eight digits".getBytes(StandardCharsets.UTF_8));
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers()),
                new StringSerializer(), new StringSerializer())) {
            producer.send(record).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }

        JsonNode quarantined = awaitQuarantined(quarantineTopic);
        assertThat(quarantined.get("reason").asString())
                .isEqualTo("set aside by the gateway: req_date is not eight digits");
        assertThat(quarantined.get("value").asString()).contains("set-aside-1");
    }

    @Test
    void duplicateNotificationIsAppliedOnce() {
        Withdrawal w = requested("dup-1", "40.00");
        String accounting = notice(w, "02", "P", "S", "40.00", "1.02");

        deliver(accounting);
        deliver(accounting);
        deliver(notice(w, "01", "S", "S", "40.00", "1.02"));

        awaitStatuses("dup-1", 4);
        // REQUESTED, PROCESSING, ACCOUNTED, SUCCEEDED: the repeated 02 left no trace at all (inbox)
        assertThat(orchestrator.history("dup-1")).hasSize(4);
    }

    @Test
    void notificationForAnUnknownSerialIsKeptAndAppliedOnceTheSerialIsKnown() {
        SerialKey serial = new SerialKey("6666000123456789", SerialNumbers.reqDate(Instant.now()),
                "UNKNOWNSERIAL0000000000000000001");
        Map<String, String> respData = respData(serial, "01", "S", "S", "15.00", "1.00");
        deliver(signed(respData));
        NotificationInbox inbox = orchestrator.bean(NotificationInbox.class);
        await().atMost(OrchestratorHarness.WAIT).until(() -> inbox.pendingCount() == 1);

        createWithSerial("late-serial-1", "15.00", serial);

        List<ConsumerRecord<String, String>> events = awaitStatuses("late-serial-1", 4);
        assertThat(events).extracting(r -> header(r, "status"))
                .containsExactly("REQUESTED", "PROCESSING", "ACCOUNTED", "SUCCEEDED");
        await().atMost(OrchestratorHarness.WAIT).until(() -> inbox.pendingCount() == 0);
    }

    @Test
    void amountThatDiffersFromTheRequestFlagsTheWithdrawalForAttention() {
        Withdrawal w = requested("amount-1", "50.00");

        deliver(notice(w, "02", "P", "S", "55.00", "1.00"));

        awaitStatuses("amount-1", 3);
        Withdrawal after = orchestrator.withdrawal("amount-1").orElseThrow();
        assertThat(after.status()).isEqualTo(WithdrawalStatus.ACCOUNTED);
        assertThat(after.attention()).isTrue();
        assertThat(after.attentionReason()).contains("55.00");
    }

    @Test
    void successAfterRefundIsRecordedAndFlaggedButNeverChangesTheFinalState() {
        Withdrawal w = requested("contra-1", "60.00");
        deliver(notice(w, "01", "F", "B", "60.00", "0.00"));
        awaitStatuses("contra-1", 4);

        deliver(notice(w, "01", "S", "S", "60.00", "0.00"));

        await().atMost(OrchestratorHarness.WAIT).until(() -> orchestrator.withdrawal("contra-1").orElseThrow()
                .attention());
        assertThat(orchestrator.withdrawal("contra-1").orElseThrow().status()).isEqualTo(WithdrawalStatus.REFUNDED);
    }

    @Test
    void anOperatorAcknowledgesTheAttentionAndTheSameEvidenceAgainDoesNotRaiseIt() {
        Withdrawal w = requested("ack-1", "65.00");
        deliver(notice(w, "01", "F", "B", "65.00", "0.00"));
        awaitStatuses("ack-1", 4);
        deliver(notice(w, "01", "S", "S", "65.00", "0.00"));
        await().atMost(OrchestratorHarness.WAIT).until(() -> orchestrator.withdrawal("ack-1").orElseThrow()
                .attention());
        String body = "{\"actor\":\"alice\",\"reason\":\"the bank confirmed the refund\"}";

        JsonNode acknowledged = ops.post("/api/withdrawals/ack-1/acknowledge", body).json(200);

        assertThat(acknowledged.get("attention").asBoolean()).isFalse();
        assertThat(acknowledged.get("status").asString()).isEqualTo("REFUNDED");
        JsonNode last = acknowledged.get("history").get(acknowledged.get("history").size() - 1);
        assertThat(last.get("source").asString()).isEqualTo("OPERATOR");
        assertThat(last.get("reason_code").asString()).isEqualTo("ACKNOWLEDGED");
        assertThat(last.get("to").isNull()).isTrue();
        assertThat(last.get("reason").asString()).contains("alice").contains("confirmed the refund");
        assertThat(ops.post("/api/withdrawals/ack-1/acknowledge", body).problem(409).get("detail").asString())
                .contains("not flagged");
        assertThat(ops.post("/api/withdrawals/ack-1/acknowledge", "{\"actor\":\"alice\"}").problem(400)
                .get("detail").asString()).contains("reason is required");
        assertThat(ops.post("/api/withdrawals/nobody/acknowledge", body).status()).isEqualTo(404);

        // Huifu sends the contradicting result once more: recorded in the history, not raised again
        int rows = orchestrator.history("ack-1").size();
        double raised = attentionRaisedCount();
        Map<String, String> again = respData(w.serial(), "01", "S", "S", "65.00", "0.00");
        again.put("sub_resp_desc", "处理成功 (resent)");
        deliver(signed(again));
        await().atMost(OrchestratorHarness.WAIT).until(() -> orchestrator.history("ack-1").size() > rows);
        assertThat(orchestrator.withdrawal("ack-1").orElseThrow().attention()).isFalse();
        assertThat(attentionRaisedCount()).isEqualTo(raised);
        assertThat(awaitStatuses("ack-1", 4)).as("no outcome event for an acknowledgement").hasSize(4);
    }

    @Test
    void notificationWithABadSignatureIsIgnored() {
        Withdrawal w = requested("forged-1", "70.00");
        deliver(OrchestratorHarness.signedNotice(respData(w.serial(), "01", "S", "S", "70.00", "0.00"),
                io.payout.model.huifu.HuifuKeys.generate().getPrivate()));
        // a genuine one after it proves the forged one was processed (and ignored) first
        deliver(notice(w, "02", "P", "S", "70.00", "0.00"));

        awaitStatuses("forged-1", 3);
        assertThat(orchestrator.withdrawal("forged-1").orElseThrow().status()).isEqualTo(WithdrawalStatus.ACCOUNTED);
    }

    @Test
    void unreadableRecordsAreCountedAndSkipped() {
        Withdrawal w = requested("unreadable-1", "80.00");
        MeterRegistry meters = orchestrator.bean(MeterRegistry.class);
        double before = meters.counter("huifu.notifications.unreadable").count();
        deliver("not json");
        deliver("{\"notification_id\":\"x\",\"raw\":\"{}\"}");
        // a genuine one after them proves they were processed (and skipped) first
        deliver(notice(w, "02", "P", "S", "80.00", "0.00"));

        awaitStatuses("unreadable-1", 3);
        assertThat(orchestrator.withdrawal("unreadable-1").orElseThrow().status())
                .isEqualTo(WithdrawalStatus.ACCOUNTED);
        assertThat(meters.counter("huifu.notifications.unreadable").count() - before).isEqualTo(2.0);
    }

    private static Withdrawal requested(String id, String amount) {
        orchestrator.sendRequest(id, request(id, "6666000123456789", amount, "D0"));
        awaitStatuses(id, 1);
        markSent();
        return orchestrator.withdrawal(id).orElseThrow();
    }

    private static void markSent() {
        orchestrator.markDueSent();
    }

    private static void createWithSerial(String id, String amount, SerialKey serial) {
        orchestrator.sendRequest(id, request(id, serial.huifuId(), amount, "D0"));
        awaitStatuses(id, 1);
        // the serial a test chose, as if the orchestrator had assigned it
        orchestrator.bean(JdbcClient.class)
                .sql("update withdrawals set req_date = ?, req_seq_id = ? where withdrawal_id = ?").params(serial.reqDate(), serial.reqSeqId(), id).update();
        markSent();
    }

    private static JsonNode awaitQuarantined(String topic) {
        await().atMost(OrchestratorHarness.WAIT).until(() -> quarantinedOf(topic) != null);
        return quarantinedOf(topic);
    }

    private static JsonNode quarantinedOf(String topic) {
        for (JsonNode record : ops.get("/api/quarantine").json(200)) {
            if (record.get("topic").asString().equals(topic)) {
                return record;
            }
        }
        return null;
    }

    private static double attentionRaisedCount() {
        return orchestrator.bean(MeterRegistry.class).get("withdrawal.attention.raised").counter().count();
    }

    private static double quarantinedCount() {
        var counter = orchestrator.bean(MeterRegistry.class).find("orchestrator.records.quarantined")
                .tag("topic", orchestrator.notifications).counter();
        return counter == null ? 0 : counter.count();
    }

    private static List<ConsumerRecord<String, String>> awaitStatuses(String key, int count) {
        return orchestrator.awaitOutcomes(seen -> seen.stream().filter(r -> key.equals(r.key())).count() >= count)
                .stream().filter(r -> key.equals(r.key())).toList();
    }

    private static String notice(Withdrawal w, String msgType, String transStatus, String acctStatus, String cashAmt,
                                 String feeAmt) {
        return orchestrator.signedNotice(w.serial(), msgType, transStatus, acctStatus, cashAmt, feeAmt);
    }

    private static Map<String, String> respData(SerialKey serial, String msgType, String transStatus,
                                                String acctStatus, String cashAmt, String feeAmt) {
        return OrchestratorHarness.noticeData(serial, msgType, transStatus, acctStatus, cashAmt, feeAmt);
    }

    private static String signed(Map<String, String> respData) {
        return orchestrator.signedNotice(respData);
    }

    private static void deliver(String record) {
        orchestrator.deliverNotice(record);
    }

    static Amount amount(String text) {
        return Amount.parse(text);
    }
}
