package io.payout.gateway.callback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NotificationFormTest {

    @Test
    void decodesPlusAndPercentEscapesExactlyOnce() throws Exception {
        NotificationForm form = NotificationForm.parse(
                "resp_code=10000&sign=ab%2Bc%2F%3D%3D&resp_data=%7B%22d%22%3A%22a+b%2525%E6%88%90%22%7D", "resp_data");

        assertThat(form.sign()).isEqualTo("ab+c/==");
        assertThat(form.data()).isEqualTo("{\"d\":\"a b%25成\"}");
    }

    @Test
    void leavesMissingFieldsNullAndIgnoresOthersAndEmptyPairs() throws Exception {
        NotificationForm form = NotificationForm.parse("&resp_desc=x&&sign&", "resp_data");

        assertThat(form.data()).isNull();
        assertThat(form.sign()).isEmpty();
    }

    @Test
    void refusesARepeatedSignedField() {
        assertThatThrownBy(() -> NotificationForm.parse("resp_data=%7B%7D&resp_data=%7B%7D", "resp_data"))
                .isInstanceOfSatisfying(NotificationRejectedException.class,
                        e -> assertThat(e.rejection()).isEqualTo(Rejection.MALFORMED_FORM));
    }

    @Test
    void readsTheSignedTextFromTheFieldItIsGiven() throws Exception {
        NotificationForm form = NotificationForm.parse("resp_data=%7B%7D&data=%7B%22a%22%3A1%7D&sign=s", "data");

        assertThat(form.data()).isEqualTo("{\"a\":1}");
        assertThat(form.sign()).isEqualTo("s");
    }

    @Test
    void refusesABrokenPercentEscape() {
        assertThatThrownBy(() -> NotificationForm.parse("sign=%G1", "resp_data"))
                .isInstanceOfSatisfying(NotificationRejectedException.class,
                        e -> assertThat(e.rejection()).isEqualTo(Rejection.MALFORMED_FORM));
    }

    @Test
    void neverPrintsTheSignedContent() {
        assertThat(new NotificationForm("{\"card_no\":\"6222020200112233\"}", "c2lnbg==").toString())
                .doesNotContain("6222").doesNotContain("c2lnbg");
    }
}
