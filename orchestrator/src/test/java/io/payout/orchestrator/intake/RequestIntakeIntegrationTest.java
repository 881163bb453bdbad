package io.payout.orchestrator.intake;

import static io.payout.orchestrator.OrchestratorHarness.header;
import static io.payout.orchestrator.OrchestratorHarness.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.payout.model.WithdrawalStatus;
import io.payout.model.schema.ContractSchemas;
import io.payout.model.huifu.HuifuKeys;
import io.payout.orchestrator.OrchestratorHarness;
import io.payout.orchestrator.ops.OperationsClient;
import io.payout.testkit.TestKafka;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Intake with the real broker and database: new, replayed, conflicting and malformed requests. */
class RequestIntakeIntegrationTest {

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
    void storesANewRequestAsRequestedWithItsFirstSerialAndPublishesIt() {
        orchestrator.sendRequest("new-1", request("new-1", "6666000123456789", "100.00", "T1"));

        ConsumerRecord<String, String> event = awaitEvents("new-1", 1).get(0);
        JsonNode body = JSON.readTree(event.value());
        assertThat(event.key()).isEqualTo("new-1");
        assertThat(header(event, "status")).isEqualTo("REQUESTED");
        assertThat(header(event, "event_id")).isEqualTo(body.get("event_id").asString());
        assertThat(body.get("status").asString()).isEqualTo("REQUESTED");
        assertThat(body.get("previous_status").isNull()).isTrue();
        assertThat(body.get("cash_amt").asString()).isEqualTo("100.00");
        assertThat(body.get("source").asString()).isEqualTo("REQUEST");
        assertThat(body.get("req_seq_id").asString()).hasSize(32);
        assertThat(body.get("req_date").asString()).matches("\\d{8}");
        var stored = orchestrator.withdrawal("new-1").orElseThrow();
        assertThat(stored.status()).isEqualTo(WithdrawalStatus.REQUESTED);
        assertThat(stored.reqSeqId()).isEqualTo(body.get("req_seq_id").asString());
        assertThat(orchestrator.history("new-1")).singleElement()
                .satisfies(row -> assertThat(row.eventId().toString()).isEqualTo(header(event, "event_id")));
    }

    @Test
    void aValidRequestTheDatabaseRefusesIsQuarantinedUntilReplayedAfterTheFix() {
        JdbcClient db = orchestrator.bean(JdbcClient.class);
        // a stand-in for any rule of the database that a valid request breaks (a constraint, a value it cannot
        // store); the requests behind it on the partition must not wait for an operator
        db.sql("alter table withdrawals add constraint refuse_poison check (withdrawal_id <> 'poison-1')").update();
        try {
            orchestrator.sendRequest("poison-1", request("poison-1", "6666000123456789", "10.00", "D0"));
            orchestrator.sendRequest("after-poison-1", request("after-poison-1", "6666000123456789", "11.00", "D0"));

            awaitEvents("after-poison-1", 1);
            await().atMost(OrchestratorHarness.WAIT).until(() -> quarantined().size() == 1);
            JsonNode record = quarantined().get(0);
            assertThat(record.get("topic").asString()).isEqualTo(orchestrator.requests);
            assertThat(record.get("key").asString()).isEqualTo("poison-1");
            assertThat(record.get("reason").asString()).contains("refuse_poison");
            assertThat(orchestrator.withdrawal("poison-1")).isEmpty();
            assertThat(ops.post("/api/quarantine/" + record.get("id").asLong() + "/replay", "{\"actor\":\"ops\"}")
                    .status()).as("still refused").isEqualTo(409);
        } finally {
            db.sql("alter table withdrawals drop constraint refuse_poison").update();
        }

        long id = quarantined().get(0).get("id").asLong();
        JsonNode replayed = ops.post("/api/quarantine/" + id + "/replay", "{\"actor\":\"ops: constraint fixed\"}")
                .json(200);
        assertThat(replayed.get("replayed_by").asString()).isEqualTo("ops: constraint fixed");
        assertThat(awaitEvents("poison-1", 1)).extracting(r -> header(r, "status")).containsExactly("REQUESTED");
        assertThat(quarantined()).isEmpty();
        assertThat(ops.post("/api/quarantine/" + id + "/replay", "{\"actor\":\"ops\"}").status())
                .as("replayed once").isEqualTo(409);
    }

