package io.payout.orchestrator.account;

import static org.assertj.core.api.Assertions.assertThat;

import io.payout.model.AccountKind;
import io.payout.model.Topics;
import io.payout.model.account.AccountAction;
import io.payout.model.schema.ContractSchemas;
import io.payout.orchestrator.OrchestratorHarness;
import io.payout.testkit.TestKafka;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Intake of account.requests with the real broker and database: new, replayed, conflicting and invalid requests. */
class AccountIntakeIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String CARD_NO = "6222020200112233";
    private static final String CERT_NO = "110101199003071234";
    private static final String NAME = "张三丰";
    private static OrchestratorHarness orchestrator;

    @BeforeAll
    static void start() {
        orchestrator = new OrchestratorHarness().start();
    }

    @AfterAll
    static void stop() {
        orchestrator.close();
    }

    private static String openUser(String id, String requestedAt, String mobile) {
        return """
                {"account_request_id":"%s","action":"OPEN_USER","account_kind":"USER","requested_at":"%s",
                 "user":{"kind":"INDIVIDUAL","name":"%s","cert_no":"%s","cert_validity_type":"0",
                         "cert_begin_date":"20200101","cert_end_date":"20400101","mobile_no":"%s"},
                 "card":{"card_type":"1","card_name":"%s","card_no":"%s","prov_id":"310000","area_id":"310100",
                         "cert_type":"00","cert_no":"%s","cert_validity_type":"1","cert_begin_date":"20200101",
                         "is_settle_default":"Y"},
                 "cash_config":[{"cash_type":"T1","fix_amt":"1.00"}]}"""
                .formatted(id, requestedAt, NAME, CERT_NO, mobile, NAME, CARD_NO, CERT_NO);
    }

    @Test
    void storesANewRequestWithoutItsCardCertificateOrName() {
        orchestrator.sendAccountRequest("open-1", openUser("open-1", "2026-12-04T08:00:00Z", "13800138000"));
        // a marker behind it on the same partition: once it is rejected, the request before it was taken
        awaitRejectionOf(marker("open-1-marker"));

        StoredRequest stored = orchestrator.bean(AccountRequests.class).find("open-1").orElseThrow();
        assertThat(stored.action()).isEqualTo(AccountAction.OPEN_USER);
        assertThat(stored.accountKind()).isEqualTo(AccountKind.USER);
        assertThat(stored.huifuId()).isNull();
        assertThat(stored.contentHmac()).hasSize(32);
        String row = orchestrator.bean(JdbcClient.class)
                .sql("select row_to_json(r)::text from account_requests r where account_request_id = 'open-1'")
                .query(String.class).single();
        assertThat(row).doesNotContain(CARD_NO, CERT_NO, NAME);
    }

    @Test
    void theSameRequestAgainChangesNothingEvenWithAnotherTimestamp() {
        orchestrator.sendAccountRequest("open-2", openUser("open-2", "2026-12-04T08:00:00Z", "13800138000"));
        orchestrator.sendAccountRequest("open-2", openUser("open-2", "2026-12-04T09:30:00Z", "13800138000"));
        List<ConsumerRecord<String, String>> rejections = awaitRejectionOf(marker("open-2-marker"));

        assertThat(rejections).noneMatch(r -> "open-2".equals(r.key()));
        assertThat(orchestrator.bean(AccountRequests.class).find("open-2")).isPresent();
    }

    @Test
    void theSameIdWithOtherContentIsRejectedQuotedMaskedAndTheOriginalStays() {
        orchestrator.sendAccountRequest("open-3", openUser("open-3", "2026-12-04T08:00:00Z", "13800138000"));
        awaitRejectionOf(marker("open-3-marker"));
        byte[] before = orchestrator.bean(AccountRequests.class).find("open-3").orElseThrow().contentHmac();

        orchestrator.sendAccountRequest("open-3", openUser("open-3", "2026-12-04T08:00:00Z", "13900139000"));
        ConsumerRecord<String, String> rejection = awaitRejectionOf("open-3").stream()
                .filter(r -> "open-3".equals(r.key())).findFirst().orElseThrow();

        JsonNode body = JSON.readTree(rejection.value());
        assertThat(body.get("account_request_id").asString()).isEqualTo("open-3");
        assertThat(body.get("reason_code").asString()).isEqualTo("IDEMPOTENCY_CONFLICT");
        assertThat(body.get("errors").get(0).get("field").asString()).isEqualTo("account_request_id");
        assertThat(body.get("original").asString()).contains("open-3")
                .doesNotContain(CARD_NO, CERT_NO, NAME, "13900139000");
        assertThat(ContractSchemas.ACCOUNT_REQUEST_REJECTED.errors(rejection.value())).isEmpty();
        assertThat(orchestrator.bean(AccountRequests.class).find("open-3").orElseThrow().contentHmac())
                .isEqualTo(before);
    }

    @Test
    void anInvalidRequestIsRejectedWithItsErrorsAndNeverQuotesTheCard() {
        String invalid = openUser("bad-1", "2026-12-04T08:00:00Z", "13800138000").replace("\"USER\"", "\"NOBODY\"");
        orchestrator.sendAccountRequest("bad-1", invalid);
        ConsumerRecord<String, String> rejection = awaitRejectionOf("bad-1").stream()
                .filter(r -> "bad-1".equals(r.key())).findFirst().orElseThrow();

        JsonNode body = JSON.readTree(rejection.value());
        assertThat(body.get("reason_code").asString()).isEqualTo("VALIDATION_FAILED");
        assertThat(body.get("errors").findValuesAsString("field")).contains("account_kind");
        assertThat(body.get("original").asString()).doesNotContain(CARD_NO, CERT_NO, NAME);
        assertThat(orchestrator.bean(AccountRequests.class).find("bad-1")).isEmpty();
    }

    @Test
    void aValidRequestTheDatabaseRefusesIsQuarantinedWithItsCardMaskedOnTheTopic() {
        JdbcClient db = orchestrator.bean(JdbcClient.class);
        // a stand-in for any rule of the database that a valid request breaks
        db.sql("alter table account_requests add constraint refuse_poison check (account_request_id <> 'poison-1')")
                .update();
        try {
            orchestrator.sendAccountRequest("poison-1", openUser("poison-1", "2026-12-04T08:00:00Z", "13800138000"));

            ConsumerRecord<String, String> quarantined = TestKafka.awaitRecords(
                    Topics.quarantineOf(orchestrator.accountRequests),
                    all -> all.stream().anyMatch(r -> "poison-1".equals(r.key())), OrchestratorHarness.WAIT)
                    .stream().filter(r -> "poison-1".equals(r.key())).findFirst().orElseThrow();

            assertThat(quarantined.value()).contains("poison-1").doesNotContain(CARD_NO, CERT_NO, NAME);
        } finally {
            db.sql("alter table account_requests drop constraint refuse_poison").update();
        }
    }

    /** A request that is rejected for its form, sent to find out when everything before it was processed. */
    private static String marker(String id) {
        orchestrator.sendAccountRequest(id, """
                {"account_request_id":"%s","action":"REFRESH","account_kind":"USER"}""".formatted(id));
        return id;
    }

    private static List<ConsumerRecord<String, String>> awaitRejectionOf(String id) {
        return orchestrator.awaitAccountRejections(all -> all.stream().anyMatch(r -> id.equals(r.key())));
    }
}
