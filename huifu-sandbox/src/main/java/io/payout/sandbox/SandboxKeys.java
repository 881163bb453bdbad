package io.payout.sandbox;

import io.payout.model.huifu.HuifuKeys;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.RSAPublicKeySpec;
import java.security.KeyFactory;
import java.security.GeneralSecurityException;

/**
 * The keys of PROTOCOL.md §2.1: the merchant's public key verifies requests; the sandbox's own private key (its
 * "Huifu key") signs responses and notifications. {@code toString} names no key material.
 */
public record SandboxKeys(PublicKey merchantPublicKey, PrivateKey huifuPrivateKey, PublicKey huifuPublicKey) {

    static SandboxKeys from(SandboxProperties properties) {
        if (properties.merchantPublicKey() == null || properties.merchantPublicKey().isBlank()) {
            throw new IllegalStateException("sandbox.merchant-public-key is required (Base64 X.509, PEM or file:)");
        }
        PublicKey merchant = HuifuKeys.publicKey(properties.merchantPublicKey());
        if (properties.huifuPrivateKey() == null || properties.huifuPrivateKey().isBlank()) {
            KeyPair generated = HuifuKeys.generate();
            return new SandboxKeys(merchant, generated.getPrivate(), generated.getPublic());
        }
        PrivateKey huifu = HuifuKeys.privateKey(properties.huifuPrivateKey());
        return new SandboxKeys(merchant, huifu, publicOf(huifu));
    }

    public String huifuPublicKeyBase64() {
        return HuifuKeys.toBase64(huifuPublicKey);
    }

    private static PublicKey publicOf(PrivateKey key) {
        if (!(key instanceof RSAPrivateCrtKey crt)) {
            throw new IllegalStateException("sandbox.huifu-private-key must be an RSA private key with CRT fields");
        }
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot derive the sandbox public key", e);
        }
    }

    @Override
    public String toString() {
        return "SandboxKeys[merchant and huifu keys loaded]";
    }
}
