package io.payout.reliability;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads one topic from its beginning, committed records only (read_committed, as finance would), on its own thread
 * for the whole run, keeping every record and handing each to a callback (progress counting). It rides out the
 * broker's restart like any consumer. {@link #atEnd()} says whether it has read up to the topic's current end.
 */
public final class TopicTail implements AutoCloseable {

    private final String topic;
    private final String bootstrapServers;
    private final KafkaConsumer<String, String> consumer;
    private final List<ConsumerRecord<String, String>> records = new ArrayList<>();
    private final Map<Integer, Long> positions = new ConcurrentHashMap<>();
    private final Consumer<ConsumerRecord<String, String>> onRecord;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile RuntimeException failure;

    private TopicTail(String bootstrapServers, String topic, Consumer<ConsumerRecord<String, String>> onRecord) {
        this.topic = topic;
        this.bootstrapServers = bootstrapServers;
        this.onRecord = onRecord;
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "2000");
        this.consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer());
        List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                .map(info -> new TopicPartition(topic, info.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        this.thread = new Thread(this::loop, "tail-" + topic);
        this.thread.setDaemon(true);
    }

    public static TopicTail start(String bootstrapServers, String topic, Consumer<ConsumerRecord<String, String>> onRecord) {
        TopicTail tail = new TopicTail(bootstrapServers, topic, onRecord);
        tail.thread.start();
        return tail;
    }

    private void loop() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
                    synchronized (records) {
                        records.add(record);
                    }
                    onRecord.accept(record);
                    positions.put(record.partition(), record.offset() + 1);
                }
            }
        } catch (WakeupException closing) {
            // close()
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    /** Everything read so far, in the order read (per partition, the topic's order). */
    public List<ConsumerRecord<String, String>> records() {
        synchronized (records) {
            return List.copyOf(records);
        }
    }

    /** True once every record committed on the topic when this is called has been read. */
    public boolean atEnd() {
        if (failure != null) {
            throw new IllegalStateException("the tail of " + topic + " failed", failure);
        }
        Map<Integer, Long> ends = endOffsets();
        return ends.entrySet().stream().allMatch(e -> e.getValue() == 0
                || positions.getOrDefault(e.getKey(), 0L) >= e.getValue());
    }

    /** The topic's end offsets for read_committed readers, by partition. */
    Map<Integer, Long> endOffsets() {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Map<TopicPartition, OffsetSpec> request = new HashMap<>();
            for (int p = 0; p < ReliabilityStack.PARTITIONS; p++) {
                request.put(new TopicPartition(topic, p), OffsetSpec.latest());
            }
            Map<Integer, Long> ends = new HashMap<>();
            admin.listOffsets(request, new ListOffsetsOptions(IsolationLevel.READ_COMMITTED)).all().get()
                    .forEach((tp, info) -> ends.put(tp.partition(), info.offset()));
            return ends;
        } catch (Exception e) {
            throw new IllegalStateException("cannot read the end offsets of " + topic, e);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
    }
}
