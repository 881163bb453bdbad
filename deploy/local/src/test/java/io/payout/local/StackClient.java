package io.payout.local;

import io.payout.model.Topics;
import io.payout.model.WithdrawalRequested;
import io.payout.model.WithdrawalStatusChanged;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import tools.jackson.databind.json.JsonMapper;

/** What an upstream service and finance do with the local stack's broker: publish requests, follow outcomes. */
final class StackClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String bootstrapServers;
    private final Map<TopicPartition, Long> outcomesAtStart = new HashMap<>();

    StackClient(String bootstrapServers) {
        this.bootstrapServers = bootstrapServers;
    }

    /** Commits {@code group}'s place at the end of the outcome topic, as a consumer that has read all so far. */
    void commitEndOfOutcomes(String group) {
        try (KafkaConsumer<String, String> consumer = consumer(group)) {
            List<TopicPartition> partitions = consumer.partitionsFor(Topics.WITHDRAWAL_OUTCOMES, Duration.ofSeconds(30))
                    .stream().map(info -> new TopicPartition(info.topic(), info.partition())).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            Map<TopicPartition, OffsetAndMetadata> commit = new HashMap<>();
            ends.forEach((partition, end) -> commit.put(partition, new OffsetAndMetadata(end)));
            consumer.commitSync(commit, Duration.ofSeconds(30));
            outcomesAtStart.putAll(ends);
        }
    }

    void publish(List<WithdrawalRequested> requests) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(),
                new StringSerializer())) {
            for (WithdrawalRequested request : requests) {
                producer.send(new ProducerRecord<>(Topics.WITHDRAWAL_REQUESTS, request.withdrawalId(),
                        JSON.writeValueAsString(request)));
            }
            producer.flush();
        }
    }

    /**
     * Waits until at least {@code count} of {@code ids} have a final outcome, reading from where the group's commit
     * stood without committing anything itself: the group's own offsets stay where they were.
     */
    void awaitFinals(List<String> ids, int count, Duration timeout) {
        Set<String> wanted = new HashSet<>(ids);
        Set<String> finals = new HashSet<>();
        try (KafkaConsumer<String, String> consumer = consumer(null)) {
            consumer.assign(outcomesAtStart.keySet());
            outcomesAtStart.forEach(consumer::seek);
            Awaitility.await("final outcomes before the crash").atMost(timeout).pollInSameThread()
                    .pollInterval(Duration.ofMillis(1))
                    .until(() -> {
                        for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                            if (wanted.contains(record.key()) && JSON.readValue(record.value(),
                                    WithdrawalStatusChanged.class).status().isFinal()) {
                                finals.add(record.key());
                            }
                        }
                        return finals.size() >= count;
                    });
        }
    }

    /**
     * Reads the outcome topic as {@code group}, from its committed offsets, until every one of {@code ids} has a
     * final outcome. A group whose offsets were lost would start at the end (latest) and never see them.
     */
    Map<String, WithdrawalStatusChanged> readFinalOutcomes(String group, List<String> ids, Duration timeout) {
        Set<String> wanted = new HashSet<>(ids);
        Map<String, WithdrawalStatusChanged> finals = new HashMap<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        try (KafkaConsumer<String, String> consumer = consumer(group)) {
            consumer.subscribe(List.of(Topics.WITHDRAWAL_OUTCOMES));
            while (finals.size() < wanted.size() && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (wanted.contains(record.key())) {
                        WithdrawalStatusChanged event = JSON.readValue(record.value(), WithdrawalStatusChanged.class);
                        if (event.status().isFinal()) {
                            finals.put(event.withdrawalId(), event);
                        }
                    }
                }
            }
            consumer.commitSync();
        }
        return finals;
    }

    /** A consumer of {@code group}; null for none (assigned partitions, nothing committed). */
    private KafkaConsumer<String, String> consumer(String group) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        if (group != null) {
            props.put(ConsumerConfig.GROUP_ID_CONFIG, group);
        }
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        return new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
    }
}
