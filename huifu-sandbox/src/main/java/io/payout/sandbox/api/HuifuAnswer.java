package io.payout.sandbox.api;

import io.payout.model.huifu.HuifuEnvelope;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The HTTP answers the Huifu paths give, built in one place so their format never drifts. */
final class HuifuAnswer {

    static final MediaType JSON_UTF8 = new MediaType("application", "json", StandardCharsets.UTF_8);

    private HuifuAnswer() {
    }

    /** HTTP 200 with {@code {"data":…,"sign":…}}, signed over exactly the data text emitted (§2.3). */
    static ResponseEntity<String> signed(Map<String, String> data, PrivateKey key) {
        return ResponseEntity.ok().contentType(JSON_UTF8).body(HuifuEnvelope.response(data, key));
    }

    /** What Huifu's gateway answers to a body that is not JSON: unsigned (§1). */
    static ResponseEntity<String> invalidParameterUnsigned() {
        return ResponseEntity.ok().contentType(JSON_UTF8)
                .body("{\"data\":{\"resp_code\":\"10000000\",\"resp_desc\":\"无效参数\"}}");
    }

    /** A gateway refusal: one of the HTTP codes of §1, a short text body, nothing processed. */
    static ResponseEntity<String> gateway(int status, String text) {
        return ResponseEntity.status(HttpStatusCode.valueOf(status)).contentType(MediaType.TEXT_PLAIN).body(text);
    }
}
