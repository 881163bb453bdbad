package io.payout.gateway.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.payout.gateway.FakeHuifu;
import io.payout.gateway.GatewayServer;
import io.payout.gateway.GatewayTestProperties;
import io.payout.gateway.TopicContents;
import io.payout.model.huifu.HuifuKeys;
import io.payout.model.huifu.HuifuNotifications;
import io.payout.model.huifu.RsaSignatures;
import io.payout.testkit.TestKafka;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every kind of bad input gets its 4xx, never an echo of the body, and the topic stays empty throughout. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = GatewayTestProperties.CONFIG)
class RejectedNotificationIntegrationTest {

    private static final String TOPIC = TestKafka.uniqueTopic("huifu.notifications.rejected");
    private static final String HUIFU_ID = "6666000123456789";

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestProperties.register(registry, TOPIC);
    }

    record Attempt(String name, BodyPublisher body, String contentType, int status, String reason,
                   Map<String, String> form) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Attempt> badNotifications() {
        return Stream.of(
                form("unsigned", 400, "SIGN_MISSING", form -> without(form, "sign")),
                form("signature not Base64", 400, "SIGN_NOT_BASE64", form -> with(form, "sign", "%%not*base64%%")),
                form("forged with another key", 403, "SIGN_INVALID", form -> with(form, "sign",
                        RsaSignatures.sign(form.get("resp_data"), HuifuKeys.generate().getPrivate()))),
                form("tampered amount", 403, "SIGN_INVALID", form -> with(form, "resp_data",
                        form.get("resp_data").replace("\"cash_amt\":\"100.00\"", "\"cash_amt\":\"900.00\""))),
                form("no resp_data", 400, "RESP_DATA_MISSING", form -> without(form, "resp_data")),
                form("resp_data not JSON", 400, "RESP_DATA_NOT_JSON_OBJECT", form -> signedRaw("not json at all")),
                form("resp_data a JSON array", 400, "RESP_DATA_NOT_JSON_OBJECT", form -> signedRaw("[\"req_seq_id\"]")),
                form("resp_data with trailing garbage", 400, "RESP_DATA_NOT_JSON_OBJECT",
                        form -> signedRaw("{\"req_seq_id\":\"W1\"}x")),
                form("resp_data with a duplicate key", 400, "RESP_DATA_NOT_JSON_OBJECT",
                        form -> signedRaw("{\"req_seq_id\":\"W1\",\"req_seq_id\":\"W2\"}")),
                raw("resp_data given twice", 400, "MALFORMED_FORM", form -> FakeHuifu.body(form) + "&resp_data=%7B%7D"),
                raw("broken percent escape in sign", 400, "MALFORMED_FORM",
                        form -> FakeHuifu.body(without(form, "sign")) + "&sign=%E"),
                new Attempt("JSON content type", BodyPublishers.ofString(FakeHuifu.body(goodForm())),
                        "application/json", 415, "UNSUPPORTED_MEDIA_TYPE", goodForm()),
                new Attempt("no content type", BodyPublishers.ofString(FakeHuifu.body(goodForm())),
                        null, 415, "UNSUPPORTED_MEDIA_TYPE", goodForm()),
                new Attempt("over 64 KiB with Content-Length", BodyPublishers.ofString(oversize()),
                        FakeHuifu.FORM, 413, "BODY_TOO_LARGE", goodForm()),
                new Attempt("over 64 KiB chunked", BodyPublishers.ofInputStream(
                        () -> new ByteArrayInputStream(oversize().getBytes(StandardCharsets.UTF_8))),
                        FakeHuifu.FORM, 413, "BODY_TOO_LARGE", goodForm()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badNotifications")
    void rejectsBadInputWithA4xxAndPublishesNothing(Attempt attempt) {
        HttpResponse<String> response = FakeHuifu.post(
                "http://127.0.0.1:" + port + GatewayServer.NOTIFY_PATH, attempt.body(), attempt.contentType());

        assertThat(response.statusCode()).isEqualTo(attempt.status());
        assertThat(response.body()).startsWith(attempt.reason() + ":").doesNotContain("RECV_ORD_ID_");
        if (attempt.form().get("resp_data") != null) {
            assertThat(response.body()).doesNotContain(attempt.form().get("resp_data")).doesNotContain(HUIFU_ID);
        }
        if (attempt.form().get("sign") != null) {
            assertThat(response.body()).doesNotContain(attempt.form().get("sign"));
        }
        assertThat(TopicContents.now(TOPIC)).isEmpty();
    }

    private static Attempt form(String name, int status, String reason, UnaryOperator<Map<String, String>> change) {
        Map<String, String> form = change.apply(goodForm());
        return new Attempt(name, BodyPublishers.ofString(FakeHuifu.body(form)), FakeHuifu.FORM, status, reason, form);
    }

    private static Attempt raw(String name, int status, String reason, java.util.function.Function<Map<String, String>,
            String> body) {
        Map<String, String> form = goodForm();
        return new Attempt(name, BodyPublishers.ofString(body.apply(form)), FakeHuifu.FORM, status, reason, form);
    }

    private static Map<String, String> goodForm() {
        return FakeHuifu.signed(FakeHuifu.accountingNotice(HUIFU_ID, FakeHuifu.uniqueReqSeqId()));
    }

    /** A correctly signed resp_data that is not a usable JSON object: the signature alone must not let it through. */
    private static Map<String, String> signedRaw(String respData) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("resp_code", HuifuNotifications.GATEWAY_OK_CODE);
        form.put("sign", RsaSignatures.sign(respData, FakeHuifu.privateKey()));
        form.put("resp_data", respData);
        return form;
    }

    /** A validly signed notification padded past 64 KiB with an extra field. */
    private static String oversize() {
        return FakeHuifu.body(goodForm()) + "&padding=" + "x".repeat(64 * 1024);
    }

    private static Map<String, String> with(Map<String, String> form, String name, String value) {
        Map<String, String> copy = new LinkedHashMap<>(form);
        copy.put(name, value);
        return copy;
    }

    private static <V> Map<String, V> without(Map<String, V> form, String name) {
        Map<String, V> copy = new LinkedHashMap<>(form);
        copy.remove(name);
        return copy;
    }
}
