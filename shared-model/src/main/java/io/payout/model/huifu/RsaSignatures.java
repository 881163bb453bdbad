package io.payout.model.huifu;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;

/** SHA256withRSA (RSASSA-PKCS1-v1_5) over UTF-8 text, signatures in padded standard Base64 (PROTOCOL.md §2.1). */
public final class RsaSignatures {

    private static final String ALGORITHM = "SHA256withRSA";

    private RsaSignatures() {
    }

    public static String sign(String text, PrivateKey key) {
        try {
            Signature signature = Signature.getInstance(ALGORITHM);
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
            Signature signature = Signature.getInstance(ALGORITHM);
            signature.initVerify(key);
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
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
