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
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(value)).toString();
        } catch (CharacterCodingException e) {
            return problem("record value is not valid UTF-8");
        }
        JsonNode root;
        try {
            root = MAPPER.readTree(text);
        } catch (JacksonException e) {
            return problem("record value is not valid JSON: " + e.getOriginalMessage());
        }
        if (root == null || !root.isObject()) {
            return problem("record value must be a JSON object");
        }
        return new Read(root, null);
    }

    private static Read problem(String message) {
        return new Read(null, new FieldError("$", message));
    }
}
