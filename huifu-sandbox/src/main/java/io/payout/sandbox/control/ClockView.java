package io.payout.sandbox.control;

import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** The settlement clock (T1, D1, statements) beside real time; they differ under compression or after a jump. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ClockView(Instant settlementNow, Instant realNow) {
}
