package io.payout.sandbox;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.web.context.support.StandardServletEnvironment;

/**
 * Starts a sandbox in this JVM, for other modules' tests, the local stack and benchmarks:
 * {@code try (SandboxServer huifu = SandboxServer.start(Map.of("sandbox.merchant-public-key", pub))) {...}}.
 * The given properties take precedence over every other source; {@code server.port} defaults to 0 (random),
 * and without {@code sandbox.huifu-private-key} a fresh key pair is generated ({@link #huifuPublicKey()}).
 */
public final class SandboxServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;
    private final String baseUrl;
    private final SandboxControl control;

    private SandboxServer(ConfigurableApplicationContext context) {
        this.context = context;
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        this.baseUrl = "http://127.0.0.1:" + port;
        this.control = SandboxControl.of(baseUrl);
    }

    public static SandboxServer start(Map<String, Object> properties) {
        Map<String, Object> effective = new HashMap<>();
        effective.put("server.port", 0);
        // Withheld (NO_ANSWER) replies would hold a graceful shutdown for its whole timeout.
        effective.put("server.shutdown", "immediate");
        effective.putAll(properties);
        StandardServletEnvironment environment = new StandardServletEnvironment();
        // First in line: neither huifu-sandbox.yml nor environment variables may override what the caller asked.
        environment.getPropertySources().addFirst(new MapPropertySource("sandbox-server", effective));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(HuifuSandboxApplication.class)
                .environment(environment)
                .properties(HuifuSandboxApplication.CONFIG_NAME)
                .main(HuifuSandboxApplication.class)
                .bannerMode(Banner.Mode.OFF)
                .run();
        return new SandboxServer(context);
    }

    /** e.g. {@code http://127.0.0.1:54321}; Huifu's paths and {@code /sandbox/} hang off it. */
    public String baseUrl() {
        return baseUrl;
    }

    /** Base64 X.509 of the key the sandbox signs responses and notifications with: the "Huifu public key". */
    public String huifuPublicKey() {
        return context.getBean(SandboxKeys.class).huifuPublicKeyBase64();
    }

    public SandboxControl control() {
        return control;
    }

    @Override
    public void close() {
        context.close();
    }
}
