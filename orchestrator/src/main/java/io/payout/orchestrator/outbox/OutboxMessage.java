package io.payout.orchestrator.outbox;

import java.util.Map;
import java.util.Objects;

/**
 * A record to publish after the business transaction commits: written to the outbox table in that same
 * transaction, sent by the relay in insertion order, marked sent after the broker's acknowledgement.
 */
public record OutboxMessage(String topic, String key, String payload, Map<String, String> headers) {
    public OutboxMessage {
        Objects.requireNonNull(topic, "topic is required");
        Objects.requireNonNull(payload, "payload is required");
        headers = headers == null ? Map.of() : Map.copyOf(headers);
    }
}
