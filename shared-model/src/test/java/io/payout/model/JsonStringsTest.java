package io.payout.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class JsonStringsTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void quotesAsJacksonDoes() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 50_000; i++) {
            String value = RandomText.of(random, 0, 40, random.nextInt(4) == 0 ? 0 : random.nextInt(1, 6) * 8);

            String quoted = JsonStrings.appendQuoted(new StringBuilder("x"), value).substring(1);

            assertThat(quoted).isEqualTo(mapper.writeValueAsString(value));
            assertThat(mapper.readValue(quoted, String.class)).isEqualTo(value);
        }
    }

    @Test
    void writesNullAsJsonNull() {
        assertThat(JsonStrings.appendQuoted(new StringBuilder(), null)).hasToString("null");
    }
}
