package io.payout.bench;

import io.payout.model.WithdrawalStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads the outcomes topic (committed records only, from its end at start) on its own thread and keeps, for each
 * withdrawal, the System.nanoTime() at which each status was first seen, and for that first record the stages it went
 * through in wall-clock milliseconds: its {@code occurred_at} (the transition in the orchestrator), its record
 * timestamp (the relay's send) and when it was read here.
 */
final class OutcomeWatcher implements AutoCloseable {

    private static final int STATES = WithdrawalStatus.values().length;
    /** Per withdrawal: nanoTime seen, occurred_at, record timestamp, wall time seen; each block indexed by status. */
    private static final int SEEN = 0;
    private static final int OCCURRED = STATES;
    private static final int SENT = 2 * STATES;
    private static final int READ = 3 * STATES;

    private final KafkaConsumer<String, String> consumer;
    private final Map<String, AtomicLongArray> firstSeen = new ConcurrentHashMap<>();
    private final AtomicLong[] counts = new AtomicLong[STATES];
    private final Thread thread;
    private volatile boolean running = true;

    private OutcomeWatcher(KafkaConsumer<String, String> consumer) {
        this.consumer = consumer;
        for (int i = 0; i < STATES; i++) {
            counts[i] = new AtomicLong();
        }
        this.thread = new Thread(this::loop, "outcome-watcher");
        this.thread.setDaemon(true);
    }

    static OutcomeWatcher start(String bootstrapServers, String topic) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(),
                new StringDeserializer());
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToEnd(partitions);
        partitions.forEach(consumer::position);
        OutcomeWatcher watcher = new OutcomeWatcher(consumer);
        watcher.thread.start();
        return watcher;
    }

    private void loop() {
        try {
            while (running) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(100))) {
                    long now = System.nanoTime();
                    long wall = System.currentTimeMillis();
                    WithdrawalStatus status = statusOf(record.value());
                    if (record.key() == null || status == null) {
                        continue;
                    }
                    AtomicLongArray seen = firstSeen.computeIfAbsent(record.key(),
                            k -> new AtomicLongArray(4 * STATES));
                    int s = status.ordinal();
                    if (seen.get(SEEN + s) == 0) {
                        seen.set(OCCURRED + s, occurredAtMillis(record.value()));
                        seen.set(SENT + s, record.timestamp());
                        seen.set(READ + s, wall);
                        seen.set(SEEN + s, now); // last (volatile): whoever sees it sees the others
                        counts[s].incrementAndGet();
                    }
                }
            }
        } catch (WakeupException e) {
            // closing
        }
    }

    /** The "status" field of a WithdrawalStatusChanged, read without binding the whole record. */
    static WithdrawalStatus statusOf(String json) {
        int at = json.indexOf("\"status\":\"");
        if (at < 0) {
            return null;
        }
        int from = at + 10;
        return WithdrawalStatus.valueOf(json.substring(from, json.indexOf('"', from)));
    }

    /** The "occurred_at" field of a WithdrawalStatusChanged in epoch milliseconds, or 0 when it has none. */
    static long occurredAtMillis(String json) {
        int at = json.indexOf("\"occurred_at\":\"");
        if (at < 0) {
            return 0;
        }
        int from = at + 15;
        return java.time.Instant.parse(json.substring(from, json.indexOf('"', from))).toEpochMilli();
    }

    /**
     * Forgets which withdrawals were seen (the counts stay): a scenario that is done with its earlier rounds' ids
     * calls it, so the map holds one round, not every round of a long warm-up. Grown to a million ids, it made the
     * watcher thread over a third of the harness's samples (the map's lookups and resizing on top), CPU taken from
     * the services in the measured phase.
     */
    void forgetSeen() {
        firstSeen.clear();
    }

    long count(WithdrawalStatus status) {
        return counts[status.ordinal()].get();
    }

    long finals() {
        return count(WithdrawalStatus.SUCCEEDED) + count(WithdrawalStatus.REFUNDED) + count(WithdrawalStatus.FAILED);
    }

    /** When this withdrawal was first seen in this status, or 0. */
    long seenAt(String withdrawalId, WithdrawalStatus status) {
        AtomicLongArray seen = firstSeen.get(withdrawalId);
        return seen == null ? 0 : seen.get(SEEN + status.ordinal());
    }

    /**
     * Where the time went for the first record of this withdrawal in this status, in wall-clock milliseconds: the
     * transition ({@code occurred_at}), the relay's send (record timestamp) and the read here; null when not seen.
     */
    Stages stagesOf(String withdrawalId, WithdrawalStatus status) {
        AtomicLongArray seen = firstSeen.get(withdrawalId);
        int s = status.ordinal();
        return seen == null || seen.get(SEEN + s) == 0 ? null
                : new Stages(seen.get(OCCURRED + s), seen.get(SENT + s), seen.get(READ + s));
    }

    record Stages(long occurredAtMillis, long sentAtMillis, long readAtMillis) {
    }

    /** Waits until the condition holds or the timeout passes; true when it holds. */
    boolean await(java.util.function.BooleanSupplier condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            pause();
        }
        return true;
    }

    private static void pause() {
        try {
            Thread.sleep(20);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        running = false;
        consumer.wakeup();
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        consumer.close();
    }
}
