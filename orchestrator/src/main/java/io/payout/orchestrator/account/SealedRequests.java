package io.payout.orchestrator.account;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals a request's raw record (card number, certificate number, names) with AES-GCM while its application is open
 * (CONTRACT.md §6). Each sealed value names its key by id, so keys can rotate: the first configured key seals, every
 * configured key opens. The request id is bound in as associated data, so a sealed value cannot be moved to another
 * row.
 */
final class SealedRequests {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    /** A sealed value and the id of its key. */
    record Sealed(String keyId, byte[] bytes) {
    }

    private final Map<String, SecretKeySpec> keys = new LinkedHashMap<>();
    private final String sealingKeyId;
    private final SecureRandom random = new SecureRandom();

    SealedRequests(List<String> base64Keys, String hashKey) {
        List<byte[]> raw = new ArrayList<>();
        for (String key : base64Keys) {
            byte[] bytes = Base64.getDecoder().decode(key.strip());
            if (bytes.length != 16 && bytes.length != 24 && bytes.length != 32) {
                throw new IllegalArgumentException("orchestrator.accounts.sealing-keys: an AES key has 16, 24 or 32 "
                        + "bytes, not " + bytes.length);
            }
            raw.add(bytes);
        }
        if (raw.isEmpty()) {
            raw.add(derived(hashKey));
        }
        for (byte[] bytes : raw) {
            keys.putIfAbsent(idOf(bytes), new SecretKeySpec(bytes, "AES"));
        }
        this.sealingKeyId = keys.keySet().iterator().next();
    }

    Sealed seal(String accountRequestId, byte[] plain) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(sealingKeyId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(accountRequestId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plain);
            return new Sealed(sealingKeyId, ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed)
                    .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is part of every JRE", e);
        }
    }

    byte[] open(String accountRequestId, Sealed sealed) {
        SecretKeySpec key = keys.get(sealed.keyId());
        if (key == null) {
            throw new IllegalStateException("the request " + accountRequestId + " is sealed with key " + sealed.keyId()
                    + ", which orchestrator.accounts.sealing-keys no longer holds");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed.bytes(), 0, NONCE_BYTES));
            cipher.updateAAD(accountRequestId.getBytes(StandardCharsets.UTF_8));
            return cipher.doFinal(sealed.bytes(), NONCE_BYTES, sealed.bytes().length - NONCE_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the sealed request " + accountRequestId + " does not open: "
                    + e.getClass().getSimpleName(), e);
        }
    }

    /** A key of its own for sealing, derived from the hash key (HMAC as a PRF), so one secret can serve both. */
    private static byte[] derived(String hashKey) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(hashKey), "HmacSHA256"));
            return mac.doFinal("account request sealing key".getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every JRE", e);
        }
    }

    /** Names a key without revealing it: the first bytes of its SHA-256. */
    private static String idOf(byte[] key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key), 0, 6);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
