package io.payout.orchestrator.quarantine;

import java.time.Instant;

/**
 * A record set aside because it could not be processed: where it was on its topic, its key and value as received,
 * why, and whether an operator replayed it since.
 */
public record QuarantinedRecord(long id, String topic, int partition, long offset, byte[] key, byte[] value,
                                String reason, Instant quarantinedAt, Instant replayedAt, String replayedBy) {
}
