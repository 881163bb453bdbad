package io.payout.model.huifu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HuifuEnvelopeTest {

    private static final KeyPair MERCHANT = HuifuKeys.generate();
    private static final KeyPair HUIFU = HuifuKeys.generate();

    private static Map<String, Object> exampleData() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("req_seq_id", "W20250301120000123");
        data.put("req_date", "20250301");
        data.put("huifu_id", "6666000123456789");
        data.put("cash_amt", "100.00");
        data.put("remark", "提现/月结");
        return data;
    }

    @Test
    void aSignedRequestVerifiesOnTheReceivingSide() {
        var request = HuifuEnvelope.request("6666000100000000", "PAYUN", exampleData(), MERCHANT.getPrivate());

        var received = HuifuEnvelope.readRequest(request.body());

        assertThat(received.sysId()).isEqualTo("6666000100000000");
        assertThat(received.productId()).isEqualTo("PAYUN");
        assertThat(received.data()).containsEntry("remark", "提现/月结").containsEntry("cash_amt", "100.00");
        assertThat(received.canonical()).isEqualTo(request.signedText());
        assertThat(received.verify(MERCHANT.getPublic())).isTrue();
        assertThat(received.verify(HUIFU.getPublic())).isFalse();
    }

    @Test
    void aRequestReEscapedByAnotherJsonLibraryStillVerifies() {
        // PHP's SDK signs the unescaped form but sends default-escaped JSON; the server re-canonicalizes.
        var request = HuifuEnvelope.request("S", "P", exampleData(), MERCHANT.getPrivate());
        String escaped = request.body().replace("提现/月结", "\\u63d0\\u73b0\\/\\u6708\\u7ed3");

        assertThat(HuifuEnvelope.readRequest(escaped).verify(MERCHANT.getPublic())).isTrue();
    }

    @Test
    void aTamperedRequestDoesNotVerify() {
        var request = HuifuEnvelope.request("S", "P", exampleData(), MERCHANT.getPrivate());
        String tampered = request.body().replace("100.00", "900.00");

        assertThat(HuifuEnvelope.readRequest(tampered).verify(MERCHANT.getPublic())).isFalse();
    }

    @Test
    void responsesVerifyOverTheRawDataText() {
        String body = HuifuEnvelope.response(Map.of("resp_code", "00000000", "resp_desc", "受理成功",
                "trans_stat", "P", "hf_seq_id", "0029"), HUIFU.getPrivate());

        var verified = HuifuEnvelope.verifyResponse(body, HUIFU.getPublic());

        assertThat(verified.field("trans_stat")).isEqualTo("P");
        assertThat(verified.field("resp_desc")).isEqualTo("受理成功");
        assertThat(body).contains("\"data\":" + verified.signedText());
    }

    @Test
    void aResponseSignedOverUnsortedRawTextVerifiesByTheRawText() {
        String raw = "{\"trans_stat\":\"P\",\"resp_code\":\"00000000\",\"enter_fee\":0}";
        String body = "{\"data\":" + raw + ",\"sign\":\"" + RsaSignatures.sign(raw, HUIFU.getPrivate()) + "\"}";

        var verified = HuifuEnvelope.verifyResponse(body, HUIFU.getPublic());

        assertThat(verified.signedText()).isEqualTo(raw);
        assertThat(verified.field("enter_fee")).isEqualTo("0");
    }

    @Test
    void aResponseSignedOverTheSortedFormVerifiesByTheFallback() {
        String sorted = "{\"resp_code\":\"00000000\",\"trans_stat\":\"P\"}";
        String body = "{\"sign\":\"" + RsaSignatures.sign(sorted, HUIFU.getPrivate())
                + "\", \"data\": {\"trans_stat\": \"P\", \"resp_code\": \"00000000\"}}";

        assertThat(HuifuEnvelope.verifyResponse(body, HUIFU.getPublic()).signedText()).isEqualTo(sorted);
    }

    @Test
    void forgedOrUnsignedResponsesAreRefused() {
        String body = HuifuEnvelope.response(Map.of("resp_code", "00000000", "trans_stat", "P"),
                MERCHANT.getPrivate());

        assertThatThrownBy(() -> HuifuEnvelope.verifyResponse(body, HUIFU.getPublic()))
                .isInstanceOf(HuifuSignatureException.class);
        assertThatThrownBy(() -> HuifuEnvelope.verifyResponse("{\"data\":{\"resp_code\":\"0\"}}", HUIFU.getPublic()))
                .hasMessageContaining("not signed");
        assertThatThrownBy(() -> HuifuEnvelope.verifyResponse("<html>", HUIFU.getPublic()))
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void readsTheCodeOfAnUnsignedGatewayRefusal() {
        assertThat(HuifuEnvelope.unverifiedRespCode("{\"data\":{\"resp_code\":\"10000000\",\"resp_desc\":\"无效参数\"}}"))
                .isEqualTo("10000000");
        assertThat(HuifuEnvelope.unverifiedRespCode("oops")).isNull();
    }
}
