package io.payout.bench;

import io.payout.model.Topics;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code --accounts}: B3 with the checks before a send on (CONTRACT.md §6). The orchestrators get an accounts hash key
 * (through the harness's {@code bench.orchestrator.*} properties), and the benchmark's accounts are made known to the
 * registry by a REFRESH request each before the burst, so every send reads the account's cards and cash
 * configuration and fixes its expected fee.
 */
final class AccountChecks {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final String HASH_KEY_PROPERTY = "bench.orchestrator.orchestrator.accounts.hash-key";

    private AccountChecks() {
    }

    /** Switches the accounts feature on for every orchestrator the harness starts from now on. */
    static void switchOn() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        System.setProperty(HASH_KEY_PROPERTY, Base64.getEncoder().encodeToString(key));
    }

    static boolean on() {
        return System.getProperty(HASH_KEY_PROPERTY) != null;
    }

    /** Publishes a REFRESH of each account and waits until the registry has learned every one of them. */
    static void makeKnown(String bootstrapServers, List<String> huifuIds, String run, Duration timeout) {
        Properties consumerProps = new Properties();
        consumerProps.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        consumerProps.put(ConsumerConfig.GROUP_ID_CONFIG, "bench-account-updates-" + run);
        consumerProps.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        Properties producerProps = new Properties();
        producerProps.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        producerProps.put(ProducerConfig.ACKS_CONFIG, "all");
        Set<String> waiting = new HashSet<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(producerProps, new StringSerializer(),
                new StringSerializer());
             KafkaConsumer<String, String> consumer = new KafkaConsumer<>(consumerProps, new StringDeserializer(),
                     new StringDeserializer())) {
            for (String huifuId : huifuIds) {
                String id = "bench-refresh-" + run + "-" + huifuId;
                waiting.add(id);
                producer.send(new ProducerRecord<>(Topics.ACCOUNT_REQUESTS, id, JSON.writeValueAsString(Map.of(
                        "account_request_id", id, "action", "REFRESH", "account_kind", "MERCHANT",
                        "huifu_id", huifuId))));
            }
            producer.flush();
            consumer.subscribe(List.of(Topics.ACCOUNT_UPDATES));
            long deadline = System.nanoTime() + timeout.toNanos();
            while (!waiting.isEmpty() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(250))) {
                    JsonNode update = JSON.readTree(record.value());
                    if ("APPROVED".equals(update.path("change").asString())) {
                        waiting.remove(update.path("account_request_id").asString());
                    }
                }
            }
        }
        if (!waiting.isEmpty()) {
            throw new IllegalStateException(waiting.size() + " accounts not known to the registry within " + timeout);
        }
        System.out.printf("  account checks on: %d accounts known to the registry%n", huifuIds.size());
    }
}
