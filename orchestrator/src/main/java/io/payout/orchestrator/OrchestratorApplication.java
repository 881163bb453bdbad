package io.payout.orchestrator;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The orchestrator as a standalone service. It reads its own {@code orchestrator.yml}, not {@code application.yml}:
 * the local stack and the end-to-end tests run it in one JVM beside the sandbox and the gateway, where whichever
 * {@code application.yml} came first on the class path would otherwise configure every service.
 */
// The operations API authenticates a bearer token (OrchestratorSecurity); Boot's default in-memory user would only
// print a generated password into the log.
@SpringBootApplication(excludeName = "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration")
@ConfigurationPropertiesScan
@EnableScheduling
public class OrchestratorApplication {

    static final String CONFIG_NAME = "orchestrator";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(OrchestratorApplication.class);
        application.setDefaultProperties(Map.of("spring.config.name", CONFIG_NAME));
        application.run(args);
    }
}
