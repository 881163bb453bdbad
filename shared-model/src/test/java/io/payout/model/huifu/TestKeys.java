package io.payout.model.huifu;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test-only RSA keys made with OpenSSL (src/test/resources/keys), so the codec is checked against another tool. */
final class TestKeys {

    private TestKeys() {
    }

    static String resource(String name) {
        try (InputStream in = TestKeys.class.getResourceAsStream("/keys/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource keys/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
