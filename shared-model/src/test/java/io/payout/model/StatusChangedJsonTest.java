package io.payout.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.SplittableRandom;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class StatusChangedJsonTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void writesWhatJacksonWritesWhateverTheFieldsHold() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 20_000; i++) {
            WithdrawalStatusChanged event = event(random);

            String json = StatusChangedJson.write(event);

            assertThat(json).isEqualTo(mapper.writeValueAsString(event));
            assertThat(mapper.readValue(json, WithdrawalStatusChanged.class)).isEqualTo(event);
        }
    }

    private static WithdrawalStatusChanged event(SplittableRandom random) {
        WithdrawalStatus[] statuses = WithdrawalStatus.values();
        return new WithdrawalStatusChanged(new UUID(random.nextLong(), random.nextLong()), text(random, false),
                statuses[random.nextInt(statuses.length)],
                random.nextBoolean() ? null : statuses[random.nextInt(statuses.length)],
                text(random, true), random.nextBoolean() ? null : AccountKind.values()[random.nextInt(2)],
                random.nextBoolean() ? null : IntoAcctDateType.values()[random.nextInt(IntoAcctDateType.values().length)],
                amount(random), amount(random), amount(random), text(random, true), text(random, true),
                text(random, true), text(random, true), text(random, true),
                EventSource.values()[random.nextInt(EventSource.values().length)],
                Instant.ofEpochSecond(random.nextLong(1_500_000_000L, 2_500_000_000L),
                        random.nextBoolean() ? 0 : random.nextInt(1_000_000) * 1_000));
    }

    private static Amount amount(SplittableRandom random) {
        return random.nextInt(4) == 0 ? null
                : Amount.parse(random.nextLong(0, 100_000_000_000L) + "." + random.nextInt(10) + random.nextInt(10));
    }

    private static String text(SplittableRandom random, boolean nullable) {
        return nullable && random.nextInt(3) == 0 ? null : RandomText.of(random, 1, 40, 4);
    }
}
