package io.payout.model.huifu;

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
    /** The form field a trade notice's signed JSON text comes in (PROTOCOL.md §4). */
    public static final String TRADE_DATA_FIELD = "resp_data";
    /** The form field an account audit notice's signed JSON text comes in (ACCOUNTS.md A3.3). */
    public static final String ACCOUNT_DATA_FIELD = "data";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    });

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
        // digest() resets it, so the thread's instance is as good as a fresh one (getInstance walks the providers)
        byte[] digest = SHA_256.get().digest(respData.getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(digest);
    }

    /** The acknowledgement body Huifu expects: {@code RECV_ORD_ID_} followed by the notice's req_seq_id. */
    public static String ackBody(String reqSeqId) {
        return ACK_PREFIX + reqSeqId;
    }

    /** The form fields of a trade notification, signed as Huifu signs it (for the sandbox and tests). */
    public static Map<String, String> signedForm(Map<String, ?> respData, PrivateKey huifuKey) {
        return signedForm(TRADE_DATA_FIELD, respData, huifuKey);
    }

    /**
     * The form of a notice whose signed JSON text is in {@code dataField}: {@code resp_data} for trade notices,
     * {@code data} for account audit notices (ACCOUNTS.md A3.3).
     */
    public static Map<String, String> signedForm(String dataField, Map<String, ?> data, PrivateKey huifuKey) {
        String raw = CanonicalJson.of(data);
        Map<String, String> form = new LinkedHashMap<>();
        form.put("resp_code", GATEWAY_OK_CODE);
        form.put("resp_desc", GATEWAY_OK_DESC);
        form.put("sign", RsaSignatures.sign(raw, huifuKey));
        form.put(dataField, raw);
        return form;
    }

    /** {@code application/x-www-form-urlencoded} body of a form, UTF-8 (what {@link java.net.URLEncoder} writes). */
    public static String formBody(Map<String, String> form) {
        StringBuilder out = new StringBuilder(1024);
        for (Map.Entry<String, String> entry : form.entrySet()) {
            if (!out.isEmpty()) {
                out.append('&');
            }
            formEncode(entry.getKey(), out);
            out.append('=');
            formEncode(entry.getValue(), out);
        }
        return out.toString();
    }

    /**
     * URLEncoder's encoding, byte by byte: a signed JSON text alternates safe and unsafe characters, and URLEncoder
     * allocates for every unsafe run, which would make encoding a large part of the cost of sending a notice.
     */
    static void formEncode(String text, StringBuilder out) {
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '-' || c == '*' || c == '_') {
                out.append((char) c);
            } else if (c == ' ') {
                out.append('+');
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
    }
}
