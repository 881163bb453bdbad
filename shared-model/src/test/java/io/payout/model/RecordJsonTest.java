package io.payout.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class RecordJsonTest {

    private static final JsonMapper STRICT = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
    private static final String NOT_JSON = "record value is not valid JSON: ";
    private static final List<String> PIECES = List.of("{", "}", "[", "]", ":", ",", " ", "\"a\"", "\"b\"",
            "\"withdrawal_id\"", "\"w-1\"", "1", "-2.50", "null", "true", "\"\\u0041\"", "\"\\n\"", "\"x", "/", "\t");

    @Test
    void readsAsciiBytesAsTheDecodedTextReadsThem() {
        SplittableRandom random = new SplittableRandom(11);
        for (int i = 0; i < 20_000; i++) {
            String text = random.nextInt(3) == 0 ? "{\"a\":\"x\",\"b\":[1,{\"c\":null}]}".substring(0, random.nextInt(29))
                    : pieces(random);
            if (text.isEmpty()) {
                continue;
            }

            RecordJson.Read read = RecordJson.object(text.getBytes(StandardCharsets.US_ASCII));

            RecordJson.Read expected = decodedThenParsed(text);
            assertThat(read.object()).as(text).isEqualTo(expected.object());
            if (expected.problem() != null && expected.problem().message().startsWith(NOT_JSON)) {
                // Jackson's byte and text parsers word some syntax errors differently; both are refused as such.
                assertThat(read.problem().message()).as(text).startsWith(NOT_JSON);
            } else {
                assertThat(read.problem()).as(text).isEqualTo(expected.problem());
            }
        }
    }

    @Test
    void readsNonAsciiTextAndRefusesBrokenUtf8() {
        RecordJson.Read read = RecordJson.object("{\"remark\":\"提现 é\"}".getBytes(StandardCharsets.UTF_8));
        assertThat(read.object().get("remark").asString()).isEqualTo("提现 é");

        assertThat(RecordJson.object(new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, '"', '}'}).problem().message())
                .isEqualTo("record value is not valid UTF-8");
        assertThat(RecordJson.object(new byte[] {0, '{', '}'}).problem().message()).startsWith("record value is not valid JSON");
    }

    @Test
    void refusesDuplicateKeysOnBothPaths() {
        assertThat(RecordJson.object("{\"a\":1,\"a\":2}".getBytes(StandardCharsets.US_ASCII)).problem().message())
                .startsWith("record value is not valid JSON: Duplicate");
        assertThat(RecordJson.object("{\"é\":1,\"é\":2}".getBytes(StandardCharsets.UTF_8)).problem().message())
                .startsWith("record value is not valid JSON: Duplicate");
    }

    private static String pieces(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int count = random.nextInt(1, 12);
        for (int i = 0; i < count; i++) {
            text.append(PIECES.get(random.nextInt(PIECES.size())));
        }
        return text.toString();
    }

    /** The reading of a record through its decoded text, as every record was read before the byte path. */
    private static RecordJson.Read decodedThenParsed(String text) {
        JsonNode root;
        try {
            root = STRICT.readTree(text);
        } catch (JacksonException e) {
            return new RecordJson.Read(null, new RequestRejected.FieldError("$",
                    NOT_JSON + e.getOriginalMessage()));
        }
        if (root == null || !root.isObject()) {
            return new RecordJson.Read(null, new RequestRejected.FieldError("$", "record value must be a JSON object"));
        }
        return new RecordJson.Read(root, null);
    }
}
