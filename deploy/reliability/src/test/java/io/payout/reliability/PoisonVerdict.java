package io.payout.reliability;

import io.payout.model.Topics;
import io.payout.reliability.PoisonNotices.Answer;
import io.payout.reliability.PoisonNotices.Fate;
import io.payout.reliability.PoisonNotices.Poison;
import io.payout.testkit.ServiceProcess;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What became of the poison notices: each acknowledged by the gateway; those it set aside listed by the
 * orchestrator's {@code GET /api/quarantine} with the gateway's reason and counted by
 * {@code gateway_notifications_quarantined_total}; those it published kept as pending notices; both kinds spread
 * over every partition; and nothing else quarantined anywhere, least of all a genuine record during an outage.
 */
final class PoisonVerdict {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private PoisonVerdict() {
    }

    static void checkAcknowledged(InvariantTable table, List<Answer> answers) {
        table.check("poison notices acknowledged by the gateway (200, RECV_ORD_ID_<req_seq_id>)", answers.size(),
                answers.stream().filter(a -> !a.acknowledged()).map(a -> a.poison().kind() + " -> " + a.status()
                        + " " + Invariants.abbreviate(a.body())).toList());
    }

    /**
     * After the run: {@code notices} is the notifications topic as read to its end (before the forged notices), the
     * quarantine list comes from the operations API of orchestrator a, the pending notices from the database.
     */
    static void checkAfterRun(InvariantTable table, List<Poison> poisons, ReliabilityStack stack,
                              OrchestratorDatabase database, List<ConsumerRecord<String, String>> notices) {
        JsonNode listed = quarantineList(stack.orchestrator(0), stack.opsToken);
        String quarantineTopic = Topics.quarantineOf(stack.topics.notifications());
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        Set<Integer> setAsidePartitions = new TreeSet<>();
        List<Poison> setAside = poisons.stream().filter(p -> p.fate() == Fate.SET_ASIDE).toList();
        for (Poison p : setAside) {
            JsonNode entry = find(listed, p.notificationId());
            String expected = "set aside by the gateway: " + p.reason();
            if (entry == null) {
                missing.add(p.kind() + " (partition " + p.partition() + ") not listed");
            } else if (!quarantineTopic.equals(entry.get("topic").asString())
                    || !expected.equals(entry.get("reason").asString())) {
                missing.add(p.kind() + " listed as " + entry.get("topic").asString() + ": "
                        + entry.get("reason").asString());
            } else {
                setAsidePartitions.add(entry.get("partition").asInt());
            }
        }
        table.check("poison notices the gateway set aside listed by GET /api/quarantine, with its reason",
                setAside.size(), missing);

        List<Poison> kept = poisons.stream().filter(p -> p.fate() == Fate.KEPT).toList();
        Set<String> pending = database.pendingNotificationIds();
        table.check("poison notices for serials of no withdrawal kept as pending notices (documented), not dropped",
                kept.size(), kept.stream().filter(p -> !pending.contains(p.notificationId()))
                        .map(p -> p.kind() + " (partition " + p.partition() + ")").toList());

        Set<Integer> keptPartitions = new TreeSet<>();
        for (ConsumerRecord<String, String> record : notices) {
            if (kept.stream().anyMatch(p -> record.value().contains(p.notificationId()))) {
                keptPartitions.add(record.partition());
            }
        }
        List<String> uncovered = new ArrayList<>();
        if (keptPartitions.size() < ReliabilityStack.PARTITIONS) {
            uncovered.add("published poison on partitions " + keptPartitions + " of huifu.notifications only");
        }
        if (setAsidePartitions.size() < ReliabilityStack.PARTITIONS) {
            uncovered.add("set-aside poison on partitions " + setAsidePartitions + " of the quarantine topic only");
        }
        table.check("  poison notices on every partition of both topics", 2L * ReliabilityStack.PARTITIONS,
                uncovered);

        for (JsonNode entry : listed) {
            String value = entry.get("value").asString();
            if (setAside.stream().noneMatch(p -> value.contains(p.notificationId()))) {
                unexpected.add(entry.get("topic").asString() + "-" + entry.get("partition").asInt() + "@"
                        + entry.get("offset").asLong() + ": " + entry.get("reason").asString());
            }
        }
        double orchestratorCount = 0;
        for (ServiceProcess o : stack.orchestrators()) {
            orchestratorCount += metric(o.baseUrl(), "orchestrator_records_quarantined_total");
        }
        if (orchestratorCount != 0) {
            unexpected.add("orchestrator_records_quarantined_total " + orchestratorCount);
        }
        table.check("no record quarantined except the poison notices (disk full and every outage included)",
                listed.size(), unexpected);

        double gatewayCount = metric(stack.gateway.baseUrl(), "gateway_notifications_quarantined_total");
        table.check("gateway_notifications_quarantined_total (" + (long) gatewayCount
                + ") = poison notices set aside", setAside.size(), gatewayCount == setAside.size() ? List.of()
                : List.of(gatewayCount + " != " + setAside.size()));
    }

    private static JsonNode find(JsonNode listed, String notificationId) {
        for (JsonNode entry : listed) {
            if (entry.get("value").asString().contains(notificationId)) {
                return entry;
            }
        }
        return null;
    }

    private static JsonNode quarantineList(ServiceProcess orchestrator, String token) {
        String body = get(orchestrator.baseUrl() + "/api/quarantine?limit=1000", token);
        return JSON.readTree(body);
    }

    /** The sum of a counter's series in a Prometheus scrape; 0 when the counter was never registered. */
    static double metric(String baseUrl, String name) {
        Matcher m = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})?\\s+([0-9.eE+-]+)", Pattern.MULTILINE)
                .matcher(get(baseUrl + "/actuator/prometheus", null));
        double sum = 0;
        while (m.find()) {
            sum += Double.parseDouble(m.group(2));
        }
        return sum;
    }

    private static String get(String url, String token) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        try {
            HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("GET " + url + " answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("GET " + url + " failed: " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
