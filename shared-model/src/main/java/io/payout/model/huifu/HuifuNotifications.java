package io.payout.model.huifu;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Huifu's asynchronous trade notifications (PROTOCOL.md §4): a form with {@code resp_code}, {@code resp_desc},
 * {@code sign} and {@code resp_data}, where {@code sign} covers the raw {@code resp_data} string, not re-sorted.
 */
public final class HuifuNotifications {

    /** The gateway code every notification carries; the business result is {@code resp_data.sub_resp_code}. */
    public static final String GATEWAY_OK_CODE = "10000";
    public static final String GATEWAY_OK_DESC = "成功调用";
    public static final String ACK_PREFIX = "RECV_ORD_ID_";

    private HuifuNotifications() {
    }

    /**
     * Verifies {@code sign} over the raw {@code resp_data} and parses it. Throws {@link HuifuSignatureException}
     * for a missing, malformed or wrong signature, or {@code resp_data} that is not a JSON object.
     */
    public static Map<String, String> verify(String respData, String sign, PublicKey huifuKey) {
        if (respData == null || respData.isEmpty()) {
            throw new HuifuSignatureException("resp_data is missing");
        }
        if (sign == null || sign.isEmpty()) {
            throw new HuifuSignatureException("sign is missing");
        }
        if (!RsaSignatures.isBase64(sign)) {
            throw new HuifuSignatureException("sign is not Base64");
        }
        if (!RsaSignatures.verify(respData, sign, huifuKey)) {
            throw new HuifuSignatureException("sign does not verify");
        }
        return JsonObjects.textFields(JsonObjects.readObject(respData, "resp_data"));
    }

    /** The notification's identity: SHA-256 hex of the raw signed string (CONTRACT.md §1). */
    public static String notificationId(String respData) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(respData.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }

    /** The acknowledgement body Huifu expects: {@code RECV_ORD_ID_} followed by the notice's req_seq_id. */
    public static String ackBody(String reqSeqId) {
        return ACK_PREFIX + reqSeqId;
    }

    /** The form fields of a notification, signed as Huifu signs it (for the sandbox and tests). */
    public static Map<String, String> signedForm(Map<String, ?> respData, PrivateKey huifuKey) {
        String raw = CanonicalJson.of(respData);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("resp_code", GATEWAY_OK_CODE);
        form.put("resp_desc", GATEWAY_OK_DESC);
        form.put("sign", RsaSignatures.sign(raw, huifuKey));
        form.put("resp_data", raw);
        return form;
    }

    /** {@code application/x-www-form-urlencoded} body of a form, UTF-8. */
    public static String formBody(Map<String, String> form) {
        StringBuilder out = new StringBuilder(512);
        for (Map.Entry<String, String> entry : form.entrySet()) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            out.append(URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }
}
