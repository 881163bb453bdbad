package io.payout.orchestrator.withdrawal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EventIdsTest {

    @Test
    void isAVersion7UuidCarryingItsMillisecond() {
        Instant at = Instant.parse("2026-11-26T13:45:01.234Z");
        UUID id = EventIds.next(at);

        assertThat(id.version()).isEqualTo(7);
        assertThat(id.variant()).isEqualTo(2);
        assertThat(id.getMostSignificantBits() >>> 16).isEqualTo(at.toEpochMilli());
        assertThat(id.toString()).startsWith("01a2181a-3832-7");
    }

    @Test
    void idsOfLaterMillisecondsSortAfterAndNoTwoAreEqual() {
        Instant at = Instant.parse("2026-11-26T13:45:01.234Z");
        Set<UUID> seen = new HashSet<>();
        UUID previous = EventIds.next(at);
        for (int i = 1; i <= 10_000; i++) {
            UUID sameMillisecond = EventIds.next(at.plusMillis(i - 1));
            UUID later = EventIds.next(at.plusMillis(i));
            assertThat(seen.add(sameMillisecond) && seen.add(later)).as("unique").isTrue();
            assertThat(later.toString()).isGreaterThan(previous.toString());
            previous = later;
        }
    }
}
