package io.payout.sandbox.notify;

import java.time.Instant;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * One attempt to deliver one notification. {@code delivery} is 1, or 2 for the copy a duplicate fault sends;
 * {@code attempt} counts from 1 (so 4 means the third retry). {@code outcome}: {@code acked}, {@code ack_mismatch}
 * (HTTP 200 with the wrong body), {@code http_<status>}, {@code timeout}, {@code io_error} or {@code dropped}
 * (a fault: never sent, {@code attempt} 0). {@code sign_valid} is false when a fault signed it wrongly.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record DeliveryAttempt(
        String msgType,
        int delivery,
        int attempt,
        Integer httpStatus,
        boolean acked,
        String outcome,
        boolean signValid,
        Instant at) {
}
