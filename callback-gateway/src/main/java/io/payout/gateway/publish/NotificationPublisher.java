package io.payout.gateway.publish;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.payout.model.HuifuNotification;
import io.payout.model.Topics;
import io.payout.model.TraceParent;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
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
    /** Topic by {@link HuifuNotification#kind()}. */
    private final Map<String, String> topics;
    private final long timeoutNanos;
    private final Timer acked;
    private final Timer failed;
    private final Tracer tracer;

    NotificationPublisher(Producer<String, byte[]> producer, JsonMapper json, Map<String, String> topics,
                          Duration timeout, MeterRegistry meters) {
        this(producer, json, topics, timeout, meters, null);
    }

    /** With {@code tracer} (nullable): each notice starts a trace, carried on its record as a traceparent. */
    NotificationPublisher(Producer<String, byte[]> producer, JsonMapper json, Map<String, String> topics,
                          Duration timeout, MeterRegistry meters, Tracer tracer) {
        this.tracer = tracer;
        this.producer = producer;
        this.json = json;
        this.topics = Map.copyOf(topics);
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
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topicOf(notification), key(notification),
                json.writeValueAsBytes(notification));
        // A notice is Huifu's message, not a continuation of our request: it starts a trace of its own, which the
        // orchestrator links to the withdrawal's when it applies the notice.
        Span span = tracer == null ? null : tracer.nextSpan().name("huifu notice").start();
        if (span != null) {
            TraceContext c = span.context();
            // parsed back, so a no-op span (tracing switched off) adds no header rather than an invalid one
            TraceParent parent = TraceParent.parse(new TraceParent(c.traceId(), c.spanId(),
                    Boolean.TRUE.equals(c.sampled())).header());
            if (parent != null) {
                record.headers().add(Topics.HEADER_TRACEPARENT, parent.header().getBytes(StandardCharsets.US_ASCII));
            }
        }
        try {
            send(record);
        } catch (PublishFailedException e) {
            if (span != null) {
                span.error(e);
            }
            throw e;
        } finally {
            if (span != null) {
                span.end();
            }
        }
    }

    /**
     * Publishes a verified notice the orchestrator could not use to the quarantine topic, with the reason, under
     * the same promise: acknowledged by the broker before Huifu is told "received".
     */
    public void quarantine(HuifuNotification notification, String reason) throws PublishFailedException {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.quarantineOf(topicOf(notification)),
                key(notification),
                json.writeValueAsBytes(notification));
        record.headers().add(Topics.HEADER_QUARANTINED_BY, "gateway".getBytes(StandardCharsets.UTF_8));
        record.headers().add(Topics.HEADER_REASON, reason.getBytes(StandardCharsets.UTF_8));
        send(record);
    }

    private String topicOf(HuifuNotification notification) {
        String topic = topics.get(notification.kind());
        if (topic == null) {
            throw new IllegalArgumentException("no topic for notices of kind " + notification.kind());
        }
        return topic;
    }

    /** {@code huifu_id:req_seq_id} ({@code :req_seq_id} without huifu_id); the notification id without either. */
    private static String key(HuifuNotification notification) {
        String huifuId = notification.huifuId();
        String reqSeqId = notification.reqSeqId();
        if (reqSeqId == null) {
            return notification.notificationId();
        }
        return Topics.notificationKey(huifuId == null ? "" : huifuId, reqSeqId);
    }

    private void send(ProducerRecord<String, byte[]> record) throws PublishFailedException {
        long start = System.nanoTime();
        try {
            // send() itself may block up to max.block.ms (= the timeout) while it has no metadata for the topic.
            Future<RecordMetadata> sent = producer.send(record);
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
