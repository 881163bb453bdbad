package io.payout.model;

import io.payout.model.RequestRejected.FieldError;
import io.payout.model.RequestRejected.RejectionReason;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns the bytes of a {@code withdrawal.requests} record into a {@link WithdrawalRequested}, or into every
 * reason it breaks CONTRACT.md §1. It never throws on bad input: bad input must become a rejection, not a stall.
 */
public final class WithdrawalRequestParser {

    private static final Pattern WITHDRAWAL_ID = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");
    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** The result: exactly one of {@code request} and {@code reasonCode} is set. */
    public record Parsed(WithdrawalRequested request, String withdrawalId, RejectionReason reasonCode,
                         List<FieldError> errors) {
        public boolean valid() {
            return request != null;
        }
    }

    public Parsed parse(byte[] value) {
        if (value == null || value.length == 0) {
            return malformed(null, "record value is empty");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            return malformed(null, "record value is not valid UTF-8");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JacksonException e) {
            return malformed(null, "record value is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return malformed(null, "record value must be a JSON object");
        }
        return validate(root);
    }

    private Parsed validate(JsonNode root) {
        Fields fields = new Fields(root);
        String withdrawalId = fields.text("withdrawal_id", true, 64);
        if (withdrawalId != null && !WITHDRAWAL_ID.matcher(withdrawalId).matches()) {
            fields.error("withdrawal_id", "withdrawal_id must match ^[A-Za-z0-9_-]{1,64}$");
            withdrawalId = null;
        }
        String huifuId = fields.text("huifu_id", true, 32);
        AccountKind accountKind = fields.enumValue("account_kind", AccountKind.class);
        String tokenNo = fields.text("token_no", true, 20);
        Amount cashAmt = null;
        String cashText = fields.text("cash_amt", true, Integer.MAX_VALUE);
        if (cashText != null) {
            try {
                cashAmt = Amount.parseCashAmount("cash_amt", cashText);
            } catch (IllegalArgumentException e) {
                fields.error("cash_amt", e.getMessage());
            }
        }
        IntoAcctDateType dateType = fields.enumValue("into_acct_date_type", IntoAcctDateType.class);
        String acctId = fields.text("acct_id", false, 32);
        String remark = fields.text("remark", false, 100);
        Instant requestedAt = null;
        String requestedText = fields.text("requested_at", false, 64);
        if (requestedText != null) {
            try {
                requestedAt = Instant.parse(requestedText);
            } catch (DateTimeParseException e) {
                fields.error("requested_at", "requested_at must be an ISO-8601 instant such as 2026-01-31T08:00:00Z");
            }
        }
        if (!fields.errors.isEmpty()) {
            return new Parsed(null, withdrawalId, RejectionReason.VALIDATION_FAILED, List.copyOf(fields.errors));
        }
        return new Parsed(new WithdrawalRequested(withdrawalId, huifuId, accountKind, tokenNo, cashAmt, dateType,
                acctId, remark, requestedAt), withdrawalId, null, List.of());
    }

    private static Parsed malformed(String withdrawalId, String message) {
        return new Parsed(null, withdrawalId, RejectionReason.MALFORMED, List.of(new FieldError("$", message)));
    }

    /** Reads fields of one object, collecting every error instead of stopping at the first. */
    private static final class Fields {
        private final JsonNode root;
        private final List<FieldError> errors = new ArrayList<>();

        Fields(JsonNode root) {
            this.root = root;
        }

        void error(String field, String message) {
            errors.add(new FieldError(field, message));
        }

        String text(String field, boolean required, int maxLength) {
            JsonNode node = root.get(field);
            if (node == null || node.isNull()) {
                if (required) {
                    error(field, field + " is required");
                }
                return null;
            }
            if (!node.isString()) {
                error(field, field + " must be a string");
                return null;
            }
            String value = node.asString();
            if (value.isEmpty()) {
                error(field, field + " must not be empty");
                return null;
            }
            if (value.length() > maxLength) {
                error(field, field + " must have at most " + maxLength + " characters");
                return null;
            }
            return value;
        }

        <E extends Enum<E>> E enumValue(String field, Class<E> type) {
            String value = text(field, true, 16);
            if (value == null) {
                return null;
            }
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
            List<String> names = new ArrayList<>();
            for (E constant : type.getEnumConstants()) {
                names.add(constant.name());
            }
            error(field, field + " must be one of " + String.join(", ", names));
            return null;
        }
    }
}
