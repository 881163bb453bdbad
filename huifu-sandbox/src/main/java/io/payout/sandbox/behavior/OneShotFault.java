package io.payout.sandbox.behavior;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** "The next matching event gets this fault", optionally only for one {@code huifu_id}. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record OneShotFault(Fault fault, String huifuId) {

    public OneShotFault {
        if (fault == null) {
            throw new IllegalArgumentException("fault is required");
        }
        if (fault == Fault.NOTIFY_DELAY) {
            throw new IllegalArgumentException("NOTIFY_DELAY is a rate setting (notify_delay_ms), not a one-shot");
        }
    }

    boolean matches(Fault wanted, String candidateHuifuId) {
        return fault == wanted && (huifuId == null || huifuId.equals(candidateHuifuId));
    }
}
