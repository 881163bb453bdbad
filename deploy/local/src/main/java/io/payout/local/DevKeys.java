package io.payout.local;

import io.payout.model.huifu.HuifuKeys;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.Key;
import java.security.KeyPair;
import java.util.Base64;

/**
 * Development keys, made at first start and kept in the data folder: the merchant's pair (the orchestrator signs,
 * the sandbox verifies) and "Huifu's" pair (the sandbox signs, gateway and orchestrator verify). Services are given
 * {@code file:} references, so no key material passes through configuration or logs.
 */
record DevKeys(Path merchantPrivate, Path merchantPublic, Path huifuPrivate, Path huifuPublic) {

    static DevKeys loadOrCreate(Path dir) {
        DevKeys keys = new DevKeys(dir.resolve("merchant-private.pem"), dir.resolve("merchant-public.pem"),
                dir.resolve("huifu-private.pem"), dir.resolve("huifu-public.pem"));
        if (Files.exists(keys.merchantPrivate) && Files.exists(keys.merchantPublic)
                && Files.exists(keys.huifuPrivate) && Files.exists(keys.huifuPublic)) {
            return keys;
        }
        try {
            Files.createDirectories(dir);
            KeyPair merchant = HuifuKeys.generate();
            KeyPair huifu = HuifuKeys.generate();
            writePem(keys.merchantPrivate, "PRIVATE KEY", merchant.getPrivate(), true);
            writePem(keys.merchantPublic, "PUBLIC KEY", merchant.getPublic(), false);
            writePem(keys.huifuPrivate, "PRIVATE KEY", huifu.getPrivate(), true);
            writePem(keys.huifuPublic, "PUBLIC KEY", huifu.getPublic(), false);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write development keys to " + dir, e);
        }
        return keys;
    }

    static String ref(Path file) {
        return "file:" + file.toAbsolutePath();
    }

    private static void writePem(Path file, String type, Key key, boolean secret) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getEncoded());
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(secret ? "rw-------" : "rw-r--r--"));
    }

    /**
     * The accounts feature's hash key (Base64, 32 random bytes), made once and kept beside the other keys, so that
     * a replayed account request is still recognised after a restart.
     */
    static String accountsHashKey(Path dir) {
        Path file = dir.resolve("accounts-hash.key");
        try {
            if (!Files.exists(file)) {
                Files.createDirectories(dir);
                byte[] key = new byte[32];
                new java.security.SecureRandom().nextBytes(key);
                Files.writeString(file, Base64.getEncoder().encodeToString(key) + "\n");
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            }
            return Files.readString(file).strip();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the accounts hash key in " + dir, e);
        }
    }
}
