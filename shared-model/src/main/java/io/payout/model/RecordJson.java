package io.payout.model;

import io.payout.model.RequestRejected.FieldError;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The first step of reading an upstream request record: its bytes as one JSON object, or why they are not one
 * (CONTRACT.md §1 {@code MALFORMED}). Duplicate keys are refused: the request must mean one thing.
 */
public final class RecordJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    /** Exactly one of {@code object} and {@code problem} is set. */
    public record Read(JsonNode object, FieldError problem) {
    }

    private RecordJson() {
    }

    public static Read object(byte[] value) {
        if (value == null || value.length == 0) {
            return problem("record value is empty");
        }
        JsonNode root;
        try {
            if (plainAscii(value)) {
                // Valid UTF-8 as it is: parsed from the bytes, without decoding them into a string first.
                root = MAPPER.readTree(value);
            } else {
                String text;
                try {
                    text = StandardCharsets.UTF_8.newDecoder()
                            .onMalformedInput(CodingErrorAction.REPORT)
                            .onUnmappableCharacter(CodingErrorAction.REPORT)
                            .decode(ByteBuffer.wrap(value)).toString();
                } catch (CharacterCodingException e) {
                    return problem("record value is not valid UTF-8");
                }
                root = MAPPER.readTree(text);
            }
        } catch (JacksonException e) {
            return problem("record value is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return problem("record value must be a JSON object");
        }
        return new Read(root, null);
    }

    /**
     * Bytes 0x01 to 0x7F only. Such bytes are valid UTF-8, and Jackson reads them as UTF-8 too: it guesses another
     * encoding only from a byte-order mark or zero bytes, which such bytes cannot hold.
     */
    private static boolean plainAscii(byte[] value) {
        for (byte b : value) {
            if (b <= 0) {
                return false;
            }
        }
        return true;
    }

    private static Read problem(String message) {
        return new Read(null, new FieldError("$", message));
    }
}
