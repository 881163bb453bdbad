package io.payout.gateway;

import io.payout.testkit.TestKafka;
import java.util.HashMap;
import java.util.Map;
import org.springframework.test.context.DynamicPropertyRegistry;

/**
 * The few properties every test gateway needs: a broker, Huifu's (fake) public key, a topic of its own, and the
 * longest publish timeout Huifu allows, so that tests of the acknowledged path pass on a busy machine too.
 */
public final class GatewayTestProperties {

    /** {@code @SpringBootTest} does not go through the gateway's main(), which names its configuration file. */
    public static final String CONFIG = "spring.config.name=" + CallbackGatewayApplication.CONFIG_NAME;

    private static final String PUBLISH_TIMEOUT = "4s";

    private GatewayTestProperties() {
    }

    /** For {@code @SpringBootTest} classes, against the shared test broker. */
    public static void register(DynamicPropertyRegistry registry, String topic) {
        registry.add("spring.kafka.bootstrap-servers", TestKafka::bootstrapServers);
        registry.add("gateway.huifu-public-key", FakeHuifu::publicKey);
        registry.add("gateway.topic", () -> topic);
        registry.add("gateway.account-topic", () -> accountTopicOf(topic));
        registry.add("gateway.publish-timeout", () -> PUBLISH_TIMEOUT);
    }

    /** For {@link GatewayServer#start}: a mutable map, so a test can add what it is about. */
    public static Map<String, Object> launch(String bootstrapServers, String topic) {
        Map<String, Object> properties = new HashMap<>();
        properties.put("spring.kafka.bootstrap-servers", bootstrapServers);
        properties.put("gateway.huifu-public-key", FakeHuifu.publicKey());
        properties.put("gateway.topic", topic);
        properties.put("gateway.account-topic", accountTopicOf(topic));
        properties.put("gateway.publish-timeout", PUBLISH_TIMEOUT);
        return properties;
    }

    /** The account notices' topic of a test gateway whose withdrawal notices go to {@code topic}: its own too. */
    public static String accountTopicOf(String topic) {
        return topic + ".accounts";
    }
}
