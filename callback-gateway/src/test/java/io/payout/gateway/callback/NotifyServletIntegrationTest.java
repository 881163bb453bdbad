package io.payout.gateway.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.payout.gateway.FakeHuifu;
import io.payout.gateway.GatewayServer;
import io.payout.gateway.GatewayTestProperties;
import io.payout.gateway.TopicContents;
import io.payout.testkit.TestKafka;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the plain notify servlet has to do itself now that Spring MVC no longer serves the path: refuse other
 * methods, and time every request in place of {@code http.server.requests}, while the actuator keeps Spring MVC
 * and its filters.
 */
class NotifyServletIntegrationTest {

    private static final String HUIFU_ID = "6666000123456789";
    private static final String TOPIC = TestKafka.uniqueTopic("huifu.notifications.servlet");
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private static GatewayServer gateway;

    @BeforeAll
    static void start() {
        gateway = GatewayServer.start(GatewayTestProperties.launch(TestKafka.bootstrapServers(), TOPIC));
    }

    @AfterAll
    static void stop() {
        gateway.close();
    }

    @Test
    void answersOtherMethodsWith405AllowingOnlyPostAndPublishesNothing() throws Exception {
        String reqSeqId = FakeHuifu.uniqueReqSeqId();
        String body = FakeHuifu.body(FakeHuifu.signed(FakeHuifu.accountingNotice(HUIFU_ID, reqSeqId)));
        for (String method : new String[] {"GET", "PUT", "DELETE"}) {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(gateway.notifyUrl()))
                    .header("Content-Type", FakeHuifu.FORM)
                    .method(method, HttpRequest.BodyPublishers.ofString(body))
                    .timeout(FakeHuifu.HUIFU_TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(response.statusCode()).as(method).isEqualTo(405);
            assertThat(response.headers().firstValue("Allow")).as(method).hasValue("POST");
            assertThat(response.body()).as(method).startsWith("METHOD_NOT_ALLOWED:").doesNotContain("RECV_ORD_ID_");
        }
        assertThat(TopicContents.keyed(TOPIC, HUIFU_ID + ":" + reqSeqId)).isEmpty();
    }

    @Test
    void timesEveryNotifyRequestByStatusAndLeavesHttpServerRequestsToTheActuator() {
        Map<String, String> form = FakeHuifu.signed(FakeHuifu.accountingNotice(HUIFU_ID, FakeHuifu.uniqueReqSeqId()));
        Map<String, String> unsigned = new LinkedHashMap<>(form);
        unsigned.remove("sign");
        assertThat(FakeHuifu.post(gateway.notifyUrl(), form).statusCode()).isEqualTo(200);
        assertThat(FakeHuifu.post(gateway.notifyUrl(), unsigned).statusCode()).isEqualTo(400);
        assertThat(FakeHuifu.get(gateway.notifyUrl()).statusCode()).isEqualTo(405);
        // A first scrape, so that the second one shows the actuator's own request as observed by Spring MVC.
        assertThat(FakeHuifu.get(gateway.baseUrl() + "/actuator/prometheus").statusCode()).isEqualTo(200);

        String metrics = FakeHuifu.get(gateway.baseUrl() + "/actuator/prometheus").body();

        assertThat(metrics)
                .containsPattern("(?m)^gateway_notify_requests_seconds_count\\{[^}]*status=\"200\"[^}]*} [1-9]")
                .containsPattern("(?m)^gateway_notify_requests_seconds_count\\{[^}]*status=\"400\"[^}]*} [1-9]")
                .containsPattern("(?m)^gateway_notify_requests_seconds_count\\{[^}]*status=\"405\"[^}]*} [1-9]")
                .containsPattern("(?m)^gateway_notify_requests_seconds_bucket\\{[^}]*status=\"200\"")
                .containsPattern("(?m)^http_server_requests_seconds_count\\{[^}]*uri=\"/actuator/prometheus\"")
                // The MVC filters, the observation among them, no longer run on the notify path.
                .doesNotContainPattern("(?m)^http_server_requests_seconds_count\\{[^}]*method=\"POST\"");
    }

    @Test
    void startsAndAcknowledgesWithBootsEncodingFilterSwitchedOff() {
        Map<String, Object> props = new LinkedHashMap<>(GatewayTestProperties.launch(TestKafka.bootstrapServers(), TOPIC));
        props.put("spring.servlet.encoding.enabled", "false");
        GatewayServer plain = GatewayServer.start(props);
        try {
            String reqSeqId = FakeHuifu.uniqueReqSeqId();
            HttpResponse<String> response = FakeHuifu.post(plain.notifyUrl(),
                    FakeHuifu.signed(FakeHuifu.accountingNotice(HUIFU_ID, reqSeqId)));

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).isEqualTo("RECV_ORD_ID_" + reqSeqId);
        } finally {
            plain.close();
        }
    }
}
