package io.payout.orchestrator.withdrawal;

import java.time.Instant;
import java.util.UUID;

/**
 * Event ids for published transitions: UUIDs in the time-ordered layout of RFC 9562 version 7 (the transition's
 * milliseconds, then 74 random bits from {@link UUID#randomUUID()}). Unique by construction, which is why the history
 * table carries no index on them (migration V33), and opaque to consumers, who see a UUID.
 */
final class EventIds {

    private static final long VERSION_7 = 0x7000L;
    private static final long LOW_12_BITS = 0x0FFFL;

    private EventIds() {
    }

    static UUID next(Instant at) {
        UUID random = UUID.randomUUID(); // variant bits already RFC 9562's
        long millis = at.toEpochMilli() & 0xFFFF_FFFF_FFFFL;
        return new UUID(millis << 16 | VERSION_7 | random.getMostSignificantBits() & LOW_12_BITS,
                random.getLeastSignificantBits());
    }
}
