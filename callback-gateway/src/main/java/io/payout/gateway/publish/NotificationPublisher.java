package io.payout.gateway.publish;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.payout.model.HuifuNotification;
import io.payout.model.Topics;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Puts a verified notification on the topic and returns only once the broker has acknowledged it (acks=all,
 * idempotent producer), or throws within the publish timeout. This is the one place that decides whether Huifu
 * may be told "received": an acknowledgement without a broker acknowledgement would lose the notification for good,
 * since Huifu stops retrying after three attempts.
 */
public final class NotificationPublisher implements AutoCloseable {

    private final Producer<String, byte[]> producer;
    private final JsonMapper json;
    private final String topic;
    private final long timeoutNanos;
    private final Timer acked;
    private final Timer failed;

    NotificationPublisher(Producer<String, byte[]> producer, JsonMapper json, String topic, Duration timeout,
                          MeterRegistry meters) {
        this.producer = producer;
        this.json = json;
        this.topic = topic;
        this.timeoutNanos = timeout.toNanos();
        this.acked = latency(meters, "acked");
        this.failed = latency(meters, "failed");
    }

    /**
     * Publishes keyed {@code huifu_id:req_seq_id}, so every notice of one withdrawal lands on one partition.
     * On failure the record may still reach the broker later; Huifu then retries and the orchestrator sees a
     * duplicate, which it de-duplicates. A duplicate is harmless; a loss is not.
     */
    public void publish(HuifuNotification notification) throws PublishFailedException {
        String huifuId = notification.huifuId();
        String key = Topics.notificationKey(huifuId == null ? "" : huifuId, notification.reqSeqId());
        byte[] value = json.writeValueAsBytes(notification);
        long start = System.nanoTime();
        try {
            // send() itself may block up to max.block.ms (= the timeout) while it has no metadata for the topic.
            Future<RecordMetadata> sent = producer.send(new ProducerRecord<>(topic, key, value));
            long remaining = timeoutNanos - (System.nanoTime() - start);
            sent.get(Math.max(remaining, 0), TimeUnit.NANOSECONDS);
            acked.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        } catch (ExecutionException e) {
            throw failure(start, "broker did not take the notification", e.getCause());
        } catch (TimeoutException e) {
            throw failure(start, "no broker acknowledgement within " + Duration.ofNanos(timeoutNanos), e);
        } catch (KafkaException | IllegalStateException e) {
            // IllegalStateException: the producer is closing with the application; another instance can take it.
            throw failure(start, "producer failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failure(start, "interrupted while waiting for the broker", e);
        }
    }

    private PublishFailedException failure(long start, String message, Throwable cause) {
        failed.record(System.nanoTime() - start, TimeUnit.NANOSECONDS);
        return new PublishFailedException(message, cause);
    }

    private static Timer latency(MeterRegistry meters, String outcome) {
        return Timer.builder("gateway.publish.latency")
                .description("Time from send to the broker's acknowledgement (or giving up)")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .register(meters);
    }

    /** Bounded: with the broker gone, an unbounded close would hang the shutdown on records that cannot leave. */
    @Override
    public void close() {
        producer.close(Duration.ofNanos(timeoutNanos));
    }
}