    private static List<JsonNode> quarantined() {
        List<JsonNode> records = new ArrayList<>();
        ops.get("/api/quarantine").json(200).forEach(records::add);
        return records;
    }

    @Test
    void replayedRequestChangesNothingAndPublishesNothing() {
        String json = request("replay-1", "6666000123456789", "50.00", "D0");
        orchestrator.sendRequest("replay-1", json);
        awaitEvents("replay-1", 1);

        orchestrator.sendRequest("replay-1", json);
        // One partition: once the marker's event is out, the replay before it has been processed.
        orchestrator.sendRequest("replay-marker", request("replay-marker", "6666000123456789", "1.00", "D0"));
        awaitEvents("replay-marker", 1);

        assertThat(eventsOf("replay-1")).hasSize(1);
        assertThat(rejectionsOf("replay-1")).isEmpty();
        assertThat(orchestrator.history("replay-1")).hasSize(1);
    }

    @Test
    void sameIdWithOtherContentIsRejectedAsConflictAndTheOriginalIsUntouched() {
        orchestrator.sendRequest("conflict-1", request("conflict-1", "6666000123456789", "10.00", "D1"));
        awaitEvents("conflict-1", 1);

        orchestrator.sendRequest("conflict-1", request("conflict-1", "6666000123456789", "99.00", "D1"));

        List<ConsumerRecord<String, String>> rejected = orchestrator.awaitRejections(
                seen -> seen.stream().anyMatch(r -> "conflict-1".equals(r.key())));
        JsonNode body = JSON.readTree(rejected.stream().filter(r -> "conflict-1".equals(r.key())).findFirst()
                .orElseThrow().value());
        assertThat(body.get("reason_code").asString()).isEqualTo("IDEMPOTENCY_CONFLICT");
        assertThat(body.get("original").asString()).contains("99.00");
        assertThat(orchestrator.withdrawal("conflict-1").orElseThrow().request().cashAmt().toString())
                .isEqualTo("10.00");
        assertThat(eventsOf("conflict-1")).hasSize(1);
    }

    @Test
    void fiftyMalformedRecordsInterleavedWithValidOnesAreRejectedWhileEveryValidOneProceeds() {
        List<Map.Entry<String, byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String id = "mix-" + i;
            records.add(Map.entry(id, request(id, "6666000123456789", "1.0" + (i % 10), "T1")
                    .getBytes(StandardCharsets.UTF_8)));
            records.add(Map.entry("bad-" + i, malformed(i)));
        }
        TestKafka.sendBytes(orchestrator.requests, records);

