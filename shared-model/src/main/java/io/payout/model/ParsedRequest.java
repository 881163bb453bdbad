package io.payout.model;

import io.payout.model.RequestRejected.FieldError;
import io.payout.model.RequestRejected.RejectionReason;
import java.util.List;

/**
 * What a request parser made of a record: the request, or the rejection's reason and every error. {@code id} is the
 * request's idempotency key when it could be read, also for an invalid request, so its rejection can be keyed by it.
 */
public record ParsedRequest<T>(T request, String id, RejectionReason reasonCode, List<FieldError> errors) {

    public ParsedRequest {
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return request != null;
    }

    /** Exactly one of this and {@link #invalid} / {@link #malformed}. */
    public static <T> ParsedRequest<T> valid(T request, String id) {
        return new ParsedRequest<>(request, id, null, List.of());
    }

    /** A JSON object that breaks a field rule. */
    public static <T> ParsedRequest<T> invalid(String id, List<FieldError> errors) {
        return new ParsedRequest<>(null, id, RejectionReason.VALIDATION_FAILED, errors);
    }

    /** Not a JSON object, or not UTF-8: what {@link RecordJson} found. */
    public static <T> ParsedRequest<T> malformed(FieldError problem) {
        return new ParsedRequest<>(null, null, RejectionReason.MALFORMED, List.of(problem));
    }
}
