package io.payout.reliability;

import java.util.List;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * An upstream service publishing request records at a steady pace (a slice every tick, from a scheduler, so the
 * test thread is free to inject faults meanwhile): acks=all and idempotent, so a broker restart delays records but
 * neither loses nor doubles them.
 */
final class UpstreamPublisher implements AutoCloseable {

    /** One record to publish: key (may be null) and raw value. */
    record Request(String key, byte[] value) {
    }

    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final List<Request> requests;
    private final int perTick;
    private final AtomicInteger next = new AtomicInteger();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicInteger limit;
    private final AtomicReference<Exception> failure = new AtomicReference<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "upstream-publisher");
        t.setDaemon(true);
        return t;
    });

    private UpstreamPublisher(String bootstrapServers, String topic, List<Request> requests, int perTick) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        props.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        props.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // the largest fuzzed record is ~0.9 MB; the broker's limit is 1 MB
        props.put(ProducerConfig.MAX_REQUEST_SIZE_CONFIG, Integer.toString(1_048_000));
        props.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "300000");
        this.producer = new KafkaProducer<>(props, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.requests = List.copyOf(requests);
        this.perTick = perTick;
        this.limit = new AtomicInteger(requests.size());
    }

    /** Publishes {@code perTick} records every {@code tickMillis}, in list order, until all are sent. */
    static UpstreamPublisher start(String bootstrapServers, String topic, List<Request> requests, int perTick,
                                   long tickMillis) {
        UpstreamPublisher publisher = new UpstreamPublisher(bootstrapServers, topic, requests, perTick);
        publisher.scheduler.scheduleAtFixedRate(publisher::tick, 0, tickMillis, TimeUnit.MILLISECONDS);
        return publisher;
    }

    private void tick() {
        for (int k = 0; k < perTick; k++) {
            int i = next.get();
            if (i >= requests.size()) {
                scheduler.shutdown();
                return;
            }
            if (i >= limit.get()) {
                return;
            }
            next.incrementAndGet();
            Request r = requests.get(i);
            producer.send(new ProducerRecord<>(topic, r.key(), r.value()), (metadata, error) -> {
                if (error != null) {
                    failure.compareAndSet(null, error);
                } else {
                    acknowledged.incrementAndGet();
                }
            });
        }
    }

    /** Publishes no further than the first {@code records} records until told otherwise (at most all of them). */
    void holdAt(int records) {
        limit.set(Math.min(records, requests.size()));
    }

    /** Records the broker has acknowledged. */
    int acknowledged() {
        if (failure.get() != null) {
            throw new IllegalStateException("publishing failed", failure.get());
        }
        return acknowledged.get();
    }

    int total() {
        return requests.size();
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
        producer.close();
    }
}
