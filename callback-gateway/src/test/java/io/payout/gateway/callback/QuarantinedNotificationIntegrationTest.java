package io.payout.gateway.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.payout.gateway.FakeHuifu;
import io.payout.gateway.GatewayServer;
import io.payout.gateway.GatewayTestProperties;
import io.payout.gateway.TopicContents;
import io.payout.model.Topics;
import io.payout.testkit.TestKafka;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * A notice whose signature verifies is authentic evidence from Huifu and is never turned away: one whose fields the
 * orchestrator could not use is published to the quarantine topic with its reason, counted and acknowledged.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = GatewayTestProperties.CONFIG)
class QuarantinedNotificationIntegrationTest {

    private static final String TOPIC = TestKafka.uniqueTopic("huifu.notifications.quarantined");
    private static final String HUIFU_ID = "6666000123456789";

    @Value("${local.server.port}")
    int port;

    @Autowired
    MeterRegistry meters;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestProperties.register(registry, TOPIC);
    }

    record Unusable(String name, String reason, UnaryOperator<Map<String, Object>> change) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Unusable> unusableNotices() {
        return Stream.of(
                new Unusable("no req_seq_id", "req_seq_id is missing", data -> without(data, "req_seq_id")),
                new Unusable("req_seq_id over 128 characters", "req_seq_id is longer than 128",
                        data -> with(data, "req_seq_id", "W" + "9".repeat(200))),
                new Unusable("req_date with dashes", "req_date is not eight digits",
                        data -> with(data, "req_date", "2025-03-01")),
                new Unusable("no req_date", "req_date is not eight digits", data -> without(data, "req_date")),
                new Unusable("huifu_id over 32 characters", "huifu_id is longer than 32",
                        data -> with(data, "huifu_id", "6".repeat(40))),
                new Unusable("NUL in a description", "sub_resp_desc contains a control character",
                        data -> with(data, "sub_resp_desc", "bad\u0000text")),
                new Unusable("control character in req_seq_id", "req_seq_id contains a control character",
                        data -> with(data, "req_seq_id", "W1\nW2")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unusableNotices")
    void publishesAnUnusableSignedNoticeToTheQuarantineAndAcknowledgesIt(Unusable unusable) {
        Map<String, Object> data = unusable.change().apply(new LinkedHashMap<>(
                FakeHuifu.accountingNotice(HUIFU_ID, FakeHuifu.uniqueReqSeqId())));
        Map<String, String> form = FakeHuifu.signed(data);
        double before = quarantinedCount();
        int quarantinedBefore = TopicContents.now(Topics.quarantineOf(TOPIC)).size();

        HttpResponse<String> response = FakeHuifu.post(url(), form);

        assertThat(response.statusCode()).isEqualTo(200);
        Object reqSeqId = data.get("req_seq_id");
        assertThat(response.body()).isEqualTo("RECV_ORD_ID_" + (reqSeqId == null ? "" : reqSeqId));
        List<ConsumerRecord<String, String>> quarantined = TopicContents.now(Topics.quarantineOf(TOPIC));
        assertThat(quarantined).hasSize(quarantinedBefore + 1);
        // the topic has several partitions, so this notice is found by its signature, not by its place
        ConsumerRecord<String, String> record = quarantined.stream()
                .filter(r -> r.value().contains(form.get("sign"))).findFirst().orElseThrow();
        assertThat(header(record, Topics.HEADER_REASON)).startsWith(unusable.reason());
        assertThat(header(record, Topics.HEADER_QUARANTINED_BY)).isEqualTo("gateway");
        assertThat(TopicContents.now(TOPIC)).as("nothing the orchestrator cannot use on its topic")
                .noneMatch(r -> r.value().contains(form.get("sign")));
        assertThat(quarantinedCount() - before).isEqualTo(1.0);
    }

    @Test
    void aNoticeWithoutHuifuIdIsPublishedKeyedByItsSerial() {
        String reqSeqId = FakeHuifu.uniqueReqSeqId();
        Map<String, Object> data = without(new LinkedHashMap<>(FakeHuifu.accountingNotice(HUIFU_ID, reqSeqId)),
                "huifu_id");

        HttpResponse<String> response = FakeHuifu.post(url(), FakeHuifu.signed(data));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("RECV_ORD_ID_" + reqSeqId);
        assertThat(TopicContents.keyed(TOPIC, ":" + reqSeqId)).hasSize(1);
    }

    private String url() {
        return "http://127.0.0.1:" + port + GatewayServer.NOTIFY_PATH;
    }

    private double quarantinedCount() {
        return meters.get("gateway.notifications.quarantined").tag("kind", "withdrawal").counter().count();
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static Map<String, Object> with(Map<String, Object> data, String name, Object value) {
        data.put(name, value);
        return data;
    }

    private static Map<String, Object> without(Map<String, Object> data, String name) {
        data.remove(name);
        return data;
    }
}
