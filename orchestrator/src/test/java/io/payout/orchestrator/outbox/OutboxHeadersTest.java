package io.payout.orchestrator.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class OutboxHeadersTest {

    private static final String ODD_CHARACTERS = "\"\\\b\t\n\r\u0000\u001f é中\uD83D\uDE00";
    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void writesWhatJacksonWritesAndReadsItBack() {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 10_000; i++) {
            Map<String, String> headers = new LinkedHashMap<>();
            int count = random.nextInt(0, 4);
            for (int j = 0; j < count; j++) {
                headers.put(text(random), text(random));
            }

            String json = OutboxHeaders.write(headers);

            assertThat(json).isEqualTo(mapper.writeValueAsString(headers));
            assertThat(OutboxHeaders.read(json)).containsExactlyEntriesOf(headers);
        }
    }

    @Test
    void readsRowsInJsonbsRendering() {
        // Rows stored while the column was jsonb were turned to text in its rendering: spaces, its own key order
        // (V12__fewer_writes_per_row.sql)
        String stored = "{\"status\": \"REQUESTED\", \"event_id\": \"0b6c\\u00e9\", \"traceparent\": null}";

        Map<String, String> headers = OutboxHeaders.read(stored);

        assertThat(headers.keySet()).containsExactly("status", "event_id", "traceparent");
        assertThat(headers).containsEntry("status", "REQUESTED").containsEntry("event_id", "0b6cé")
                .containsEntry("traceparent", null);
    }

    @Test
    void readsAnEmptyColumnAsNoHeadersAndOtherValuesAsTheirText() {
        assertThat(OutboxHeaders.read(null)).isEmpty();
        assertThat(OutboxHeaders.read("{}")).isEmpty();
        assertThat(OutboxHeaders.read("{ }")).isEmpty();
        assertThat(OutboxHeaders.read("{\"n\": 12, \"b\": true, \"o\": {\"x\": [1]}, \"s\": \"v\"}"))
                .containsExactly(Map.entry("n", "12"), Map.entry("b", "true"), Map.entry("o", ""), Map.entry("s", "v"));
        assertThat(OutboxHeaders.write(Map.of())).isEqualTo("{}");
    }

    private static String text(SplittableRandom random) {
        StringBuilder text = new StringBuilder();
        int length = random.nextInt(1, 20);
        for (int i = 0; i < length; i++) {
            text.append(random.nextInt(10) == 0 ? ODD_CHARACTERS.charAt(random.nextInt(ODD_CHARACTERS.length()))
                    : (char) random.nextInt(0x20, 0x7f));
        }
        return text.toString();
    }
}
