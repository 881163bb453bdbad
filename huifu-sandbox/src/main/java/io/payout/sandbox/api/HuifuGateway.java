package io.payout.sandbox.api;

import io.payout.model.huifu.HuifuEnvelope;
import io.payout.sandbox.SandboxKeys;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * What Huifu's gateway does before any business logic (PROTOCOL.md §1, §2.2): JSON content type, a readable
 * envelope, the caller's sys_id, then the merchant's signature over the re-canonicalized {@code data}.
 */
final class HuifuGateway {

    /** The request's {@code data} (empty when unreadable) and, when the gateway refuses it, the answer. */
    record Admission(Map<String, String> data, HuifuAnswer refusal) {
    }

    private final String sysId;
    private final SandboxKeys keys;

    HuifuGateway(String sysId, SandboxKeys keys) {
        this.sysId = sysId;
        this.keys = keys;
    }

    Admission admit(String contentType, byte[] body) {
        HuifuEnvelope.ReceivedRequest request = parse(body);
        // Read even when refused, so the serial log can name what arrived.
        Map<String, String> data = request == null ? Map.of() : request.data();
        if (!isJson(contentType) || request == null) {
            return new Admission(data, HuifuAnswer.invalidParameterUnsigned());
        }
        if (blank(request.sysId()) || blank(request.productId())) {
            String field = blank(request.sysId()) ? "sys_id" : "product_id";
            return new Admission(data, HuifuAnswer.signed(
                    Map.of("resp_code", "10000000", "resp_desc", field + "不能为空"), keys.huifuPrivateKey()));
        }
        if (!sysId.equals(request.sysId())) {
            // The gateway finds the merchant's key by sys_id; an unknown caller fails authentication [I].
            return new Admission(data, HuifuAnswer.gateway(921, "Authentication failed"));
        }
        if (!request.verify(keys.merchantPublicKey())) {
            return new Admission(data, HuifuAnswer.gateway(922, "Signature verification failed"));
        }
        return new Admission(data, null);
    }

    private static HuifuEnvelope.ReceivedRequest parse(byte[] body) {
        if (body == null || body.length == 0) {
            return null;
        }
        try {
            return HuifuEnvelope.readRequest(new String(body, StandardCharsets.UTF_8));
        } catch (RuntimeException unreadable) {
            return null;
        }
    }

    private static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        try {
            return MediaType.APPLICATION_JSON.isCompatibleWith(MediaType.parseMediaType(contentType));
        } catch (InvalidMediaTypeException e) {
            return false;
        }
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
