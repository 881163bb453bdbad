package io.payout.model.huifu;

import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading Huifu's JSON: flat objects as text maps, and the exact raw text of one member. */
final class JsonObjects {

    static final JsonMapper MAPPER = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();
    private static final JsonFactory FACTORY = MAPPER.tokenStreamFactory();

    private JsonObjects() {
    }

    static JsonNode readObject(String text, String what) {
        JsonNode node;
        try {
            node = MAPPER.readTree(text);
        } catch (JacksonException e) {
            throw new HuifuSignatureException(what + " is not valid JSON");
        }
        if (node == null || !node.isObject()) {
            throw new HuifuSignatureException(what + " is not a JSON object");
        }
        return node;
    }

    /** Layer-1 fields as text: scalars as their text, nested structures as compact JSON; nulls dropped. */
    static Map<String, String> textFields(JsonNode object) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : object.properties()) {
            JsonNode value = entry.getValue();
            if (value.isNull()) {
                continue;
            }
            fields.put(entry.getKey(), value.isValueNode() ? value.asString() : value.toString());
        }
        return fields;
    }

    /**
     * The raw text of a top-level member, exactly as it appears in {@code json}, or null when absent.
     * Huifu signs the bytes it emits, so verification must see those bytes, not a re-encoding.
     */
    static String rawMember(String json, String name) {
        try (JsonParser parser = FACTORY.createParser(tools.jackson.core.ObjectReadContext.empty(), json)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken token;
            while ((token = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
                String property = parser.currentName();
                JsonToken valueToken = parser.nextToken();
                if (property.equals(name)) {
                    int start = (int) parser.currentTokenLocation().getCharOffset();
                    if (valueToken == JsonToken.START_OBJECT || valueToken == JsonToken.START_ARRAY) {
                        parser.skipChildren();
                    }
                    int end = (int) parser.currentTokenLocation().getCharOffset() + 1;
                    return valueToken.isScalarValue() ? parser.getString() : json.substring(start, end);
                }
                parser.skipChildren();
            }
            return null;
        } catch (JacksonException e) {
            return null;
        }
    }
}
