package io.payout.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.Key;
import java.security.KeyPair;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How each service is launched as its own JVM from its exec jar: the properties each one needs to find the others,
 * the keys (as {@code file:} references, so no key ever appears on a command line or in a process listing), the
 * topics and the jar. One definition for the benchmarks and the reliability suite; callers add or override
 * properties in the returned (mutable) maps.
 */
public final class ServiceLaunch {

    public static final String SYS_ID = "6666000100000000";
    public static final String PRODUCT_ID = "PAYUN";
    private static final String VERSION = "0.1.0-SNAPSHOT";

    private ServiceLaunch() {
    }

    /** The four keys of a run written to files: the merchant's pair and Huifu's (the sandbox's) pair. */
    public record KeyFiles(Path merchantPrivate, Path merchantPublic, Path huifuPrivate, Path huifuPublic) {

        /** Writes both pairs to {@code dir} in the forms Huifu's console uses (Base64 PKCS#8 and X.509). */
        public static KeyFiles write(Path dir, KeyPair merchant, KeyPair huifu) {
            try {
                Files.createDirectories(dir);
                KeyFiles files = new KeyFiles(dir.resolve("merchant-private"), dir.resolve("merchant-public"),
                        dir.resolve("huifu-private"), dir.resolve("huifu-public"));
                Files.writeString(files.merchantPrivate, base64(merchant.getPrivate()));
                Files.writeString(files.merchantPublic, base64(merchant.getPublic()));
                Files.writeString(files.huifuPrivate, base64(huifu.getPrivate()));
                Files.writeString(files.huifuPublic, base64(huifu.getPublic()));
                return files;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The Base64 text of a key, as written (the reliability suite greps logs for the private ones). */
        public static String base64(Key key) {
            return Base64.getEncoder().encodeToString(key.getEncoded());
        }

        static String reference(Path file) {
            return "file:" + file.toAbsolutePath();
        }
    }

    /** Topic names of one run. */
    public record Topics(String requests, String outcomes, String rejections, String notifications) {

        /** The contract's names with {@code .<suffix>} appended, so runs on one broker never share records. */
        public static Topics suffixed(String suffix) {
            String s = "." + suffix;
            return new Topics("withdrawal.requests" + s, "withdrawal.outcomes" + s, "withdrawal.rejections" + s,
                    "huifu.notifications" + s);
        }
    }

    public static Map<String, Object> sandbox(KeyFiles keys) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("sandbox.merchant-public-key", KeyFiles.reference(keys.merchantPublic()));
        props.put("sandbox.huifu-private-key", KeyFiles.reference(keys.huifuPrivate()));
        return props;
    }

    public static Map<String, Object> gateway(String bootstrapServers, KeyFiles keys, Topics topics) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.kafka.bootstrap-servers", bootstrapServers);
        props.put("gateway.huifu-public-key", KeyFiles.reference(keys.huifuPublic()));
        props.put("gateway.topic", topics.notifications());
        return props;
    }

    /**
     * The orchestrator on {@code jdbcUrl}; {@code huifuUrl} null means submission is off (nothing calls Huifu),
     * {@code notifyUrl} null a placeholder (nothing will notify). The daily report is off.
     */
    public static Map<String, Object> orchestrator(String jdbcUrl, String dbUser, String bootstrapServers,
                                                   String huifuUrl, String notifyUrl, KeyFiles keys, Topics topics) {
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("spring.datasource.url", jdbcUrl);
        props.put("spring.datasource.username", dbUser);
        props.put("spring.datasource.password", "");
        props.put("spring.kafka.bootstrap-servers", bootstrapServers);
        props.put("orchestrator.huifu.base-url", huifuUrl == null ? "http://127.0.0.1:9" : huifuUrl);
        props.put("orchestrator.huifu.sys-id", SYS_ID);
        props.put("orchestrator.huifu.product-id", PRODUCT_ID);
        props.put("orchestrator.reconciliation.daily-cron", "-");
        props.put("orchestrator.huifu.merchant-private-key", KeyFiles.reference(keys.merchantPrivate()));
        props.put("orchestrator.huifu.huifu-public-key", KeyFiles.reference(keys.huifuPublic()));
        props.put("orchestrator.huifu.notify-url", notifyUrl == null ? "http://127.0.0.1:8000/huifu/notify/withdrawal"
                : notifyUrl);
        props.put("orchestrator.submission.enabled", huifuUrl != null);
        props.put("orchestrator.topics.requests", topics.requests());
        props.put("orchestrator.topics.outcomes", topics.outcomes());
        props.put("orchestrator.topics.rejections", topics.rejections());
        props.put("orchestrator.topics.notifications", topics.notifications());
        return props;
    }

    /** {@code <root>/<module>/target/<module>-<version>-exec.jar}, which must have been packaged. */
    public static Path execJar(Path root, String module) {
        String artifact = module.substring(module.lastIndexOf('/') + 1);
        Path jar = root.resolve(module).resolve("target").resolve(artifact + "-" + VERSION + "-exec.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: package " + module + " first (./mvnw package -pl "
                    + module + " -am -DskipTests)");
        }
        return jar;
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
