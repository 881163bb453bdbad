package io.payout.orchestrator;

import java.util.HashMap;
import java.util.Map;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.web.context.support.StandardServletEnvironment;

/** Starts the orchestrator in-process (tests, the local stack, benchmarks); several can run in one JVM. */
public final class OrchestratorServer implements AutoCloseable {

    private final ConfigurableApplicationContext context;

    private OrchestratorServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    public static OrchestratorServer start(Map<String, Object> properties) {
        return start(properties, new Class<?>[0]);
    }

    /** With configuration classes of the caller's own beside the application's (tests: an in-memory span exporter). */
    public static OrchestratorServer start(Map<String, Object> properties, Class<?>... extraSources) {
        Map<String, Object> props = new HashMap<>(properties);
        props.putIfAbsent("server.port", 0);
        props.putIfAbsent("spring.config.name", OrchestratorApplication.CONFIG_NAME);
        // First in line: builder properties are only defaults, so orchestrator.yml, a system property or an
        // environment variable would outrank what the caller asked (e.g. port 0: two test JVMs would clash on 8080).
        StandardServletEnvironment environment = new StandardServletEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("orchestrator-server", props));
        ConfigurableApplicationContext context = new SpringApplicationBuilder(OrchestratorApplication.class)
                .sources(extraSources)
                .environment(environment)
                .main(OrchestratorApplication.class)
                .run();
        return new OrchestratorServer(context);
    }

    public String baseUrl() {
        int port = ((WebServerApplicationContext) context).getWebServer().getPort();
        return "http://127.0.0.1:" + port;
    }

    /** The running context, for tests that need a bean. */
    public ConfigurableApplicationContext context() {
        return context;
    }

    @Override
    public void close() {
        context.close();
    }
}
