package io.payout.reliability;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Searches every log file of the run for secrets: whole card and certificate numbers, card holders' names, and the
 * private keys, as their whole Base64 text and as every 64-character line a PEM file would split them into (so a key
 * logged in pieces is found too).
 */
final class LogScan {

    /** A secret found in a file. */
    record Leak(String secret, Path file) {
        @Override
        public String toString() {
            return secret + " in " + file.getFileName();
        }
    }

    private final Map<String, String> secrets = new LinkedHashMap<>();

    /** {@code what} names the secret in a report without repeating it (e.g. "card number of 6666000130000001"). */
    LogScan secret(String what, String value) {
        secrets.put(value, what);
        return this;
    }

    /** A private key's Base64 text: whole, and each 64-character PEM line of it. */
    LogScan privateKey(String what, String base64) {
        secrets.put(base64, what + " (whole)");
        for (int at = 0; at + 64 <= base64.length(); at += 64) {
            secrets.put(base64.substring(at, at + 64), what + " (PEM line " + (at / 64 + 1) + ")");
        }
        return this;
    }

    int secretCount() {
        return secrets.size();
    }

    List<Leak> scan(List<Path> files) {
        List<Leak> leaks = new ArrayList<>();
        for (Path file : files) {
            if (!Files.exists(file)) {
                continue;
            }
            String text;
            try {
                text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read " + file, e);
            }
            secrets.forEach((value, what) -> {
                if (text.contains(value)) {
                    leaks.add(new Leak(what, file));
                }
            });
        }
        return leaks;
    }

    /** Total size of the files, for the report (a scan of empty files would prove nothing). */
    static long bytes(List<Path> files) {
        long total = 0;
        for (Path file : files) {
            try {
                total += Files.exists(file) ? Files.size(file) : 0;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return total;
    }
}
