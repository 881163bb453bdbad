package io.payout.model.huifu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

class HuifuNotificationsTest {

    private static final KeyPair HUIFU = HuifuKeys.generate();

    private static Map<String, Object> accountingNotice() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("msg_type", "02");
        data.put("req_seq_id", "W20250301120000123");
        data.put("req_date", "20250301");
        data.put("huifu_id", "6666000123456789");
        data.put("acct_status", "S");
        data.put("trans_status", "P");
        data.put("cash_amt", "100.00");
        data.put("fee_amt", "1.05");
        data.put("sub_resp_code", "00000000");
        data.put("sub_resp_desc", "处理成功");
        return data;
    }

    @Test
    void formEncodingIsUrlEncodersForEveryCharacterKind() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            every.append(c);
        }
        Random random = new Random(7);
        for (String text : new String[] {every.toString(), "处理成功 a+b=c&d", "\uD83D\uDCB8 lone \uD800 end", "",
                random.ints(2000, 0, 0x10FFFF).filter(Character::isValidCodePoint).collect(StringBuilder::new,
                        StringBuilder::appendCodePoint, StringBuilder::append).toString()}) {
            StringBuilder out = new StringBuilder();
            HuifuNotifications.formEncode(text, out);
            assertThat(out.toString()).isEqualTo(URLEncoder.encode(text, StandardCharsets.UTF_8));
        }
    }

    @Test
    void verifiesOverTheRawRespDataAndParsesIt() {
        Map<String, String> form = HuifuNotifications.signedForm(accountingNotice(), HUIFU.getPrivate());

        Map<String, String> fields = HuifuNotifications.verify(form.get("resp_data"), form.get("sign"),
                HUIFU.getPublic());

        assertThat(form).containsEntry("resp_code", "10000");
        assertThat(fields).containsEntry("msg_type", "02").containsEntry("sub_resp_desc", "处理成功")
                .containsEntry("fee_amt", "1.05");
    }

    @Test
    void aSignatureOverUnsortedRawTextVerifiesWithoutReSorting() {
        String raw = "{\"req_seq_id\":\"W1\",\"acct_status\":\"S\",\"msg_type\":\"02\"}";

        var fields = HuifuNotifications.verify(raw, RsaSignatures.sign(raw, HUIFU.getPrivate()), HUIFU.getPublic());

        assertThat(fields).containsEntry("req_seq_id", "W1");
    }

    @Test
    void refusesForgedTamperedUnsignedAndNonBase64Notices() {
        Map<String, String> form = HuifuNotifications.signedForm(accountingNotice(), HUIFU.getPrivate());
        String raw = form.get("resp_data");
        String forged = RsaSignatures.sign(raw, HuifuKeys.generate().getPrivate());

        assertThatThrownBy(() -> HuifuNotifications.verify(raw, forged, HUIFU.getPublic()))
                .hasMessage("sign does not verify");
        assertThatThrownBy(() -> HuifuNotifications.verify(raw.replace("100.00", "900.00"), form.get("sign"),
                HUIFU.getPublic())).hasMessage("sign does not verify");
        assertThatThrownBy(() -> HuifuNotifications.verify(raw, null, HUIFU.getPublic()))
                .hasMessage("sign is missing");
        assertThatThrownBy(() -> HuifuNotifications.verify(raw, "***", HUIFU.getPublic()))
                .hasMessage("sign is not Base64");
    }

    @Test
    void refusesSignedTextThatIsNotAJsonObject() {
        String raw = "[\"W1\"]";

        assertThatThrownBy(() -> HuifuNotifications.verify(raw, RsaSignatures.sign(raw, HUIFU.getPrivate()),
                HUIFU.getPublic())).hasMessage("resp_data is not a JSON object");
    }

    @Test
    void formBodyRoundTripsThroughUrlDecoding() {
        Map<String, String> form = HuifuNotifications.signedForm(accountingNotice(), HUIFU.getPrivate());

        String body = HuifuNotifications.formBody(form);
        String respData = null;
        for (String pair : body.split("&")) {
            String[] kv = pair.split("=", 2);
            if (kv[0].equals("resp_data")) {
                respData = URLDecoder.decode(kv[1], StandardCharsets.UTF_8);
            }
        }

        assertThat(respData).isEqualTo(form.get("resp_data"));
    }

    @Test
    void notificationIdIsTheSha256OfTheRawText() {
        assertThat(HuifuNotifications.notificationId("abc"))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(HuifuNotifications.ackBody("W1")).isEqualTo("RECV_ORD_ID_W1");
    }
}
