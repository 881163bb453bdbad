package io.payout.local;

import io.payout.model.Amount;
import io.payout.model.Masking;
import io.payout.model.Topics;
import io.payout.testkit.AccountRequestJson;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The demo's first part, the seed's steps 1–2 through {@code account.requests}: opens the demo users and binds their
 * cards the way an upstream service would, and learns their {@code huifu_id}s and {@code token_no}s from
 * {@code account.updates}. One opening has a card whose holder does not match (rejected with Huifu's reason), one
 * enterprise's card is a corporate card of another name (Huifu reviews it). New people every run: the sandbox, like
 * Huifu, opens one user per certificate number.
 */
final class DemoOnboarding {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the withdrawals of the demo use: the users Huifu opened and their cards' tokens. */
    record Onboarded(String user, String cardA, String cardB, String reviewed, String reviewedCard, String empty,
                     String emptyCard) {
    }

    private final RunningStack stack;
    private final Duration timeout;
    private final long base;
    private final String runId;

    DemoOnboarding(RunningStack stack, String runId, Duration timeout) {
        this.stack = stack;
        this.runId = runId;
        this.timeout = timeout;
        // eight digits that differ from run to run, for certificate and card numbers nobody has used yet
        this.base = System.currentTimeMillis() % 10_000_000L * 10;
    }

    Onboarded run() {
        System.out.printf("%nAccounts: opening the demo users and binding their cards through account.requests%n");
        try (Updates updates = Updates.start(stack.bootstrapServers)) {
            Map<String, String> requests = new LinkedHashMap<>();
            requests.put(id("user"), AccountRequestJson.openIndividual(id("user"), "演示用户甲", cert(1), card(1),
                    "D0", "T1", "D1", "DM"));
            // T1 and DM only: its D0 withdrawals find the type off, its DM ones exceed the little it holds
            requests.put(id("reviewed"), AccountRequestJson.openEnterprise(id("reviewed"), "演示法人乙", cert(2),
                    card(2), "T1", "DM"));
            requests.put(id("empty"), AccountRequestJson.openIndividual(id("empty"), "演示用户丙", cert(3),
                    card(3),
                    "D0", "T1", "D1", "DM"));
            // the bank says a number ending in 0000 belongs to someone else
            requests.put(id("mismatch"), AccountRequestJson.openIndividual(id("mismatch"), "演示用户丁", cert(4),
                    card(4).substring(0, 12) + "0000", "D0"));
            publish(requests);
            Map<String, JsonNode> ends = updates.awaitEnds(requests.keySet(), timeout);
            String user = huifuIdOf(ends, id("user"));
            String reviewed = huifuIdOf(ends, id("reviewed"));
            String empty = huifuIdOf(ends, id("empty"));

            Map<String, String> binding = Map.of(id("second-card"), AccountRequestJson.bindCard(id("second-card"),
                    user, "演示用户甲", cert(1), card(5)));
            publish(binding);
            ends.putAll(updates.awaitEnds(binding.keySet(), timeout));
            for (String name : List.of("user", "reviewed", "empty", "mismatch", "second-card")) {
                System.out.println("  " + updates.describe(name, id(name), ends.get(id(name))));
            }
            String cardA = updates.tokenOf(id("user"));
            String cardB = updates.tokenOf(id("second-card"));
            String reviewedCard = updates.tokenOf(id("reviewed"));
            String emptyCard = updates.tokenOf(id("empty"));
            if (user == null || reviewed == null || empty == null || cardA == null || cardB == null
                    || reviewedCard == null || emptyCard == null) {
                throw new IllegalStateException("the demo accounts were not all opened and bound: " + ends.keySet());
            }
            // Money arriving on the accounts is outside the product: the sandbox credits it (not today's, so DM may
            // take it). The reviewed enterprise gets little, so its DM withdrawals exceed the quota.
            stack.sandbox.control().credit(user, Amount.parse("9000000.00"), false);
            stack.sandbox.control().credit(reviewed, Amount.parse("100.00"), false);
            return new Onboarded(user, cardA, cardB, reviewed, reviewedCard, empty, emptyCard);
        }
    }

    private String id(String name) {
        return "demo-" + runId + "-" + name;
    }

    private String cert(int person) {
        return "1101011990" + String.format("%08d", base + person);
    }

    private String card(int n) {
        return "62220202" + String.format("%08d", base + n);
    }

    private static String huifuIdOf(Map<String, JsonNode> ends, String requestId) {
        JsonNode end = ends.get(requestId);
        return end == null || !"APPROVED".equals(end.path("change").asString()) ? null
                : end.path("huifu_id").asString();
    }

    private void publish(Map<String, String> requests) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, stack.bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            requests.forEach((key, value) -> producer.send(new ProducerRecord<>(Topics.ACCOUNT_REQUESTS, key, value)));
            producer.flush();
        }
    }

    /** Follows account.updates from where it stood at start. */
    private static final class Updates implements AutoCloseable {

        private final KafkaConsumer<String, String> consumer;
        private final Map<String, List<JsonNode>> byRequest = new HashMap<>();

        private Updates(KafkaConsumer<String, String> consumer) {
            this.consumer = consumer;
        }

        static Updates start(String bootstrapServers) {
            Properties props = new Properties();
            props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
            props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
            props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                    new StringDeserializer());
            List<TopicPartition> partitions = new ArrayList<>();
            for (PartitionInfo info : consumer.partitionsFor(Topics.ACCOUNT_UPDATES, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(Topics.ACCOUNT_UPDATES, info.partition()));
            }
            consumer.assign(partitions);
            consumer.seekToEnd(partitions);
            partitions.forEach(consumer::position);
            return new Updates(consumer);
        }

        /** Each request's final answer (APPROVED, REJECTED or FAILED), those that came within {@code timeout}. */
        Map<String, JsonNode> awaitEnds(Collection<String> requestIds, Duration timeout) {
            long deadline = System.nanoTime() + timeout.toNanos();
            Map<String, JsonNode> ends = new HashMap<>();
            while (ends.size() < requestIds.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    JsonNode update = JSON.readTree(record.value());
                    String requestId = update.path("account_request_id").asString(null);
                    if (requestId == null) {
                        continue;
                    }
                    byRequest.computeIfAbsent(requestId, k -> new ArrayList<>()).add(update);
                    if (requestIds.contains(requestId)
                            && update.path("change").asString().matches("APPROVED|REJECTED|FAILED")) {
                        ends.put(requestId, update);
                    }
                }
            }
            return ends;
        }

        String tokenOf(String requestId) {
            return byRequest.getOrDefault(requestId, List.of()).stream()
                    .filter(u -> "CARD_BOUND".equals(u.path("change").asString()))
                    .map(u -> u.path("token_no").asString()).findFirst().orElse(null);
        }

        /** One line: the request, the changes it caused in order, and its end with Huifu's reason if any. */
        String describe(String label, String requestId, JsonNode end) {
            StringBuilder line = new StringBuilder(String.format("%-12s", label + ":"));
            for (JsonNode update : byRequest.getOrDefault(requestId, List.of())) {
                line.append(' ').append(update.path("change").asString());
                if ("CARD_BOUND".equals(update.path("change").asString())) {
                    line.append(" (card ").append(Masking.tail(update.path("card_no").asString("")))
                            .append(", token_no ").append(update.path("token_no").asString()).append(')');
                }
                if ("OPENED".equals(update.path("change").asString())) {
                    line.append(" (").append(update.path("huifu_id").asString()).append(')');
                }
            }
            if (end == null) {
                return line.append(" … no final answer yet").toString();
            }
            if (!end.path("reason").isMissingNode() && !end.path("reason").isNull()) {
                line.append(": ").append(end.path("reason").asString());
            }
            return line.toString();
        }

        @Override
        public void close() {
            consumer.close();
        }
    }
}
