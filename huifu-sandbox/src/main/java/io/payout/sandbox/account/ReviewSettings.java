package io.payout.sandbox.account;

import java.time.Duration;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * How the sandbox's reviewer answers card_type 4 applications filed from now on: after {@code delaySeconds} of the
 * sandbox's clock, {@code outcome} Y (approved) or N (rejected, with {@code reason}); {@code neverEnds} keeps them P.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record ReviewSettings(long delaySeconds, String outcome, String reason, boolean neverEnds) {

    public static final ReviewSettings DEFAULT = new ReviewSettings(60, "Y", null, false);

    public ReviewSettings {
        if (delaySeconds < 0) {
            throw new IllegalArgumentException("delay_seconds must not be negative: " + delaySeconds);
        }
        outcome = outcome == null || outcome.isBlank() ? "Y" : outcome;
        if (!outcome.equals("Y") && !outcome.equals("N")) {
            throw new IllegalArgumentException("outcome must be Y or N: " + outcome);
        }
        reason = reason == null || reason.isBlank() ? (outcome.equals("N") ? "非同名结算卡材料不符" : "审核通过") : reason;
    }

    Duration delay() {
        return Duration.ofSeconds(delaySeconds);
    }
}
