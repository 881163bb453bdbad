package io.payout.gateway.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.payout.gateway.FakeHuifu;
import io.payout.gateway.GatewayServer;
import io.payout.gateway.GatewayTestProperties;
import io.payout.gateway.TopicContents;
import io.payout.model.HuifuNotification;
import io.payout.model.huifu.HuifuKeys;
import io.payout.model.huifu.HuifuNotifications;
import io.payout.testkit.TestKafka;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.json.JsonMapper;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = GatewayTestProperties.CONFIG,
        classes = {io.payout.gateway.CallbackGatewayApplication.class,
                WithdrawalNotificationIntegrationTest.FixedClock.class})
class WithdrawalNotificationIntegrationTest {

    private static final String TOPIC = TestKafka.uniqueTopic("huifu.notifications");
    private static final Instant NOW = Instant.parse("2026-03-01T04:00:00.123Z");
    private static final String HUIFU_ID = "6666000123456789";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestProperties.register(registry, TOPIC);
        registry.add("gateway.topic-partitions", () -> 3);
    }

    @TestConfiguration
    static class FixedClock {
        @Bean
        @Primary
        Clock fixedClock() {
            return Clock.fixed(NOW, ZoneOffset.UTC);
        }
    }

    @Test
    void publishesVerifiedNotificationOnceWithRawAndSignIntactThenAcknowledgesExactly() throws Exception {
        String reqSeqId = FakeHuifu.uniqueReqSeqId();
        Map<String, String> form = FakeHuifu.signed(FakeHuifu.accountingNotice(HUIFU_ID, reqSeqId));

        HttpResponse<String> response = FakeHuifu.post(notifyUrl(), form);

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("RECV_ORD_ID_" + reqSeqId);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/plain"));
        List<ConsumerRecord<String, String>> published = TopicContents.keyed(TOPIC, HUIFU_ID + ":" + reqSeqId);
        assertThat(published).hasSize(1);
        HuifuNotification notification = JSON.readValue(published.get(0).value(), HuifuNotification.class);
        assertThat(notification.raw()).isEqualTo(form.get("resp_data"));
        assertThat(notification.sign()).isEqualTo(form.get("sign"));
        assertThat(notification.notificationId()).isEqualTo(HuifuNotifications.notificationId(form.get("resp_data")));
        assertThat(notification.kind()).isEqualTo("WITHDRAWAL");
        assertThat(notification.msgType()).isEqualTo("02");
        assertThat(notification.respData()).isEqualTo(FakeHuifu.accountingNotice(HUIFU_ID, reqSeqId));
        assertThat(notification.receivedAt()).isEqualTo(NOW);
        assertThat(published.get(0).value()).contains("\"received_at\":\"2026-03-01T04:00:00.123Z\"");
        // The orchestrator can verify the evidence again on its own.
        assertThat(HuifuNotifications.verify(notification.raw(), notification.sign(),
                HuifuKeys.publicKey(FakeHuifu.publicKey()))).containsEntry("req_seq_id", reqSeqId);
    }

    @Test
    void acknowledgesDuplicateAgainAndPublishesItAgainForDownstreamDeduplication() {
        String reqSeqId = FakeHuifu.uniqueReqSeqId();
        Map<String, String> form = FakeHuifu.signed(FakeHuifu.accountingNotice(HUIFU_ID, reqSeqId));

        HttpResponse<String> first = FakeHuifu.post(notifyUrl(), form);
        HttpResponse<String> second = FakeHuifu.post(notifyUrl(), form);

        assertThat(List.of(first, second)).allSatisfy(response -> {
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("RECV_ORD_ID_" + reqSeqId);
        });
        List<ConsumerRecord<String, String>> published = TopicContents.keyed(TOPIC, HUIFU_ID + ":" + reqSeqId);
        assertThat(published).hasSize(2);
        assertThat(published.get(0).value()).isEqualTo(published.get(1).value());
    }

    @Test
    void createsTheTopicWithTheConfiguredPartitions() throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG,
                TestKafka.bootstrapServers()))) {
            var description = admin.describeTopics(List.of(TOPIC)).allTopicNames().get(30, TimeUnit.SECONDS);
            assertThat(description.get(TOPIC).partitions()).hasSize(3);
        }
    }

    @Test
    void exposesReceivedVerifiedRejectedAcknowledgedAndPublishLatencyOnPrometheus() {
        String reqSeqId = FakeHuifu.uniqueReqSeqId();
        Map<String, String> form = FakeHuifu.signed(FakeHuifu.accountingNotice(HUIFU_ID, reqSeqId));
        assertThat(FakeHuifu.post(notifyUrl(), form).statusCode()).isEqualTo(200);
        Map<String, String> unsigned = new LinkedHashMap<>(form);
        unsigned.remove("sign");
        assertThat(FakeHuifu.post(notifyUrl(), unsigned).statusCode()).isEqualTo(400);

        String metrics = FakeHuifu.get("http://127.0.0.1:" + port + "/actuator/prometheus").body();

        assertThat(metrics).containsPattern("(?m)^gateway_notifications_received_total(\\{[^}]*})? [1-9]")
                .containsPattern("(?m)^gateway_notifications_verified_total(\\{[^}]*})? [1-9]")
                .containsPattern("(?m)^gateway_notifications_acknowledged_total(\\{[^}]*})? [1-9]")
                .containsPattern("(?m)^gateway_notifications_rejected_total\\{[^}]*reason=\"sign_missing\"[^}]*} [1-9]")
                .containsPattern("(?m)^gateway_publish_latency_seconds_bucket\\{[^}]*outcome=\"acked\"");
    }

    private String notifyUrl() {
        return "http://127.0.0.1:" + port + GatewayServer.NOTIFY_PATH;
    }
}
