package io.payout.gateway.callback;

import io.payout.model.HuifuNotification;
import io.payout.model.huifu.HuifuNotifications;
import io.payout.model.huifu.RsaSignatures;
import java.security.PublicKey;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns a received form into a {@link HuifuNotification}, or says why not. The signature is checked over the raw
 * signed text before a single byte of it is parsed: nothing unauthenticated reaches the JSON parser.
 */
final class NotificationVerifier {

    /** Duplicate keys refused: the gateway and the orchestrator must never read two different values. */
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final PublicKey huifuKey;

    NotificationVerifier(PublicKey huifuKey) {
        this.huifuKey = huifuKey;
    }

    HuifuNotification verify(NoticeKind kind, NotificationForm form, Instant receivedAt)
            throws NotificationRejectedException {
        String raw = form.data();
        String sign = form.sign();
        if (raw == null || raw.isEmpty()) {
            throw new NotificationRejectedException(Rejection.RESP_DATA_MISSING);
        }
        if (sign == null || sign.isBlank()) {
            throw new NotificationRejectedException(Rejection.SIGN_MISSING);
        }
        if (!RsaSignatures.isBase64(sign)) {
            throw new NotificationRejectedException(Rejection.SIGN_NOT_BASE64);
        }
        if (!RsaSignatures.verify(raw, sign, huifuKey)) {
            throw new NotificationRejectedException(Rejection.SIGN_INVALID);
        }
        Map<String, String> fields = fields(raw);
        return new HuifuNotification(HuifuNotifications.notificationId(raw), kind.kind(), fields.get("msg_type"),
                fields, raw, sign, receivedAt);
    }

    /**
     * The top-level fields as text: scalars as written, nested values (rare in trade notices; an account notice's
     * {@code audit_info}, which Huifu sends as an object or as a JSON string) as compact JSON, nulls left out. Jackson's messages quote the input, so they are never passed on to a log or a response.
     */
    private static Map<String, String> fields(String raw) throws NotificationRejectedException {
        try (JsonParser parser = JSON.createParser(raw)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new NotificationRejectedException(Rejection.RESP_DATA_NOT_JSON_OBJECT);
            }
            Map<String, String> fields = new HashMap<>(32);
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String name = parser.currentName();
                JsonToken value = parser.nextToken();
                if (value == JsonToken.VALUE_NULL) {
                    continue;
                }
                fields.put(name, value.isScalarValue() ? parser.getString() : parser.readValueAsTree().toString());
            }
            if (parser.currentToken() != JsonToken.END_OBJECT || parser.nextToken() != null) {
                throw new NotificationRejectedException(Rejection.RESP_DATA_NOT_JSON_OBJECT);
            }
            return fields;
        } catch (JacksonException unreadable) {
            throw new NotificationRejectedException(Rejection.RESP_DATA_NOT_JSON_OBJECT);
        }
    }
}
