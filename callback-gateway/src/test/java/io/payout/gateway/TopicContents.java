package io.payout.gateway;

import io.payout.testkit.TestKafka;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Everything on a topic at this moment: reads each partition from the beginning up to the end offset taken first.
 * Unlike waiting for a quiet period, this cannot come back early on a slow machine. The gateway answers 200 only
 * after the broker acknowledged, so whatever it acknowledged is below those end offsets.
 */
public final class TopicContents {

    private static final Duration POLL = Duration.ofMillis(100);
    private static final Duration LIMIT = Duration.ofSeconds(60);

    private TopicContents() {
    }

    public static List<ConsumerRecord<String, String>> now(String topic) {
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.bootstrapServers(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false), new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, LIMIT).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, LIMIT);
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + LIMIT.toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p, LIMIT) < ends.get(p))) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " up to " + ends + " within " + LIMIT);
                }
                consumer.poll(POLL).forEach(records::add);
            }
            return records;
        }
    }

    public static List<ConsumerRecord<String, String>> keyed(String topic, String key) {
        return now(topic).stream().filter(record -> key.equals(record.key())).toList();
    }
}
