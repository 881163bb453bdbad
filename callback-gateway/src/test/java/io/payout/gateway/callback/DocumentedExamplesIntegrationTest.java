package io.payout.gateway.callback;

import static org.assertj.core.api.Assertions.assertThat;

import io.payout.gateway.FakeHuifu;
import io.payout.gateway.GatewayTestProperties;
import io.payout.gateway.TopicContents;
import io.payout.model.huifu.RsaSignatures;
import io.payout.testkit.TestKafka;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Posts every request example of docs/openapi/callback-gateway.yaml to a running gateway and checks the answer the
 * document gives: an example with a placeholder {@code sign} is signed with the test key and must be acknowledged
 * and published; any other example must be named among the examples of the response it gets, status and body.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = GatewayTestProperties.CONFIG)
class DocumentedExamplesIntegrationTest {

    private static final String TOPIC = TestKafka.uniqueTopic("huifu.notifications");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Path DOCUMENT = Path.of("..", "docs", "openapi", "callback-gateway.yaml");

    @Value("${local.server.port}")
    int port;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        GatewayTestProperties.register(registry, TOPIC);
    }

    @Test
    void everyDocumentedExampleGetsTheDocumentedAnswer() throws IOException {
        Map<String, Object> document = new Yaml().load(Files.readString(DOCUMENT));
        Map<String, Object> paths = map(document.get("paths"));
        Map<String, Object> responses = map(map(document.get("components")).get("responses"));
        assertThat(paths).containsOnlyKeys("/huifu/notify/withdrawal", "/huifu/notify/account");
        int posted = 0;
        for (Map.Entry<String, Object> path : paths.entrySet()) {
            Map<String, Object> post = map(map(path.getValue()).get("post"));
            Map<String, Object> examples = map(map(map(map(post.get("requestBody")).get("content"))
                    .get("application/x-www-form-urlencoded")).get("examples"));
            for (Map.Entry<String, Object> example : examples.entrySet()) {
                Map<String, String> form = strings(map(example.getValue()).get("value"));
                check(path.getKey(), example.getKey(), form, map(post.get("responses")), responses);
                posted++;
            }
        }
        assertThat(posted).isGreaterThanOrEqualTo(5);
    }

    private void check(String path, String name, Map<String, String> form, Map<String, Object> operationResponses,
                       Map<String, Object> responses) {
        String signedField = form.containsKey("data") ? "data" : "resp_data";
        boolean placeholder = form.getOrDefault("sign", "").startsWith("<");
        if (placeholder) {
            form.put("sign", RsaSignatures.sign(form.get(signedField), FakeHuifu.privateKey()));
        }
        HttpResponse<String> answer = FakeHuifu.post("http://localhost:" + port + path, form);
        if (placeholder) {
            JsonNode data = JSON.readTree(form.get(signedField));
            String key = data.get("huifu_id").asString() + ":" + data.get("req_seq_id").asString();
            assertThat(answer.statusCode()).as("%s %s", path, name).isEqualTo(200);
            assertThat(answer.body()).isEqualTo("RECV_ORD_ID_" + data.get("req_seq_id").asString());
            String topic = path.endsWith("/account") ? GatewayTestProperties.accountTopicOf(TOPIC) : TOPIC;
            assertThat(TopicContents.keyed(topic, key)).as("%s %s published", path, name)
                    .anyMatch(r -> r.value().contains(form.get("sign")));
            return;
        }
        Map.Entry<String, Map<String, Object>> documented = documentedAnswer(name, operationResponses, responses);
        assertThat(String.valueOf(answer.statusCode())).as("%s %s", path, name).isEqualTo(documented.getKey());
        assertThat(answer.body()).isEqualTo(map(documented.getValue().get(name)).get("value"));
    }

    /** The status whose response lists an example of this name, and that response's examples. */
    private static Map.Entry<String, Map<String, Object>> documentedAnswer(String name, Map<String, Object> operation,
                                                                          Map<String, Object> responses) {
        for (Map.Entry<String, Object> status : operation.entrySet()) {
            String ref = String.valueOf(map(status.getValue()).get("$ref"));
            Map<String, Object> response = map(responses.get(ref.substring(ref.lastIndexOf('/') + 1)));
            Map<String, Object> examples = map(map(map(response.get("content")).get("text/plain")).get("examples"));
            if (examples != null && examples.containsKey(name)) {
                return Map.entry(status.getKey(), examples);
            }
        }
        throw new AssertionError("request example " + name + " is signed, so a response must document its answer");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node) {
        return (Map<String, Object>) node;
    }

    private static Map<String, String> strings(Object node) {
        Map<String, String> form = new LinkedHashMap<>();
        map(node).forEach((k, v) -> form.put(k, String.valueOf(v)));
        return form;
    }
}
