package io.payout.model.huifu;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/**
 * SHA256withRSA (RSASSA-PKCS1-v1_5) over UTF-8 text, signatures in padded standard Base64 (PROTOCOL.md §2.1).
 *
 * <p>Each thread keeps one {@link Signature} for signing and one for verifying: {@code Signature.getInstance} walks
 * the providers and instantiates a new engine every time, which cost a measurable share of each notification the
 * gateway verifies. A {@code Signature} is not thread-safe, so it is never shared; {@code initSign}/{@code initVerify}
 * on every call reset it completely, so a reused one behaves exactly like a fresh one, whatever the previous call
 * did or whichever key it used.
 */
public final class RsaSignatures {

    private static final String ALGORITHM = "SHA256withRSA";
    private static final ThreadLocal<Signature> SIGNERS = ThreadLocal.withInitial(RsaSignatures::newSignature);
    private static final ThreadLocal<Signature> VERIFIERS = ThreadLocal.withInitial(RsaSignatures::newSignature);

    private RsaSignatures() {
    }

    public static String sign(String text, PrivateKey key) {
        try {
            Signature signature = SIGNERS.get();
            signature.initSign(key);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(signature.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("signing failed", e);
        }
    }

    /** True only for a well-formed signature that matches; malformed Base64 or a wrong length is simply false. */
    public static boolean verify(String text, String signBase64, PublicKey key) {
        if (text == null || signBase64 == null || signBase64.isEmpty()) {
            return false;
        }
        byte[] signatureBytes;
        try {
            signatureBytes = Base64.getDecoder().decode(signBase64.strip());
        } catch (IllegalArgumentException e) {
            return false;
        }
        try {
            Signature signature = VERIFIERS.get();
            signature.initVerify(key);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Signature newSignature() {
        try {
            return Signature.getInstance(ALGORITHM);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }

    /** Is this text standard Base64 at all? Lets callers tell "not a signature" from "wrong signature". */
    public static boolean isBase64(String text) {
        if (text == null || text.isEmpty()) {
            return false;
        }
        try {
            Base64.getDecoder().decode(text.strip());
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
