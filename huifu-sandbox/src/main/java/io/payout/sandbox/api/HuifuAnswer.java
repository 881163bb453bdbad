package io.payout.sandbox.api;

import io.payout.model.huifu.HuifuEnvelope;
import java.security.PrivateKey;
import java.util.Map;

/**
 * An HTTP answer of the Huifu paths: status, content type and body, built in one place so their format never
 * drifts. {@link HuifuApiServlet} writes it.
 */
record HuifuAnswer(int status, String contentType, String body) {

    static final String JSON_UTF8 = "application/json;charset=UTF-8";
    static final String TEXT = "text/plain";

    /** HTTP 200 with {@code {"data":…,"sign":…}}, signed over exactly the data text emitted (§2.3). */
    static HuifuAnswer signed(Map<String, ?> data, PrivateKey key) {
        return new HuifuAnswer(200, JSON_UTF8, HuifuEnvelope.response(data, key));
    }

    /** What Huifu's gateway answers to a body that is not JSON: unsigned (§1). */
    static HuifuAnswer invalidParameterUnsigned() {
        return new HuifuAnswer(200, JSON_UTF8, "{\"data\":{\"resp_code\":\"10000000\",\"resp_desc\":\"无效参数\"}}");
    }

    /** A gateway refusal: one of the HTTP codes of §1, a short text body, nothing processed. */
    static HuifuAnswer gateway(int status, String text) {
        return new HuifuAnswer(status, TEXT, text);
    }
}
