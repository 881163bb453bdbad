package io.payout.orchestrator.quarantine;

import io.micrometer.core.instrument.MeterRegistry;
import io.payout.model.Topics;
import io.payout.orchestrator.OrchestratorTopics;
import io.payout.orchestrator.outbox.Outbox;
import io.payout.orchestrator.outbox.OutboxMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps one unprocessable record from blocking the records behind it on its partition, for every consumer. A batch
 * that fails for a transient reason is thrown back to the listener container, which retries it without limit: no
 * record is lost or set aside during an outage. A batch that fails for a reason in a record is taken apart: each
 * record is processed on its own (its own transaction; what the batch applied before is applied once, by the
 * consumers' own idempotency), and one that still fails after {@link #TRIES} tries is quarantined: kept with its
 * reason in the database and published to {@code <topic>.quarantine}, counted and logged, for an operator to see
 * and replay.
 */
@Component
public class RecordGuard {

    /** A record failing for a reason of its own this many times in a row is quarantined. */
    static final int TRIES = 3;
    private static final Logger log = LoggerFactory.getLogger(RecordGuard.class);

    private final QuarantinedRecords quarantined;
    private final Outbox outbox;
    private final TransactionTemplate tx;
    private final MeterRegistry meters;
    private final Clock clock;

    RecordGuard(QuarantinedRecords quarantined, Outbox outbox, TransactionTemplate tx, MeterRegistry meters,
                Clock clock, OrchestratorTopics topics) {
        this.quarantined = quarantined;
        this.outbox = outbox;
        this.tx = tx;
        this.meters = meters;
        this.clock = clock;
        // visible at zero before the first poison record, so an alert on their increase has a series to watch
        for (String topic : List.of(topics.requests(), topics.notifications())) {
            meters.counter("orchestrator.records.quarantined", "topic", topic);
        }
    }

    /** Hands {@code records} to {@code handler} (which commits its own transaction), isolating any poison record. */
    public <V> void process(List<ConsumerRecord<String, V>> records, Consumer<List<ConsumerRecord<String, V>>> handler) {
        process(records, handler, null);
    }

    /**
     * As {@link #process(List, Consumer)}, publishing a quarantined value on {@code <topic>.quarantine} as
     * {@code published} makes it: for records that carry what may not be published (card numbers, names), which
     * only the database copy, kept for the replay, holds in full.
     */
    public <V> void process(List<ConsumerRecord<String, V>> records, Consumer<List<ConsumerRecord<String, V>>> handler,
                            Function<byte[], String> published) {
        try {
            handler.accept(records);
            return;
        } catch (RuntimeException failure) {
            if (Failures.isTransient(failure)) {
                throw failure;
            }
            log.info("a batch of {} records failed ({}); processing them one by one", records.size(),
                    failure.toString());
        }
        for (ConsumerRecord<String, V> record : records) {
            RuntimeException last = null;
            for (int attempt = 0; attempt < TRIES; attempt++) {
                try {
                    handler.accept(List.of(record));
                    last = null;
                    break;
                } catch (RuntimeException failure) {
                    if (Failures.isTransient(failure)) {
                        throw failure;
                    }
                    last = failure;
                }
            }
            if (last != null) {
                quarantine(record, last, published);
            }
        }
    }

    private <V> void quarantine(ConsumerRecord<String, V> record, RuntimeException failure,
                                Function<byte[], String> published) {
        String reason = reasonOf(failure);
        byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
        byte[] value = bytes(record.value());
        Instant now = clock.instant();
        boolean kept = Boolean.TRUE.equals(tx.execute(status -> {
            if (!quarantined.keep(record.topic(), record.partition(), record.offset(), key, value, reason, now)) {
                return false;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            headers.put("source_topic", record.topic());
            headers.put("source_partition", Integer.toString(record.partition()));
            headers.put("source_offset", Long.toString(record.offset()));
            headers.put(Topics.HEADER_REASON, reason);
            headers.put(Topics.HEADER_QUARANTINED_BY, "orchestrator");
            String text = published != null ? published.apply(value) : QuarantinedRecord.textOf(value);
            headers.put("encoding", text != null || value == null ? "utf-8" : "base64");
            outbox.append(new OutboxMessage(Topics.quarantineOf(record.topic()), record.key(),
                    text != null || value == null ? text : Base64.getEncoder().encodeToString(value), headers));
            return true;
        }));
        if (kept) {
            meters.counter("orchestrator.records.quarantined", "topic", record.topic()).increment();
            // the value is not logged: it may hold a card token or names
            log.warn("record {}-{}@{} quarantined after {} tries: {}", record.topic(), record.partition(),
                    record.offset(), TRIES, reason);
        }
    }

    /** The innermost message, which names what was wrong (e.g. PostgreSQL's "value too long for type ..."). */
    private static String reasonOf(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String reason = root.getClass().getSimpleName() + ": " + root.getMessage();
        return reason.length() > 2000 ? reason.substring(0, 2000) : reason;
    }

    private static byte[] bytes(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof byte[] b ? b : value.toString().getBytes(StandardCharsets.UTF_8);
    }
}
