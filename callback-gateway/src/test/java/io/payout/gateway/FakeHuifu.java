package io.payout.gateway;

import io.payout.model.huifu.HuifuKeys;
import io.payout.model.huifu.HuifuNotifications;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublisher;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Huifu's side of a notification, for tests: a key pair of its own, withdrawal notices as
 * PROTOCOL.md §4.5 shows them, signed the way Huifu signs them, posted over real HTTP.
 */
public final class FakeHuifu {

    public static final String FORM = "application/x-www-form-urlencoded;charset=UTF-8";
    /** Huifu waits 5 s for an answer (PROTOCOL.md §4.4); so does this client. */
    public static final Duration HUIFU_TIMEOUT = Duration.ofSeconds(5);

    private static final KeyPair KEYS = HuifuKeys.generate();
    private static final AtomicLong SERIALS = new AtomicLong();
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(HUIFU_TIMEOUT)
            .build();

    private FakeHuifu() {
    }

    /** Huifu's public key as its console hands it out (X.509 Base64), for {@code gateway.huifu-public-key}. */
    public static String publicKey() {
        return HuifuKeys.toBase64(KEYS.getPublic());
    }

    public static PrivateKey privateKey() {
        return KEYS.getPrivate();
    }

    public static String uniqueReqSeqId() {
        return "W" + System.nanoTime() + "x" + SERIALS.incrementAndGet();
    }

    /**
     * A 02 (accounting) notice. The description holds the characters form encoding gets wrong most often
     * ({@code + / & = %}, spaces, non-ASCII), so any decoding slip breaks the signature.
     */
    public static Map<String, String> accountingNotice(String huifuId, String reqSeqId) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("acct_id", "F00598600");
        data.put("acct_status", "S");
        data.put("cash_amt", "100.00");
        data.put("fee_amt", "1.05");
        data.put("hf_seq_id", "002900TOP3A221112165433P410ac139c1300001");
        data.put("huifu_id", huifuId);
        data.put("msg_type", "02");
        data.put("req_date", "20250301");
        data.put("req_seq_id", reqSeqId);
        data.put("sub_resp_code", "00000000");
        data.put("sub_resp_desc", "处理成功 a+b/c&d=e%25 ok");
        data.put("trans_status", "P");
        data.put("trans_type", "ENCHASHMENT");
        return data;
    }

    /**
     * A user's audit notice (ACCOUNTS.md A3.3): a non-same-name corporate card approved, its {@code audit_info} a
     * JSON-object string as the opening page types it.
     */
    public static Map<String, Object> auditNotice(String huifuId, String reqSeqId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("audit_info", "{\"apply_no\":\"202603010000000001\",\"audit_desc\":\"审核通过\","
                + "\"audit_status\":\"Y\",\"resp_business\":[{\"code\":\"S\",\"msg\":\"\",\"type\":\"1\"}],"
                + "\"token_no\":\"10000123456\"}");
        data.put("huifu_id", huifuId);
        data.put("notify_type", "A");
        data.put("req_date", "20260301");
        data.put("req_seq_id", reqSeqId);
        data.put("sub_resp_code", "00000000");
        data.put("sub_resp_desc", "处理成功");
        return data;
    }

    /** An account notice's form: {@code sign} over the raw {@code data} (ACCOUNTS.md A3.3). */
    public static Map<String, String> signedAccountNotice(Map<String, ?> data) {
        return HuifuNotifications.signedForm(HuifuNotifications.ACCOUNT_DATA_FIELD, data, KEYS.getPrivate());
    }

    /** The form Huifu posts: {@code resp_code}, {@code resp_desc}, {@code sign} over the raw {@code resp_data}. */
    public static Map<String, String> signed(Map<String, ?> respData) {
        return HuifuNotifications.signedForm(respData, KEYS.getPrivate());
    }

    public static String body(Map<String, String> form) {
        return HuifuNotifications.formBody(form);
    }

    public static HttpResponse<String> post(String url, Map<String, String> form) {
        return post(url, HttpRequest.BodyPublishers.ofString(body(form)), FORM);
    }

    public static HttpResponse<String> post(String url, BodyPublisher body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(HUIFU_TIMEOUT).POST(body);
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static HttpResponse<String> get(String url) {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(url)).timeout(HUIFU_TIMEOUT).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
