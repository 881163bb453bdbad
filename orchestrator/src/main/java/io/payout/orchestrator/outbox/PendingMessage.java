package io.payout.orchestrator.outbox;

import java.util.Map;

/** An unsent outbox row as the relay reads it. */
record PendingMessage(long id, String topic, String key, String payload, Map<String, String> headers) {
}
