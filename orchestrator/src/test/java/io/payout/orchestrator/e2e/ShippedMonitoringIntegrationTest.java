package io.payout.orchestrator.e2e;

import static io.payout.orchestrator.OrchestratorHarness.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.payout.orchestrator.OrchestratorHarness;
import io.payout.orchestrator.ops.OperationsClient;
import io.payout.sandbox.ledger.AccountSpec;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The dashboard and the alert rules shipped in deploy/observability name only metrics the services expose: the whole
 * stack runs one withdrawal to its end and turns one forged notice away, then every metric named in a panel or a
 * rule must be on the orchestrator's or the gateway's {@code /actuator/prometheus}.
 */
class ShippedMonitoringIntegrationTest {

    private static final Path OBSERVABILITY = Path.of("..", "deploy", "observability");
    /** PromQL's words, which look like metric names in an expression but are not. */
    private static final Set<String> PROMQL = Set.of("sum", "min", "max", "avg", "count", "rate", "irate", "increase",
            "delta", "deriv", "histogram_quantile", "by", "without", "and", "or", "unless", "on", "ignoring",
            "group_left", "group_right", "bool", "offset", "topk", "bottomk", "abs", "absent", "clamp_min",
            "clamp_max", "time", "vector", "scalar", "le");
    private static final Pattern NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private static HuifuStack stack;

    @BeforeAll
    static void start() {
        stack = new HuifuStack(Map.of());
        stack.control().createAccount(AccountSpec.standard("6666000000000301", "1000.00", "10004053462"));
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void everyMetricTheDashboardAndTheAlertsNameIsExposed() throws Exception {
        stack.orchestrator.sendRequest("mon-1", request("mon-1", "6666000000000301", "12.00", "D0"));
        await().atMost(OrchestratorHarness.WAIT).until(() -> stack.orchestrator.withdrawal("mon-1")
                .map(w -> w.status().isFinal()).orElse(false));
        HttpResponse<String> forged = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(stack.gateway.notifyUrl()))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("resp_data=%7B%7D&sign=Zm9yZ2Vk")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(forged.statusCode()).isEqualTo(403);

        Set<String> named = new TreeSet<>();
        namedInRules().forEach(expr -> named.addAll(metricNames(expr)));
        namedInDashboard().forEach(expr -> named.addAll(metricNames(expr)));
        assertThat(named).hasSizeGreaterThan(15).contains("withdrawals_attention", "outbox_backlog");

        Set<String> exposed = new HashSet<>();
        await().atMost(OrchestratorHarness.WAIT).untilAsserted(() -> {
            exposed.clear();
            exposed.addAll(exposedNames(OperationsClient.anonymous(stack.orchestrator.server().baseUrl())));
            exposed.addAll(exposedNames(OperationsClient.anonymous(stack.gateway.baseUrl())));
            Set<String> missing = new TreeSet<>(named);
            missing.removeAll(exposed);
            assertThat(missing).as("named in deploy/observability but exposed by no service").isEmpty();
        });
    }

    @Test
    void everyAlertHasARunbookSectionInTheOperationsGuide() throws IOException {
        JsonNode rules = YAMLMapper.builder().build().readTree(OBSERVABILITY.resolve("alerts.yml").toFile());
        Set<String> anchors = new HashSet<>();
        Files.readString(Path.of("..", "docs", "operations.md")).lines().filter(l -> l.startsWith("#"))
                .map(l -> l.replaceFirst("^#+ ", "").toLowerCase(java.util.Locale.ROOT)
                        .replaceAll("[^a-z0-9 -]", "").replace(' ', '-'))
                .forEach(anchors::add);
        List<JsonNode> all = rules.path("groups").valueStream().flatMap(g -> g.path("rules").valueStream()).toList();
        assertThat(all).hasSizeGreaterThan(10);
        for (JsonNode rule : all) {
            String runbook = rule.path("annotations").path("runbook").asString();
            assertThat(runbook).as(rule.path("alert").asString()).startsWith("docs/operations.md#");
            assertThat(anchors).as(rule.path("alert").asString()).contains(runbook.substring(runbook.indexOf('#') + 1));
        }
    }

    private static List<String> namedInRules() throws IOException {
        JsonNode rules = YAMLMapper.builder().build().readTree(OBSERVABILITY.resolve("alerts.yml").toFile());
        return rules.path("groups").valueStream().flatMap(g -> g.path("rules").valueStream())
                .map(rule -> rule.path("expr").asString()).toList();
    }

    private static List<String> namedInDashboard() throws IOException {
        JsonNode dashboard = JsonMapper.builder().build().readTree(Files.readString(
                OBSERVABILITY.resolve("dashboard.json")));
        return dashboard.path("panels").valueStream().flatMap(p -> p.path("targets").valueStream())
                .map(target -> target.path("expr").asString()).toList();
    }

    /** The metric names of a PromQL expression: label matchers, grouping labels, strings and ranges removed. */
    static Set<String> metricNames(String expr) {
        String bare = expr.replaceAll("\"[^\"]*\"", "")
                .replaceAll("\\{[^}]*}", "")
                .replaceAll("\\[[^]]*]", "")
                .replaceAll("\\b(by|without|on|ignoring)\\s*\\([^)]*\\)", "")
                .replaceAll("\\b\\d+(\\.\\d+)?(e\\d+)?\\b", "");
        Set<String> names = new TreeSet<>();
        Matcher m = NAME.matcher(bare);
        while (m.find()) {
            if (!PROMQL.contains(m.group())) {
                names.add(m.group());
            }
        }
        return names;
    }

    private static Set<String> exposedNames(OperationsClient client) {
        Set<String> names = new HashSet<>();
        client.get("/actuator/prometheus").text(200).lines().filter(line -> !line.startsWith("#"))
                .forEach(line -> {
                    Matcher m = NAME.matcher(line);
                    if (m.lookingAt()) {
                        names.add(m.group());
                    }
                });
        return names;
    }
}
