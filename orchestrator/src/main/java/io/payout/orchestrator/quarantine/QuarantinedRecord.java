package io.payout.orchestrator.quarantine;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * A record set aside because it could not be processed: where it was on its topic, its key and value as received,
 * why, and whether an operator replayed it since.
 */
public record QuarantinedRecord(long id, String topic, int partition, long offset, byte[] key, byte[] value,
                                String reason, Instant quarantinedAt, Instant replayedAt, String replayedBy) {

    /** A record's bytes as text, or null when they are not UTF-8 (then they travel as Base64). */
    public static String textOf(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
