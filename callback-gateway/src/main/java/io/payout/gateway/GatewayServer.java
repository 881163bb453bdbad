package io.payout.gateway;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.Banner;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;

/**
 * Starts a gateway in-process (INTERFACES.md): for other modules' tests, the local stack and the benchmark.
 * The given properties take precedence over application.yml; {@code server.port} defaults to 0 (random), so
 * several services share one JVM without clashing and without system properties.
 */
public final class GatewayServer implements AutoCloseable {

    public static final String NOTIFY_PATH = "/huifu/notify/withdrawal";
    /** Huifu's {@code async_return_url} for account applications (CONTRACT.md §6). */
    public static final String ACCOUNT_NOTIFY_PATH = "/huifu/notify/account";

    private final ConfigurableApplicationContext context;
    private final String baseUrl;

    private GatewayServer(ConfigurableApplicationContext context, String baseUrl) {
        this.context = context;
        this.baseUrl = baseUrl;
    }

    public static GatewayServer start(Map<String, Object> properties) {
        Map<String, Object> effective = new HashMap<>(properties);
        effective.putIfAbsent("server.port", 0);
        effective.putIfAbsent("spring.config.name", CallbackGatewayApplication.CONFIG_NAME);
        // A property source of its own, first in line: SpringApplicationBuilder.properties(..) would rank below
        // application.yml, which sets a fixed port.
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("gateway-server", effective));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(CallbackGatewayApplication.class)
                .main(CallbackGatewayApplication.class)
                .environment(environment)
                .bannerMode(Banner.Mode.OFF)
                .run();
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return new GatewayServer(context, "http://127.0.0.1:" + port);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** The address to give Huifu (or the sandbox) as {@code notify_url}. */
    public String notifyUrl() {
        return baseUrl + NOTIFY_PATH;
    }

    /** The address to give Huifu (or the sandbox) as {@code async_return_url} of account applications. */
    public String accountNotifyUrl() {
        return baseUrl + ACCOUNT_NOTIFY_PATH;
    }

    @Override
    public void close() {
        context.close();
    }
}
