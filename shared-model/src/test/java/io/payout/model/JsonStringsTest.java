package io.payout.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonStringsTest {

    private static final String ODD_CHARACTERS = "\"\\/\b\t\n\f\r\u0000\u0001\u001f\u007f é中\u2028\uD83D\uDE00";
    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void quotesAsJacksonDoes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 50_000; i++) {
            String value = text(random, random.nextInt(4) == 0 ? 0 : random.nextInt(1, 6));

            String quoted = JsonStrings.appendQuoted(new StringBuilder("x"), value).substring(1);

            assertThat(quoted).isEqualTo(mapper.writeValueAsString(value));
            assertThat(mapper.readValue(quoted, String.class)).isEqualTo(value);
        }
    }

    @Test
    void writesNullAsJsonNull() {
        assertThat(JsonStrings.appendQuoted(new StringBuilder(), null)).hasToString("null");
    }

    /**
     * Printable ASCII, each character with a chance of one in {@code 8 * oddOneIn} (none for 0) to be one of the
     * characters JSON escapes, or a non-ASCII one.
     */
    private static String text(SplittableRandom random, int oddOneIn) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(0, 40);
        for (int i = 0; i < length; i++) {
            text.append(oddOneIn > 0 && random.nextInt(oddOneIn * 8) == 0
                    ? ODD_CHARACTERS.charAt(random.nextInt(ODD_CHARACTERS.length()))
                    : (char) random.nextInt(0x20, 0x7f));
        }
        return text.toString();
    }
}
