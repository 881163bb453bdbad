package io.payout.local;

import io.payout.model.Topics;
import io.payout.model.WithdrawalStatus;
import io.payout.model.WithdrawalStatusChanged;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.json.JsonMapper;

/** Follows withdrawal.outcomes and withdrawal.rejections for the demo's withdrawals, from where they stood at start. */
final class OutcomeTracker implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** What the demo saw of one withdrawal. */
    static final class Seen {
        final List<WithdrawalStatus> path = new ArrayList<>();
        final Set<String> eventIds = new HashSet<>();
        WithdrawalStatusChanged last;
        String rejection;
        long publishedNanos;
        long finalNanos;
        int duplicates;
    }

    private final KafkaConsumer<String, String> consumer;
    private final Map<String, Seen> seen = new HashMap<>();
    private int finals;

    private OutcomeTracker(KafkaConsumer<String, String> consumer, List<Demo.Planned> plan) {
        this.consumer = consumer;
        plan.forEach(p -> seen.put(p.request().withdrawalId(), new Seen()));
    }

    static OutcomeTracker start(String bootstrapServers, List<Demo.Planned> plan) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : List.of(Topics.WITHDRAWAL_OUTCOMES, Topics.WITHDRAWAL_REJECTIONS)) {
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        // Resolve the end offsets now, before anything is published, so nothing of this run is skipped.
        partitions.forEach(consumer::position);
        return new OutcomeTracker(consumer, plan);
    }

    void published(String withdrawalId, long nanos) {
        seen.get(withdrawalId).publishedNanos = nanos;
    }

    void poll(Duration wait) {
        for (ConsumerRecord<String, String> record : consumer.poll(wait)) {
            Seen withdrawal = record.key() == null ? null : seen.get(record.key());
            if (withdrawal == null) {
                continue;
            }
            if (record.topic().equals(Topics.WITHDRAWAL_REJECTIONS)) {
                withdrawal.rejection = record.value();
                continue;
            }
            WithdrawalStatusChanged event = JSON.readValue(record.value(), WithdrawalStatusChanged.class);
            if (!withdrawal.eventIds.add(event.eventId().toString())) {
                withdrawal.duplicates++;
                continue;
            }
            withdrawal.path.add(event.status());
            withdrawal.last = event;
            if (event.status().isFinal() && withdrawal.finalNanos == 0) {
                withdrawal.finalNanos = System.nanoTime();
                finals++;
            }
        }
    }

    boolean allFinal() {
        return finals == seen.size();
    }

    int finalCount() {
        return finals;
    }

    Map<WithdrawalStatus, Integer> countsByStatus() {
        Map<WithdrawalStatus, Integer> counts = new EnumMap<>(WithdrawalStatus.class);
        for (Seen withdrawal : seen.values()) {
            if (withdrawal.last != null) {
                counts.merge(withdrawal.last.status(), 1, Integer::sum);
            }
        }
        return counts;
    }

    Seen of(String withdrawalId) {
        return seen.get(withdrawalId);
    }

    @Override
    public void close() {
        consumer.close();
    }
}
