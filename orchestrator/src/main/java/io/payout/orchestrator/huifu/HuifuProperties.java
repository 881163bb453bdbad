package io.payout.orchestrator.huifu;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How to reach Huifu (CONTRACT.md §5). Keys are PKCS#8/X.509 Base64, PEM, or {@code file:/path}.
 * Completeness is checked by {@link #requireComplete()} when the client is built, not during binding, so a
 * start-up failure never echoes a bound value (which could be key material).
 */
@ConfigurationProperties("orchestrator.huifu")
public record HuifuProperties(
        URI baseUrl,
        String sysId,
        String productId,
        String merchantPrivateKey,
        String huifuPublicKey,
        String notifyUrl,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration readTimeout,
        @DefaultValue("64") int maxConcurrency,
        @DefaultValue("5s") Duration permitTimeout) {

    /** Huifu's limit on notify_url for withdrawals (PROTOCOL.md §3.1, §10.3). */
    static final int NOTIFY_URL_MAX_LENGTH = 128;

    /** Throws naming every missing or invalid property, never its value when that could be a key. */
    public HuifuProperties requireComplete() {
        List<String> problems = new ArrayList<>();
        if (baseUrl == null || baseUrl.getScheme() == null || baseUrl.getHost() == null) {
            problems.add("base-url must be an absolute http(s) URL");
        }
        requireText(problems, "sys-id", sysId);
        requireText(problems, "product-id", productId);
        requireText(problems, "merchant-private-key", merchantPrivateKey);
        requireText(problems, "huifu-public-key", huifuPublicKey);
        if (notifyUrl == null || !(notifyUrl.startsWith("http://") || notifyUrl.startsWith("https://"))) {
            problems.add("notify-url must be an http(s) URL");
        } else if (notifyUrl.length() > NOTIFY_URL_MAX_LENGTH) {
            // Huifu silently drops longer URLs, and then no notification ever arrives.
            problems.add("notify-url must be at most " + NOTIFY_URL_MAX_LENGTH + " characters");
        }
        requirePositive(problems, "connect-timeout", connectTimeout);
        requirePositive(problems, "read-timeout", readTimeout);
        requirePositive(problems, "permit-timeout", permitTimeout);
        if (maxConcurrency < 1) {
            problems.add("max-concurrency must be at least 1");
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("orchestrator.huifu is not configured correctly: "
                    + String.join("; ", problems));
        }
        return this;
    }

    private static void requireText(List<String> problems, String name, String value) {
        if (value == null || value.isBlank()) {
            problems.add(name + " is required");
        }
    }

    private static void requirePositive(List<String> problems, String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            problems.add(name + " must be a positive duration");
        }
    }

    /** Never prints the keys: they are secrets, and a private key in a log is a leaked key. */
    @Override
    public String toString() {
        return "HuifuProperties[baseUrl=" + baseUrl + ", sysId=" + sysId + ", productId=" + productId
                + ", merchantPrivateKey=" + (merchantPrivateKey == null ? "<unset>" : "<set>")
                + ", huifuPublicKey=" + (huifuPublicKey == null ? "<unset>" : "<set>")
                + ", notifyUrl=" + notifyUrl + ", connectTimeout=" + connectTimeout + ", readTimeout=" + readTimeout
                + ", maxConcurrency=" + maxConcurrency + ", permitTimeout=" + permitTimeout + "]";
    }
}
