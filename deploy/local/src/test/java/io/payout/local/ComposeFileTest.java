package io.payout.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.payout.model.Topics;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * We have no Docker engine to run docker-compose.yml, so this reads it: every environment variable a service is given
 * must be a property that service reads (Spring's relaxed binding, checked against the configuration metadata of the
 * service's module and of Spring Boot), and ports and topics must agree with the services' own defaults.
 */
class ComposeFileTest {

    private static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();

    @ParameterizedTest(name = "{0} reads every variable compose gives it")
    @CsvSource({"huifu-sandbox, huifu-sandbox", "callback-gateway, callback-gateway", "orchestrator, orchestrator"})
    void everyEnvironmentVariableIsAPropertyTheServiceReads(String service, String module) throws IOException {
        Set<String> known = propertiesReadBy(module);

        List<String> unknown = new ArrayList<>();
        for (String variable : environment(service).keySet()) {
            // an element of a list property (CONSOLE_IDENTITIES_0_NAME) binds to the list's property
            String property = variable.replaceAll("_[0-9]+(_.*)?$", "");
            if (!known.contains(relaxed(property))) {
                unknown.add(variable);
            }
        }

        assertThat(known).as("configuration metadata of " + module).isNotEmpty();
        assertThat(unknown).as("variables of " + service + " that no property of it matches").isEmpty();
    }

    @ParameterizedTest(name = "{0} listens where its own configuration says")
    @CsvSource({"huifu-sandbox, huifu-sandbox.yml", "callback-gateway, callback-gateway.yml",
            "orchestrator, orchestrator.yml"})
    void portsAgreeWithTheServicesDefaults(String service, String configFile) throws IOException {
        Map<String, Object> config = yamlResource(configFile);
        String defaultPort = String.valueOf(((Map<?, ?>) config.get("server")).get("port"));

        assertThat(environment(service)).containsEntry("SERVER_PORT", defaultPort);
        assertThat(ports(service)).contains(defaultPort + ":" + defaultPort);
    }

    @Test
    void topicsAgreeWithTheContractsDefaults() throws IOException {
        Map<String, String> gateway = environment("callback-gateway");
        Map<String, String> orchestrator = environment("orchestrator");

        assertThat(gateway).containsEntry("GATEWAY_TOPIC", Topics.HUIFU_NOTIFICATIONS);
        assertThat(orchestrator)
                .containsEntry("ORCHESTRATOR_TOPICS_REQUESTS", Topics.WITHDRAWAL_REQUESTS)
                .containsEntry("ORCHESTRATOR_TOPICS_OUTCOMES", Topics.WITHDRAWAL_OUTCOMES)
                .containsEntry("ORCHESTRATOR_TOPICS_REJECTIONS", Topics.WITHDRAWAL_REJECTIONS)
                .containsEntry("ORCHESTRATOR_TOPICS_NOTIFICATIONS", Topics.HUIFU_NOTIFICATIONS);
    }

    @Test
    void servicesAreWiredToEachOtherByTheirComposeNamesAndPorts() throws IOException {
        Map<String, String> orchestrator = environment("orchestrator");
        String sandboxPort = environment("huifu-sandbox").get("SERVER_PORT");
        String gatewayPort = environment("callback-gateway").get("SERVER_PORT");

        assertThat(orchestrator.get("ORCHESTRATOR_HUIFU_BASE_URL")).isEqualTo("http://huifu-sandbox:" + sandboxPort);
        assertThat(orchestrator.get("ORCHESTRATOR_HUIFU_NOTIFY_URL"))
                .isEqualTo("http://callback-gateway:" + gatewayPort + "/huifu/notify/withdrawal");
        assertThat(orchestrator.get("SPRING_KAFKA_BOOTSTRAP_SERVERS"))
                .isEqualTo(environment("callback-gateway").get("SPRING_KAFKA_BOOTSTRAP_SERVERS"));
    }

    @Test
    void clientsOnTheHostReachTheBrokerAtItsExternalListener() throws IOException {
        Map<String, String> kafka = environment("kafka");
        assertThat(kafka.get("KAFKA_ADVERTISED_LISTENERS")).contains("EXTERNAL://localhost:29092");
        assertThat(kafka.get("KAFKA_LISTENERS")).contains("EXTERNAL://:29092");
        assertThat(kafka.get("KAFKA_LISTENER_SECURITY_PROTOCOL_MAP")).contains("EXTERNAL:PLAINTEXT");
        assertThat(ports("kafka")).contains("29092:29092");
    }

    @Test
    @SuppressWarnings("unchecked")
    void theObservabilityProfileScrapesEveryServiceWhereItListens() throws IOException {
        Map<String, Object> prometheus = new Yaml().load(Files.readString(
                ROOT.resolve("deploy/observability/prometheus.yml")));
        List<String> targets = new ArrayList<>();
        for (Map<String, Object> job : (List<Map<String, Object>>) prometheus.get("scrape_configs")) {
            for (Map<String, Object> config : (List<Map<String, Object>>) job.get("static_configs")) {
                targets.addAll((List<String>) config.get("targets"));
            }
        }
        for (String service : List.of("huifu-sandbox", "callback-gateway", "orchestrator")) {
            assertThat(targets).contains(service + ":" + environment(service).get("SERVER_PORT"));
        }
        for (String service : List.of("prometheus", "grafana", "jaeger")) {
            assertThat((List<String>) service(service).get("profiles")).containsExactly("observability");
        }
        assertThat(Files.exists(ROOT.resolve("deploy/observability/alerts.yml"))).isTrue();
        assertThat(Files.exists(ROOT.resolve("deploy/observability/dashboard.json"))).isTrue();
    }

    @Test
    void theRelaxedBindingOfThisTestMatchesSpringsRule() {
        assertThat(relaxed("ORCHESTRATOR_HUIFU_BASE_URL")).isEqualTo(relaxed("orchestrator.huifu.base-url"));
        assertThat(relaxed("ORCHESTRATOR_HUIFU_BASE_URL")).isNotEqualTo(relaxed("orchestrator.huifu.notify-url"));
    }

    /** Spring matches SPRING_KAFKA_BOOTSTRAP_SERVERS to spring.kafka.bootstrap-servers: compare without separators. */
    private static String relaxed(String name) {
        return name.replace("_", "").replace(".", "").replace("-", "").toLowerCase(Locale.ROOT);
    }

    private static Set<String> propertiesReadBy(String module) throws IOException {
        Set<String> names = new HashSet<>();
        JsonMapper json = JsonMapper.builder().build();
        for (URL url : Collections.list(ComposeFileTest.class.getClassLoader()
                .getResources("META-INF/spring-configuration-metadata.json"))) {
            String where = url.toString();
            boolean ownModule = where.contains("/" + module + "/target/classes/") || where.contains("/" + module + "-");
            boolean springBoot = where.contains("/spring-boot");
            if (!ownModule && !springBoot) {
                continue;
            }
            try (InputStream in = url.openStream()) {
                for (JsonNode property : json.readTree(in).path("properties")) {
                    names.add(relaxed(property.path("name").asString()));
                }
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(String name) throws IOException {
        Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
        Map<String, Object> services = (Map<String, Object>) compose.get("services");
        assertThat(services).as("services of docker-compose.yml").containsKey(name);
        return (Map<String, Object>) services.get(name);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> environment(String name) throws IOException {
        Map<String, Object> env = (Map<String, Object>) service(name).get("environment");
        Map<String, String> text = new java.util.TreeMap<>();
        env.forEach((key, value) -> text.put(key, String.valueOf(value)));
        return text;
    }

    @SuppressWarnings("unchecked")
    private static List<String> ports(String name) throws IOException {
        return ((List<Object>) service(name).get("ports")).stream().map(String::valueOf).toList();
    }

    private static Map<String, Object> yamlResource(String name) throws IOException {
        try (InputStream in = ComposeFileTest.class.getClassLoader().getResourceAsStream(name)) {
            assertThat(in).as(name + " on the class path").isNotNull();
            return new Yaml().load(in);
        }
    }
}
