package io.payout.model;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MaskingTest {

    @Test
    void keepsOnlyTheLastFourCharactersOfAToken() {
        assertThat(Masking.tail("6222020200112233")).isEqualTo("****2233");
        assertThat(Masking.tail("123")).isEqualTo("****");
    }

    @Test
    void keepsOnlyTheFirstCharacterOfAName() {
        assertThat(Masking.name("张三丰")).isEqualTo("张**");
    }

    @Test
    void masksCardAndCertificateNumbersInFreeText() {
        String text = "card 6222020200112233 cert 11010519491231002X amt 100.00 date 20250301";

        String masked = Masking.numbersIn(text);

        assertThat(masked).doesNotContain("6222020200112233").doesNotContain("11010519491231002X")
                .contains("6222****2233").contains("1101****002X").contains("100.00").contains("20250301");
    }
}
