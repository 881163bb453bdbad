package io.payout.model.huifu;

import java.security.PrivateKey;
import java.security.PublicKey;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The signed JSON envelope of every Huifu API call (PROTOCOL.md §1, §2.2, §2.3):
 * request {@code {"sys_id","product_id","data","sign"}}, response {@code {"data","sign"}}.
 */
public final class HuifuEnvelope {

    private HuifuEnvelope() {
    }

    /** A request ready to POST: {@code body} is the JSON, {@code signedText} what was signed. */
    public record SignedRequest(String body, String signedText, String sign) {
    }

    /** A request as the receiving side reads it; {@code canonical} is the text its signature must cover. */
    public record ReceivedRequest(String sysId, String productId, Map<String, String> data, String sign,
                                  String canonical) {
        public boolean verify(PublicKey merchantKey) {
            return RsaSignatures.verify(canonical, sign, merchantKey);
        }
    }

    /** A response whose signature held; {@code data} holds the business fields as text. */
    public record VerifiedResponse(Map<String, String> data, String signedText) {
        public String field(String name) {
            return data.get(name);
        }
    }

    public static SignedRequest request(String sysId, String productId, Map<String, ?> data, PrivateKey key) {
        String canonical = CanonicalJson.of(data);
        String sign = RsaSignatures.sign(canonical, key);
        // data travels as the canonical object itself, so both sides see the same text.
        String body = "{\"sys_id\":" + quote(sysId) + ",\"product_id\":" + quote(productId)
                + ",\"data\":" + canonical + ",\"sign\":" + quote(sign) + "}";
        return new SignedRequest(body, canonical, sign);
    }

    /** Parses a request body; the server re-canonicalizes {@code data} before verifying (§2.2 step 6). */
    public static ReceivedRequest readRequest(String body) {
        JsonNode root = JsonObjects.readObject(body, "request body");
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new HuifuSignatureException("request has no data object");
        }
        Map<String, String> fields = JsonObjects.textFields(data);
        return new ReceivedRequest(text(root, "sys_id"), text(root, "product_id"), fields, text(root, "sign"),
                CanonicalJson.of(fields));
    }

    /** A response body signed over exactly the {@code data} bytes it emits (what Huifu does, §2.3). */
    public static String response(Map<String, ?> data, PrivateKey key) {
        String canonical = CanonicalJson.of(data);
        return "{\"data\":" + canonical + ",\"sign\":" + quote(RsaSignatures.sign(canonical, key)) + "}";
    }

    /**
     * Verifies a response: first over the raw text of {@code data} as received, then over its sorted
     * re-encoding (older Huifu behaviour). Throws when neither holds.
     */
    public static VerifiedResponse verifyResponse(String body, PublicKey huifuKey) {
        JsonNode root = JsonObjects.readObject(body, "response body");
        JsonNode data = root.get("data");
        if (data == null || !data.isObject()) {
            throw new HuifuSignatureException("response has no data object");
        }
        String sign = text(root, "sign");
        if (sign == null || sign.isEmpty()) {
            throw new HuifuSignatureException("response is not signed");
        }
        Map<String, String> fields = JsonObjects.textFields(data);
        String raw = JsonObjects.rawMember(body, "data");
        if (raw != null && RsaSignatures.verify(raw, sign, huifuKey)) {
            return new VerifiedResponse(fields, raw);
        }
        String sorted = CanonicalJson.of(fields);
        if (RsaSignatures.verify(sorted, sign, huifuKey)) {
            return new VerifiedResponse(fields, sorted);
        }
        throw new HuifuSignatureException("response signature does not verify");
    }

    /** Reads {@code data.resp_code} of an unsigned error body (e.g. a gateway refusal) without verifying. */
    public static String unverifiedRespCode(String body) {
        try {
            JsonNode data = JsonObjects.readObject(body, "response body").get("data");
            return data == null || data.get("resp_code") == null ? null : data.get("resp_code").asString();
        } catch (HuifuSignatureException e) {
            return null;
        }
    }

    private static String text(JsonNode root, String name) {
        JsonNode node = root.get(name);
        return node == null || node.isNull() ? null : node.asString();
    }

    private static String quote(String value) {
        StringBuilder out = new StringBuilder(value == null ? 4 : value.length() + 2);
        if (value == null) {
            return "null";
        }
        CanonicalJson.writeString(out, value);
        return out.toString();
    }
}
