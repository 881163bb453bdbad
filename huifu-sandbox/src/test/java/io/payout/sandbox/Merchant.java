package io.payout.sandbox;

import io.payout.model.huifu.HuifuEnvelope;
import io.payout.model.huifu.HuifuKeys;
import io.payout.model.huifu.HuifuSignatureException;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;

/** A merchant calling the sandbox over real HTTP with a signed envelope, and verifying what comes back. */
final class Merchant {

    static final KeyPair KEYS = HuifuKeys.generate();
    static final String SYS_ID = "6666000100000000";
    static final String ENCASHMENT = "/v2/trade/settlement/encashment";
    static final String QUERY = "/v2/trade/settlement/query";
    static final String DM_QUOTA = "/v2/trade/settlement/enchashment/dmamt/query";

    /**
     * An HTTP answer; {@code data} is set only when the body verified with the sandbox's public key.
     * {@code timedOut}: no answer within the read timeout; {@code ioError}: the connection failed.
     */
    record Reply(int status, String body, Map<String, String> data, boolean timedOut, boolean ioError) {
        String field(String name) {
            return data == null ? null : data.get(name);
        }
    }

    private final String baseUrl;
    private final PublicKey huifuKey;
    private final PrivateKey merchantKey;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final Duration readTimeout;

    Merchant(SandboxServer server) {
        this(server, Duration.ofSeconds(10));
    }

    Merchant(SandboxServer server, Duration readTimeout) {
        this(server, readTimeout, KEYS.getPrivate());
    }

    Merchant(SandboxServer server, Duration readTimeout, PrivateKey merchantKey) {
        this(server.baseUrl(), server.huifuPublicKey(), readTimeout, merchantKey);
    }

    /** A merchant of a sandbox running elsewhere (its own process). */
    Merchant(String baseUrl, String huifuPublicKey, Duration readTimeout, PrivateKey merchantKey) {
        this.baseUrl = baseUrl;
        this.huifuKey = HuifuKeys.publicKey(huifuPublicKey);
        this.readTimeout = readTimeout;
        this.merchantKey = merchantKey;
    }

    static String merchantPublicKey() {
        return HuifuKeys.toBase64(KEYS.getPublic());
    }

    static String today() {
        return LocalDate.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.BASIC_ISO_DATE);
    }

    static Map<String, String> withdrawal(String huifuId, String reqSeqId, String cashAmt, String type,
                                          String tokenNo, String notifyUrl) {
        Map<String, String> data = new LinkedHashMap<>();
        data.put("req_date", today());
        data.put("req_seq_id", reqSeqId);
        data.put("cash_amt", cashAmt);
        data.put("huifu_id", huifuId);
        data.put("into_acct_date_type", type);
        data.put("token_no", tokenNo);
        if (notifyUrl != null) {
            data.put("notify_url", notifyUrl);
        }
        return data;
    }

    Reply encash(Map<String, String> data) {
        return post(ENCASHMENT, data);
    }

    Reply query(String huifuId, String orgReqDate, String orgReqSeqId) {
        return post(QUERY, Map.of("huifu_id", huifuId, "org_req_date", orgReqDate, "org_req_seq_id", orgReqSeqId));
    }

    Reply post(String path, Map<String, String> data) {
        return send(path, HuifuEnvelope.request(SYS_ID, "PAYUN", data, merchantKey).body(),
                "application/json;charset=UTF-8");
    }

    Reply send(String path, String body, String contentType) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(readTimeout)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = http.send(request.build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            Map<String, String> data = null;
            if (response.statusCode() == 200) {
                try {
                    data = HuifuEnvelope.verifyResponse(response.body(), huifuKey).data();
                } catch (HuifuSignatureException unsigned) {
                    data = null;
                }
            }
            return new Reply(response.statusCode(), response.body(), data, false, false);
        } catch (HttpTimeoutException e) {
            return new Reply(0, null, null, true, false);
        } catch (IOException e) {
            // e.g. a pooled connection the server had just closed: the request may never have arrived.
            return new Reply(0, null, null, false, true);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
