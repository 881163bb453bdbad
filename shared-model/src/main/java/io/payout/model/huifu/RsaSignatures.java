package io.payout.model.huifu;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.util.Base64;
import java.util.function.UnaryOperator;

/**
 * SHA256withRSA (RSASSA-PKCS1-v1_5) over UTF-8 text, signatures in padded standard Base64 (PROTOCOL.md §2.1).
 *
 * <p>Each thread keeps one {@link Signature} for signing and one for verifying: {@code Signature.getInstance} walks
 * the providers and instantiates a new engine every time, a share of each notification the gateway verifies that
 * buys nothing. A {@code Signature} is not thread-safe, so it is never shared; {@code initSign}/{@code initVerify}
 * on every call reset it completely, so a reused one behaves exactly like a fresh one, whatever the previous call
 * did or whichever key it used. The provider is {@link RsaEngine}'s choice; each thread also keeps the last key it
 * was given in that provider's form, since a service signs and verifies with one or two keys all its life.
 */
public final class RsaSignatures {

    private static final RsaEngine ENGINE = RsaEngine.select();
    private static final ThreadLocal<PerThread<PrivateKey>> SIGNERS =
            ThreadLocal.withInitial(() -> new PerThread<>(ENGINE::own));
    private static final ThreadLocal<PerThread<PublicKey>> VERIFIERS =
            ThreadLocal.withInitial(() -> new PerThread<>(ENGINE::own));

    private RsaSignatures() {
    }

    public static String sign(String text, PrivateKey key) {
        try {
            PerThread<PrivateKey> signer = SIGNERS.get();
            Signature signature = signer.signature;
            signature.initSign(signer.own(key));
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
            PerThread<PublicKey> verifier = VERIFIERS.get();
            Signature signature = verifier.signature;
            signature.initVerify(verifier.own(key));
            signature.update(text.getBytes(StandardCharsets.UTF_8));
            return signature.verify(signatureBytes);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The provider that signs and verifies: {@code Conscrypt}, or {@code SunRsaSign} where it cannot load. */
    public static String engine() {
        return ENGINE.name();
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

    /** A thread's {@link Signature} and the last key it was given, converted once into the provider's form. */
    private static final class PerThread<K extends Key> {
        private final Signature signature = ENGINE.newSignature();
        private final UnaryOperator<K> toOwn;
        private K given;
        private K owned;

        PerThread(UnaryOperator<K> toOwn) {
            this.toOwn = toOwn;
        }

        K own(K key) {
            if (key != given) {
                owned = toOwn.apply(key);
                given = key;
            }
            return owned;
        }
    }
}
