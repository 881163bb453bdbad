package io.payout.gateway.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.payout.gateway.FakeHuifu;
import io.payout.gateway.GatewayServer;
import io.payout.gateway.GatewayTestProperties;
import io.payout.gateway.TopicContents;
import io.payout.model.HuifuNotification;
import io.payout.model.Topics;
import io.payout.model.huifu.HuifuKeys;
import io.payout.model.huifu.HuifuNotifications;
import io.payout.testkit.TestKafka;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Account audit notices (CONTRACT.md §6, ACCOUNTS.md A3.3) on their own path, under the withdrawal path's rules:
 * the signature over the raw {@code data}, published with acks=all to the account notices' topic before the answer
 * {@code RECV_ORD_ID_<req_seq_id>}, a 4xx only for what fails verification, the quarantine for what is signed but
 * unusable.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = GatewayTestProperties.CONFIG)
class AccountNotificationIntegrationTest {

    private static final String TOPIC = TestKafka.uniqueTopic("huifu.notifications");
    private static final String ACCOUNT_TOPIC = GatewayTestProperties.accountTopicOf(TOPIC);
    private static final String HUIFU_ID = "6666000123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestProperties.register(registry, TOPIC);
    }

    @Test
    void publishesAVerifiedAuditNoticeToTheAccountTopicThenAcknowledgesIt() {
        String reqSeqId = FakeHuifu.uniqueReqSeqId();
        Map<String, Object> data = FakeHuifu.auditNotice(HUIFU_ID, reqSeqId);
        Map<String, String> form = FakeHuifu.signedAccountNotice(data);

        HttpResponse<String> response = FakeHuifu.post(url(), form);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("RECV_ORD_ID_" + reqSeqId);
        List<ConsumerRecord<String, String>> published = TopicContents.keyed(ACCOUNT_TOPIC, HUIFU_ID + ":" + reqSeqId);
        assertThat(published).hasSize(1);
        HuifuNotification notice = JSON.readValue(published.get(0).value(), HuifuNotification.class);
        assertThat(notice.kind()).isEqualTo(HuifuNotification.KIND_ACCOUNT);
        assertThat(notice.msgType()).isNull();
        assertThat(notice.raw()).isEqualTo(form.get("data"));
        assertThat(notice.sign()).isEqualTo(form.get("sign"));
        assertThat(notice.notificationId()).isEqualTo(HuifuNotifications.notificationId(form.get("data")));
        assertThat(notice.field("notify_type")).isEqualTo("A");
        assertThat(JSON.readTree(notice.field("audit_info")).get("token_no").asString()).isEqualTo("10000123456");
        assertThat(HuifuNotifications.verify(notice.raw(), notice.sign(), HuifuKeys.publicKey(FakeHuifu.publicKey())))
                .containsEntry("req_seq_id", reqSeqId);
        assertThat(TopicContents.now(TOPIC)).as("nothing on the withdrawal notices' topic")
                .noneMatch(r -> r.value().contains(form.get("sign")));
    }

    @Test
    void readsAuditInfoSentAsAnObjectLikeAuditInfoSentAsAJsonString() {
        String asTextSeq = FakeHuifu.uniqueReqSeqId();
        String asObjectSeq = FakeHuifu.uniqueReqSeqId();
        Map<String, Object> asText = FakeHuifu.auditNotice(HUIFU_ID, asTextSeq);
        Map<String, Object> asObject = FakeHuifu.auditNotice(HUIFU_ID, asObjectSeq);
        asObject.put("audit_info", JSON.readValue((String) asText.get("audit_info"), Map.class));

        assertThat(FakeHuifu.post(url(), FakeHuifu.signedAccountNotice(asText)).statusCode()).isEqualTo(200);
        assertThat(FakeHuifu.post(url(), FakeHuifu.signedAccountNotice(asObject)).statusCode()).isEqualTo(200);

        JsonNode fromText = auditInfoOf(asTextSeq);
        JsonNode fromObject = auditInfoOf(asObjectSeq);
        assertThat(fromObject).isEqualTo(fromText);
        assertThat(fromObject.get("audit_status").asString()).isEqualTo("Y");
    }

    @Test
    void refusesWhatFailsVerificationAndPublishesNothing() {
        Map<String, String> wrongField = FakeHuifu.signed(FakeHuifu.auditNotice(HUIFU_ID, FakeHuifu.uniqueReqSeqId()));
        Map<String, String> tampered = new LinkedHashMap<>(
                FakeHuifu.signedAccountNotice(FakeHuifu.auditNotice(HUIFU_ID, FakeHuifu.uniqueReqSeqId())));
        tampered.put("data", tampered.get("data").replace("处理成功", "处理失败"));
        int before = TopicContents.now(ACCOUNT_TOPIC).size();

        HttpResponse<String> noData = FakeHuifu.post(url(), wrongField);
        HttpResponse<String> badSign = FakeHuifu.post(url(), tampered);

        assertThat(noData.statusCode()).isEqualTo(400);
        assertThat(noData.body()).startsWith("RESP_DATA_MISSING");
        assertThat(badSign.statusCode()).isEqualTo(403);
        assertThat(badSign.body()).startsWith("SIGN_INVALID").doesNotContain(HUIFU_ID);
        assertThat(TopicContents.now(ACCOUNT_TOPIC)).hasSize(before);
        assertThat(meters.get("gateway.notifications.rejected").tag("kind", "account")
                .tag("reason", "sign_invalid").counter().count()).isPositive();
    }

    @Test
    void quarantinesASignedNoticeWithUnusableFieldsAndAcknowledgesIt() {
        String reqSeqId = FakeHuifu.uniqueReqSeqId();
        Map<String, Object> data = FakeHuifu.auditNotice(HUIFU_ID, reqSeqId);
        data.put("req_date", "2026-03-01");
        Map<String, String> form = FakeHuifu.signedAccountNotice(data);
        double before = meters.get("gateway.notifications.quarantined").tag("kind", "account").counter().count();

        HttpResponse<String> response = FakeHuifu.post(url(), form);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("RECV_ORD_ID_" + reqSeqId);
        assertThat(TopicContents.now(Topics.quarantineOf(ACCOUNT_TOPIC)))
                .anyMatch(r -> r.value().contains(form.get("sign")));
        assertThat(TopicContents.now(ACCOUNT_TOPIC)).noneMatch(r -> r.value().contains(form.get("sign")));
        assertThat(meters.get("gateway.notifications.quarantined").tag("kind", "account").counter().count())
                .isEqualTo(before + 1);
    }

    private JsonNode auditInfoOf(String reqSeqId) {
        List<ConsumerRecord<String, String>> published = TopicContents.keyed(ACCOUNT_TOPIC, HUIFU_ID + ":" + reqSeqId);
        assertThat(published).hasSize(1);
        HuifuNotification notice = JSON.readValue(published.get(0).value(), HuifuNotification.class);
        return JSON.readTree(notice.field("audit_info"));
    }

    private String url() {
        return "http://127.0.0.1:" + port + GatewayServer.ACCOUNT_NOTIFY_PATH;
    }
}
