package io.payout.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class RecordFieldsTest {

    @Test
    void checksIdempotencyKeysAsTheContractsExpressionDoes() {
        Pattern rule = Pattern.compile(RecordFields.IDEMPOTENCY_KEY);
        String alphabet = "aZ09_-.+ \n/é:";
        SplittableRandom random = new SplittableRandom(3);
        for (int i = 0; i < 100_000; i++) {
            StringBuilder key = new StringBuilder();
            int length = random.nextInt(0, 70);
            for (int j = 0; j < length; j++) {
                key.append(random.nextInt(20) == 0 ? alphabet.charAt(random.nextInt(alphabet.length()))
                        : alphabet.charAt(random.nextInt(6)));
            }
            String value = key.toString();

            assertThat(RecordFields.isIdempotencyKey(value)).as(value).isEqualTo(rule.matcher(value).matches());
        }
        assertThat(RecordFields.isIdempotencyKey("w-1\n")).isFalse();
        assertThat(RecordFields.isIdempotencyKey("A".repeat(64))).isTrue();
        assertThat(RecordFields.isIdempotencyKey("A".repeat(65))).isFalse();
    }
}
