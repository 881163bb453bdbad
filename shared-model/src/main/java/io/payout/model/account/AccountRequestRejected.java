package io.payout.model.account;

import io.payout.model.RequestRejected.FieldError;
import io.payout.model.RequestRejected.RejectionReason;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import tools.jackson.databind.PropertyNamingStrategies;
import tools.jackson.databind.annotation.JsonNaming;

/**
 * An {@code account.requests} record the orchestrator will not act on (topic {@code account.rejections}, CONTRACT.md
 * §6): RequestRejected's shape keyed by {@code account_request_id}. {@code original} is quoted through
 * {@link MaskedOriginal}, never with a full card number, certificate number or name.
 *
 * @param accountRequestId null when the record was unreadable
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
public record AccountRequestRejected(
        String accountRequestId,
        RejectionReason reasonCode,
        List<FieldError> errors,
        String original,
        Instant rejectedAt) {

    public AccountRequestRejected {
        Objects.requireNonNull(reasonCode, "reason_code is required");
        errors = errors == null ? List.of() : List.copyOf(errors);
        Objects.requireNonNull(rejectedAt, "rejected_at is required");
    }
}
