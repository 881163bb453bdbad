package io.payout.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Whether this JVM runs as root, which PostgreSQL's server programs refuse. */
final class RunningUser {

    private static final boolean ROOT = detect();

    private RunningUser() {
    }

    static boolean isRoot() {
        return ROOT;
    }

    private static boolean detect() {
        if ("root".equals(System.getProperty("user.name"))) {
            return true;
        }
        try {
            Process id = new ProcessBuilder("id", "-u").start();
            String uid = new String(id.getInputStream().readAllBytes(), StandardCharsets.US_ASCII).strip();
            return "0".equals(uid);
        } catch (IOException e) {
            return false;
        }
    }
}
