package io.payout.model;

import io.payout.model.RequestRejected.FieldError;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/**
 * Reads the fields of one JSON object of an upstream request, collecting every error instead of stopping at the
 * first, so that a rejection names everything that is wrong at once. Field names in errors are paths
 * ({@code card.card_no}, {@code cash_config[1].fee_rate}) when the object is nested.
 */
public final class RecordFields {

    /** CONTRACT.md §1's rule for idempotency keys, as errors quote it; {@link #isIdempotencyKey} checks it. */
    static final String IDEMPOTENCY_KEY = "^[A-Za-z0-9_-]{1,64}$";

    private final JsonNode object;
    private final String path;
    private final List<FieldError> errors;

    private RecordFields(JsonNode object, String path, List<FieldError> errors) {
        this.object = object;
        this.path = path;
        this.errors = errors;
    }

    /** The fields of a request's top-level object. */
    public static RecordFields of(JsonNode root) {
        return new RecordFields(root, "", new ArrayList<>());
    }

    /** The fields of a nested object, reporting into the same list of errors. */
    public RecordFields nested(String field, JsonNode object) {
        return new RecordFields(object, name(field), errors);
    }

    public List<FieldError> errors() {
        return List.copyOf(errors);
    }

    public boolean hasErrors() {
        return !errors.isEmpty();
    }

    public boolean has(String field) {
        JsonNode node = object.get(field);
        return node != null && !node.isNull();
    }

    public JsonNode node(String field) {
        return object.get(field);
    }

    /** The path of {@code field} as errors name it. */
    public String name(String field) {
        return path.isEmpty() ? field : path + "." + field;
    }

    public void error(String field, String message) {
        errors.add(new FieldError(name(field), message));
    }

    /** A non-empty string of at most {@code maxLength} characters, or null (with an error when required). */
    public String text(String field, boolean required, int maxLength) {
        JsonNode node = object.get(field);
        String name = name(field);
        if (node == null || node.isNull()) {
            if (required) {
                error(field, name + " is required");
            }
            return null;
        }
        if (!node.isString()) {
            error(field, name + " must be a string");
            return null;
        }
        String value = node.asString();
        if (value.isEmpty()) {
            error(field, name + " must not be empty");
            return null;
        }
        if (value.length() > maxLength) {
            error(field, name + " must have at most " + maxLength + " characters");
            return null;
        }
        return value;
    }

    /** As {@link #text}, and matching {@code pattern}, described to the sender as {@code rule}. */
    public String matching(String field, boolean required, Pattern pattern, String rule) {
        String value = text(field, required, Integer.MAX_VALUE);
        if (value != null && !pattern.matcher(value).matches()) {
            error(field, name(field) + " must be " + rule);
            return null;
        }
        return value;
    }

    /**
     * A required idempotency key ({@code withdrawal_id}, {@code account_request_id}): CONTRACT.md §1's rule
     * {@code ^[A-Za-z0-9_-]{1,64}$}. Null when missing or broken.
     */
    public String idempotencyKey(String field) {
        String value = text(field, true, 64);
        if (value != null && !isIdempotencyKey(value)) {
            error(field, name(field) + " must match " + IDEMPOTENCY_KEY);
            return null;
        }
        return value;
    }

    /**
     * {@link #IDEMPOTENCY_KEY} by hand: every request has a key, and the regular expression's matcher was a few per
     * cent of the CPU of intake.
     */
    static boolean isIdempotencyKey(String value) {
        int length = value.length();
        if (length < 1 || length > 64) {
            return false;
        }
        for (int i = 0; i < length; i++) {
            char c = value.charAt(i);
            boolean allowed = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')
                    || c == '_' || c == '-';
            if (!allowed) {
                return false;
            }
        }
        return true;
    }

    /** One of {@code type}'s constants by name; required. */
    public <E extends Enum<E>> E enumValue(String field, Class<E> type) {
        String value = text(field, true, 32);
        if (value == null) {
            return null;
        }
        E[] constants = type.getEnumConstants();
        for (E constant : constants) {
            if (constant.name().equals(value)) {
                return constant;
            }
        }
        List<String> names = new ArrayList<>();
        for (E constant : constants) {
            names.add(constant.name());
        }
        error(field, name(field) + " must be one of " + String.join(", ", names));
        return null;
    }

    /** An optional ISO-8601 instant. */
    public Instant instant(String field) {
        String text = text(field, false, 64);
        if (text == null) {
            return null;
        }
        try {
            return IsoInstants.parse(text);
        } catch (DateTimeParseException e) {
            error(field, name(field) + " must be an ISO-8601 instant such as 2026-01-31T08:00:00Z");
            return null;
        }
    }

    /** An amount of yuan with two decimals (zero allowed), or null. */
    public Amount amount(String field, boolean required) {
        String text = text(field, required, 32);
        if (text == null) {
            return null;
        }
        try {
            return Amount.parse(name(field), text);
        } catch (IllegalArgumentException e) {
            error(field, e.getMessage());
            return null;
        }
    }
}
