package io.payout.sandbox.statement;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Expiring download links, as Huifu's are: {@code <base>/sandbox/files/<file_id>?expires=<epoch s>&token=<hmac>}.
 * The token is an HMAC-SHA256 of the file id and expiry under a secret derived from the sandbox's signing key, so a
 * link stays valid across a restart when that key is configured, and nobody can extend or redirect one.
 */
public final class DownloadLinks {

    public static final String PATH = "/sandbox/files/";

    /** What a presented link is worth: a forged or altered one is WRONG even when it has also expired. */
    public enum Verdict { VALID, EXPIRED, WRONG }

    private final SecretKeySpec secret;
    private final Duration ttl;
    private final Clock clock;

    public DownloadLinks(byte[] secret, Duration ttl, Clock clock) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("sandbox.statement.link-ttl must be positive: " + ttl);
        }
        this.secret = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.ttl = ttl;
        this.clock = clock;
    }

    /** A fresh link to {@code fileId}, valid for the configured time from now. */
    public String url(String baseUrl, String fileId) {
        long expires = clock.instant().plus(ttl).getEpochSecond();
        return baseUrl + PATH + fileId + "?expires=" + expires + "&token=" + token(fileId, expires);
    }

    Verdict check(String fileId, String expires, String token) {
        long expiry;
        try {
            expiry = Long.parseLong(expires);
        } catch (NumberFormatException | NullPointerException e) {
            return Verdict.WRONG;
        }
        byte[] expected = token(fileId, expiry).getBytes(StandardCharsets.US_ASCII);
        if (token == null || !MessageDigest.isEqual(expected, token.getBytes(StandardCharsets.US_ASCII))) {
            return Verdict.WRONG;
        }
        return clock.instant().isBefore(Instant.ofEpochSecond(expiry)) ? Verdict.VALID : Verdict.EXPIRED;
    }

    private String token(String fileId, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(secret);
            return HexFormat.of().formatHex(mac.doFinal((fileId + "|" + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
