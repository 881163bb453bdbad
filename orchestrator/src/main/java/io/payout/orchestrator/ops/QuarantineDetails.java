package io.payout.orchestrator.ops;

import io.payout.orchestrator.quarantine.QuarantinedRecord;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** A quarantined record as operations see it: the value as text, or Base64 when it is not UTF-8. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
record QuarantineDetails(long id, String topic, int partition, long offset, String key, String value,
                         String encoding, String reason, Instant quarantinedAt, Instant replayedAt,
                         String replayedBy) {

    static QuarantineDetails of(QuarantinedRecord r) {
        String text = QuarantinedRecord.textOf(r.value());
        boolean base64 = r.value() != null && text == null;
        return new QuarantineDetails(r.id(), r.topic(), r.partition(), r.offset(),
                r.key() == null ? null : new String(r.key(), StandardCharsets.UTF_8),
                base64 ? Base64.getEncoder().encodeToString(r.value()) : text, base64 ? "base64" : "utf-8",
                r.reason(), r.quarantinedAt(), r.replayedAt(), r.replayedBy());
    }
}
