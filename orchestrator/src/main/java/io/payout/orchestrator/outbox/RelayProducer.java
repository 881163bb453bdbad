package io.payout.orchestrator.outbox;

import io.micrometer.tracing.Span;
import io.payout.orchestrator.tracing.Traces;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * The relay's own idempotent producer (acks=all, at most 5 requests in flight, so the broker keeps each
 * partition in send order across retries). A batch either is acknowledged completely or counts as failed; after
 * a failure the producer is rebuilt so the retry starts from a clean state.
 */
final class RelayProducer implements AutoCloseable {

    private static final String TRACEPARENT = "traceparent";

    private final Map<String, Object> config;
    private final Traces traces;
    private KafkaProducer<String, String> producer;

    RelayProducer(List<String> bootstrapServers, Duration sendTimeout, Traces traces) {
        this.traces = traces;
        int timeoutMs = (int) Math.max(1_000, sendTimeout.toMillis());
        Map<String, Object> settings = new HashMap<>();
        settings.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", bootstrapServers));
        settings.put(ProducerConfig.CLIENT_ID_CONFIG, "outbox-relay");
        settings.put(ProducerConfig.ACKS_CONFIG, "all");
        settings.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        settings.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        settings.put(ProducerConfig.LINGER_MS_CONFIG, 2);
        settings.put(ProducerConfig.BATCH_SIZE_CONFIG, 256 * 1024);
        // send() waits this long for metadata when the broker is away, then the batch fails and is retried whole.
        settings.put(ProducerConfig.MAX_BLOCK_MS_CONFIG, Math.min(timeoutMs, 5_000));
        settings.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, Math.min(timeoutMs, 5_000));
        settings.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, Math.max(timeoutMs, 5_000 + 2));
        this.config = Map.copyOf(settings);
    }

    /** Sends the batch in order and returns once the broker acknowledged every record; throws otherwise. */
    void sendAll(List<PendingMessage> batch) throws RelayFailure {
        KafkaProducer<String, String> out = producer();
        AtomicReference<Exception> failure = new AtomicReference<>();
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        List<Span> spans = new ArrayList<>();
        try {
            for (PendingMessage message : batch) {
                if (failure.get() != null) {
                    break; // the rest of the batch would fail the same way; it is all retried
                }
                acks.add(out.send(record(message, spans), (metadata, error) -> {
                    if (error != null) {
                        failure.compareAndSet(null, error);
                    }
                }));
            }
            out.flush();
            if (failure.get() != null) {
                throw failure.get();
            }
            for (Future<RecordMetadata> ack : acks) {
                ack.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reset();
            failed(spans, e);
            throw new RelayFailure("interrupted while sending", e);
        } catch (ExecutionException e) {
            reset();
            failed(spans, e.getCause());
            throw new RelayFailure("broker refused a record: " + e.getCause(), e.getCause());
        } catch (Exception e) {
            reset();
            failed(spans, e);
            throw new RelayFailure("broker refused a record: " + e, e);
        }
        spans.forEach(Span::end);
    }

    private static void failed(List<Span> spans, Throwable cause) {
        spans.forEach(span -> span.error(cause).end());
    }

    /**
     * The record of a message. One that carries a traceparent is relayed in a span of its trace (ended once the
     * broker acknowledged it), and the record carries that span on, so a consumer's work is the relay's child.
     */
    private ProducerRecord<String, String> record(PendingMessage message, List<Span> spans) {
        ProducerRecord<String, String> record = new ProducerRecord<>(message.topic(), message.key(), message.payload());
        Span span = traces == null ? null : traces.childOf(message.headers().get(TRACEPARENT), "outbox relay");
        if (span != null) {
            spans.add(span);
        }
        message.headers().forEach((name, value) -> {
            String relayed = span != null && name.equals(TRACEPARENT) ? Traces.traceParentOf(span) : null;
            String sent = relayed != null ? relayed : value;
            record.headers().add(name, sent == null ? null : sent.getBytes(StandardCharsets.UTF_8));
        });
        return record;
    }

    private KafkaProducer<String, String> producer() {
        if (producer == null) {
            producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer());
        }
        return producer;
    }

    /** Drops the producer after a failure; whatever it still holds is re-sent from the outbox. */
    private void reset() {
        if (producer != null) {
            producer.close(Duration.ZERO);
            producer = null;
        }
    }

    @Override
    public void close() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
            producer = null;
        }
    }

    /** A batch that was not (completely) acknowledged. */
    static final class RelayFailure extends Exception {
        RelayFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
