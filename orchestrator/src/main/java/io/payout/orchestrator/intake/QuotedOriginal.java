package io.payout.orchestrator.intake;

import io.payout.model.RequestRejected.FieldError;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A rejected record's value as a rejection quotes it ({@code original}), with the rejection's errors.
 *
 * @param text the value, cut to {@link #MAX_CHARS}; null when the record had none
 */
public record QuotedOriginal(String text, List<FieldError> errors) {

    /**
     * At most this much of a record is quoted back in a rejection's {@code original}. A rejection is one broker
     * record (1 MB by default) and quotes the record inside JSON, where a character can take up to 6 bytes: quoted
     * whole, a record just under the limit would make a rejection over it, which the broker refuses forever, and
     * the outbox (which publishes in order) would stall behind it. 65,536 characters stay under 400 KB.
     */
    public static final int MAX_CHARS = 65_536;

    /** {@code original} cut to the limit, saying so in one error more when it was. */
    public static QuotedOriginal of(String original, List<FieldError> errors) {
        if (original == null || original.length() <= MAX_CHARS) {
            return new QuotedOriginal(original, errors);
        }
        List<FieldError> all = new ArrayList<>(errors);
        all.add(new FieldError("$", "record value too long to quote: original holds its first "
                + MAX_CHARS + " of " + original.length() + " characters"));
        return new QuotedOriginal(original.substring(0, MAX_CHARS), all);
    }

    /** The record's value as text, or Base64 when it is not UTF-8 (CONTRACT.md §1). */
    public static String textOf(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            return Base64.getEncoder().encodeToString(value);
        }
    }
}
