package io.payout.model;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * A request the orchestrator will not act on (topic {@code withdrawal.rejections}).
 * {@code original} is the record's value as text, or Base64 when it is not valid UTF-8.
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record RequestRejected(
        String withdrawalId,
        RejectionReason reasonCode,
        List<FieldError> errors,
        String original,
        Instant rejectedAt) {

    public RequestRejected {
        Objects.requireNonNull(reasonCode, "reason_code is required");
        errors = errors == null ? List.of() : List.copyOf(errors);
        Objects.requireNonNull(rejectedAt, "rejected_at is required");
    }

    public enum RejectionReason {
        /** Not a JSON object, or not UTF-8. */
        MALFORMED,
        /** A JSON object that breaks a field rule. */
        VALIDATION_FAILED,
        /** The withdrawal_id is known with other content; the original is untouched. */
        IDEMPOTENCY_CONFLICT
    }

    public record FieldError(String field, String message) {
        public FieldError {
            Objects.requireNonNull(field, "field is required");
            Objects.requireNonNull(message, "message is required");
        }
    }
}
