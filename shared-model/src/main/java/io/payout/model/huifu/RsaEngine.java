package io.payout.model.huifu;

import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Provider;
import java.security.Signature;
import java.util.Locale;
import org.conscrypt.Conscrypt;

/**
 * Which JCA provider computes SHA256withRSA. Every withdrawal needs at least four RSA-2048 signatures, and signing is
 * the largest single cost of a withdrawal: Conscrypt (Google's binding of BoringSSL) signs at about half the cost of
 * the JDK's SunRsaSign and verifies faster too, and being native code it is that fast from the first call instead
 * of after minutes of JIT compilation. PKCS#1 v1.5 signatures are deterministic, so both providers produce the same
 * bytes for the same key and text.
 *
 * <p>Where Conscrypt's native library cannot load (a platform it ships no binary for), or when the system property
 * {@value #PROPERTY} is {@code jdk}, the JDK's provider is used and nothing else changes.
 */
final class RsaEngine {

    static final String PROPERTY = "payout.rsa.provider";
    private static final String ALGORITHM = "SHA256withRSA";

    private final Provider provider;
    private final KeyFactory keyFactory;

    private RsaEngine(Provider provider, KeyFactory keyFactory) {
        this.provider = provider;
        this.keyFactory = keyFactory;
    }

    /** Conscrypt when it is available and not switched off, otherwise the JDK's provider. */
    static RsaEngine select() {
        String wanted = System.getProperty(PROPERTY, "conscrypt").strip().toLowerCase(Locale.ROOT);
        if (!wanted.equals("jdk") && conscryptAvailable()) {
            Provider conscrypt = Conscrypt.newProvider();
            try {
                return new RsaEngine(conscrypt, KeyFactory.getInstance("RSA", conscrypt));
            } catch (GeneralSecurityException e) {
                // fall through to the JDK's provider
            }
        }
        return jdk();
    }

    static RsaEngine jdk() {
        return new RsaEngine(null, null);
    }

    private static boolean conscryptAvailable() {
        try {
            return Conscrypt.isAvailable();
        } catch (LinkageError e) {
            return false;
        }
    }

    /** The provider's name, e.g. {@code Conscrypt} or {@code SunRsaSign}. */
    String name() {
        return newSignature().getProvider().getName();
    }

    Signature newSignature() {
        try {
            return provider == null ? Signature.getInstance(ALGORITHM) : Signature.getInstance(ALGORITHM, provider);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }

    /**
     * The key in the provider's own form. Conscrypt converts a JDK key into a native one on every {@code initSign}
     * (a sizeable part of a signature's cost), so callers convert once and keep the result; a key it cannot convert
     * is used as it is.
     */
    PrivateKey own(PrivateKey key) {
        return translate(key) instanceof PrivateKey translated ? translated : key;
    }

    /** As {@link #own(PrivateKey)}. */
    PublicKey own(PublicKey key) {
        return translate(key) instanceof PublicKey translated ? translated : key;
    }

    private Key translate(Key key) {
        if (keyFactory == null || key == null) {
            return key;
        }
        try {
            return keyFactory.translateKey(key);
        } catch (GeneralSecurityException | RuntimeException e) {
            return key;
        }
    }
}
