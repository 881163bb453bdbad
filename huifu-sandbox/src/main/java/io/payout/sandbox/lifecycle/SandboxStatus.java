package io.payout.sandbox.lifecycle;

import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/** Work still under way; {@code idle} when nothing is pending, so tests can await quiet instead of sleeping. */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record SandboxStatus(int pendingWithdrawals, int pendingNotifications) {

    public boolean idle() {
        return pendingWithdrawals == 0 && pendingNotifications == 0;
    }
}
