package io.payout.sandbox.control;

import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Where to move the settlement clock: forward only; an earlier instant changes nothing. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ClockAdvance(Instant advanceTo) {

    public ClockAdvance {
        if (advanceTo == null) {
            throw new IllegalArgumentException("advance_to is required (ISO-8601 instant)");
        }
    }
}