        orchestrator.awaitOutcomes(seen -> seen.stream().filter(r -> r.key() != null && r.key().startsWith("mix-"))
                .count() >= 50);
        List<ConsumerRecord<String, String>> rejected = orchestrator.awaitRejections(seen -> seen.stream()
                .filter(r -> r.value().contains("\"bad-") || r.value().contains("YmFkL")
                        || r.value().contains("MALFORMED") || r.value().contains("VALIDATION_FAILED")).count() >= 50);
        long badRejections = rejected.stream().map(r -> JSON.readTree(r.value()))
                .filter(b -> !"IDEMPOTENCY_CONFLICT".equals(b.get("reason_code").asString())).count();
        assertThat(badRejections).isEqualTo(50);
        for (int i = 0; i < 50; i++) {
            assertThat(orchestrator.withdrawal("mix-" + i)).isPresent();
        }
        assertThat(rejected).noneMatch(r -> r.key() != null && r.key().startsWith("mix-"));
        rejected.forEach(r -> assertThat(ContractSchemas.REQUEST_REJECTED.errors(r.value())).as(r.value()).isEmpty());
    }

    @Test
    void conflictWhoseRejectionWouldOutgrowABrokerRecordIsRejectedWithItsBeginningAndTheOutboxMovesOn() {
        orchestrator.sendRequest("huge-1", request("huge-1", "6666000123456789", "1.00", "T1"));
        awaitEvents("huge-1", 1);
        // The same id with another amount and 450,000 escaped quotes in a field the contract ignores: 0.9 MB as a
        // request (under the broker's 1 MB), but 1.8 MB as a rejection quoting it whole (each \" escaped again).
        String huge = request("huge-1", "6666000123456789", "2.00", "T1")
                .replace("}", ",\"note\":\"" + "\\\"".repeat(450_000) + "\"}");
        orchestrator.sendRequest("huge-1", huge);
        orchestrator.sendRequest("after-huge-1", request("after-huge-1", "6666000123456789", "1.00", "T1"));

        awaitEvents("after-huge-1", 1);
        ConsumerRecord<String, String> rejection = orchestrator.awaitRejections(seen -> seen.stream()
                .anyMatch(r -> "huge-1".equals(r.key()))).stream().filter(r -> "huge-1".equals(r.key())).findFirst()
                .orElseThrow();
        JsonNode body = JSON.readTree(rejection.value());
        assertThat(body.get("reason_code").asString()).isEqualTo("IDEMPOTENCY_CONFLICT");
        String original = body.get("original").asString();
        assertThat(original).hasSize(QuotedOriginal.MAX_CHARS);
        assertThat(huge).startsWith(original);
        assertThat(body.get("errors").toString()).contains("original holds its first "
                + QuotedOriginal.MAX_CHARS + " of " + huge.length() + " characters");
        assertThat(orchestrator.withdrawal("huge-1").orElseThrow().request().cashAmt().toString()).isEqualTo("1.00");
    }

    @Test
    void healthIsOpenWhileEverythingElseNeedsTheOperationsToken() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        String base = orchestrator.server().baseUrl();

        var health = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/actuator/health"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        var other = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base + "/api/withdrawals/x"))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(other.statusCode()).isEqualTo(401);
    }

    /** Ten kinds of bad record: not JSON, not UTF-8, not an object, missing or invalid fields. */
    private static byte[] malformed(int i) {
        return switch (i % 10) {
            case 0 -> "not json".getBytes(StandardCharsets.UTF_8);
            case 1 -> new byte[] {(byte) 0xC3, (byte) 0x28, 0x7B};
            case 2 -> "[1,2]".getBytes(StandardCharsets.UTF_8);
            case 3 -> "".getBytes(StandardCharsets.UTF_8);
            case 4 -> request("bad-" + i, "6666000123456789", "1.5", "T1").getBytes(StandardCharsets.UTF_8);
            case 5 -> request("bad-" + i, "6666000123456789", "0.00", "T1").getBytes(StandardCharsets.UTF_8);
            case 6 -> request("bad-" + i, "6666000123456789", "1.00", "T0").getBytes(StandardCharsets.UTF_8);
            case 7 -> request("bad/" + i, "6666000123456789", "1.00", "T1").getBytes(StandardCharsets.UTF_8);
            case 8 -> ("{\"withdrawal_id\":\"bad-" + i + "\"}").getBytes(StandardCharsets.UTF_8);
            default -> request("bad-" + i, "6666000123456789", "1.00", "T1").replace("\"MERCHANT\"", "7")
                    .getBytes(StandardCharsets.UTF_8);
        };
    }

    private static List<ConsumerRecord<String, String>> awaitEvents(String key, int count) {
        return orchestrator.awaitOutcomes(seen -> seen.stream().filter(r -> key.equals(r.key())).count() >= count)
                .stream().filter(r -> key.equals(r.key())).toList();
    }

    private static List<ConsumerRecord<String, String>> eventsOf(String key) {
        return orchestrator.awaitOutcomes(seen -> true).stream().filter(r -> key.equals(r.key())).toList();
    }

    private static List<ConsumerRecord<String, String>> rejectionsOf(String key) {
        return TestKafka.awaitRecords(orchestrator.rejections, seen -> true, OrchestratorHarness.WAIT).stream()
                .filter(r -> key.equals(r.key())).toList();
    }
}
