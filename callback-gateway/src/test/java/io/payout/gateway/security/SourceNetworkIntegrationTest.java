package io.payout.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.payout.gateway.FakeHuifu;
import io.payout.gateway.GatewayServer;
import io.payout.gateway.GatewayTestProperties;
import io.payout.gateway.TopicContents;
import io.payout.testkit.TestKafka;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SourceNetworkIntegrationTest {

    private static final String HUIFU_ID = "6666000123456789";

    @Test
    void refusesANotificationFromOutsideTheAllowedNetworksAndPublishesNothing() {
        String topic = TestKafka.uniqueTopic("huifu.notifications.sources");
        try (GatewayServer gateway = GatewayServer.start(properties(topic, "192.0.2.0/24, 2001:db8::/32"))) {
            HttpResponse<String> response = FakeHuifu.post(gateway.notifyUrl(),
                    FakeHuifu.signed(FakeHuifu.accountingNotice(HUIFU_ID, FakeHuifu.uniqueReqSeqId())));

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).startsWith("SOURCE_NOT_ALLOWED:");
            assertThat(TopicContents.now(topic)).isEmpty();
        }
    }

    @Test
    void acceptsANotificationFromAnAllowedNetwork() {
        String topic = TestKafka.uniqueTopic("huifu.notifications.sources");
        String reqSeqId = FakeHuifu.uniqueReqSeqId();
        try (GatewayServer gateway = GatewayServer.start(properties(topic, "10.0.0.0/8,127.0.0.0/8,::1/128"))) {
            HttpResponse<String> response = FakeHuifu.post(gateway.notifyUrl(),
                    FakeHuifu.signed(FakeHuifu.accountingNotice(HUIFU_ID, reqSeqId)));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("RECV_ORD_ID_" + reqSeqId);
        }
    }

    private static Map<String, Object> properties(String topic, String allowedNetworks) {
        Map<String, Object> properties = GatewayTestProperties.launch(TestKafka.bootstrapServers(), topic);
        properties.put("gateway.allowed-networks", allowedNetworks);
        return properties;
    }
}
