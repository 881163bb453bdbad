package io.payout.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.payout.testkit.TestKafka;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Without a broker acknowledgement nothing is acknowledged to Huifu: the answer is 503 (Huifu retries), and it
 * comes within the publish timeout, well inside the 5 s Huifu waits (the client here gives up after those 5 s, as
 * Huifu does).
 */
class BrokerOutageIntegrationTest {

    private static final String HUIFU_ID = "6666000123456789";

    @Test
    void answers503AndAcknowledgesNothingOnceTheBrokerStops() {
        EmbeddedKafkaKraftBroker broker = TestKafka.startPrivateBroker();
        boolean brokerUp = true;
        try (GatewayServer gateway = GatewayServer.start(properties(broker.getBrokersAsString()))) {
            // Connected: delivered as Huifu delivers, again until acknowledged (the fresh broker may be slow).
            String before = FakeHuifu.uniqueReqSeqId();
            Map<String, String> first = FakeHuifu.signed(FakeHuifu.accountingNotice(HUIFU_ID, before));
            await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(
                    FakeHuifu.post(gateway.notifyUrl(), first).body()).isEqualTo("RECV_ORD_ID_" + before));

            broker.destroy();
            brokerUp = false;
            HttpResponse<String> refused = FakeHuifu.post(gateway.notifyUrl(),
                    FakeHuifu.signed(FakeHuifu.accountingNotice(HUIFU_ID, FakeHuifu.uniqueReqSeqId())));

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).doesNotContain("RECV_ORD_ID_");
        } finally {
            if (brokerUp) {
                broker.destroy();
            }
        }
    }

    @Test
    void startsWithoutABrokerAndAnswers503UntilThereIsOne() throws IOException {
        String nobodyListening;
        try (ServerSocket socket = new ServerSocket(0)) {
            nobodyListening = "127.0.0.1:" + socket.getLocalPort();
        }
        try (GatewayServer gateway = GatewayServer.start(properties(nobodyListening))) {
            HttpResponse<String> refused = FakeHuifu.post(gateway.notifyUrl(),
                    FakeHuifu.signed(FakeHuifu.accountingNotice(HUIFU_ID, FakeHuifu.uniqueReqSeqId())));

            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.body()).doesNotContain("RECV_ORD_ID_");
            assertThat(FakeHuifu.get(gateway.baseUrl() + "/actuator/prometheus").body())
                    .containsPattern("(?m)^gateway_notifications_unavailable_total(\\{[^}]*})? 1\\.0");
        }
    }

    private static Map<String, Object> properties(String bootstrapServers) {
        Map<String, Object> properties = GatewayTestProperties.launch(bootstrapServers,
                TestKafka.uniqueTopic("huifu.notifications.outage"));
        properties.put("gateway.publish-timeout", "1s");
        return properties;
    }
}
