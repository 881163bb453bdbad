package io.payout.model.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MaskedOriginalTest {

    @Test
    void masksCardAndCertificateNumbersNamesAndCodesWhereverTheySit() {
        String original = """
                {"account_request_id":"a-1","user":{"name":"张三丰","cert_no":"110101199003071234",
                 "mobile_no":"13800138000"},"card":{"card_no":"6222020200112233","card_name":"张三丰"},
                 "verify_code":"123456","remark":"card 6222020200112233 again","cash_config":[{"cash_type":"T1"}]}""";

        String masked = MaskedOriginal.of(original.getBytes(StandardCharsets.UTF_8));

        assertThat(masked).doesNotContain("6222020200112233").doesNotContain("110101199003071234")
                .doesNotContain("张三丰").doesNotContain("13800138000").doesNotContain("123456")
                .contains("****2233").contains("张**").contains("\"account_request_id\":\"a-1\"")
                .contains("\"cash_type\":\"T1\"");
    }

    @Test
    void masksLongDigitRunsInTextThatIsNotJson() {
        String masked = MaskedOriginal.of("{\"card_no\":\"6222020200112233\",".getBytes(StandardCharsets.UTF_8));

        assertThat(masked).doesNotContain("6222020200112233").contains("6222****2233");
    }

    @Test
    void masksANumberWrittenAsAJsonNumber() {
        String masked = MaskedOriginal.of("{\"card\":{\"card_no\":6222020200112233}}".getBytes(StandardCharsets.UTF_8));

        assertThat(masked).doesNotContain("6222020200112233").contains("****2233");
    }
}
