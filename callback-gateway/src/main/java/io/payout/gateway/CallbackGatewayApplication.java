package io.payout.gateway;

import java.time.Clock;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Huifu's notifications in, {@code huifu.notifications} events out. Stateless: every instance behind a load
 * balancer is the same, and nothing is acknowledged to Huifu before the broker has the event.
 *
 * <p>The gateway also runs in-process next to the sandbox and the orchestrator (local stack, end-to-end tests), on
 * one class path. So it reads its own {@code callback-gateway.yml} rather than whichever {@code application.yml}
 * comes first, and it leaves out the auto-configurations of its neighbours' starters: a DataSource it has no use
 * for, and Spring Security, which would put Huifu's unauthenticated notifications behind a login.
 */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration"})
@EnableConfigurationProperties(GatewayProperties.class)
public class CallbackGatewayApplication {

    /** The gateway's configuration file: {@code callback-gateway.yml}, on the class path or beside the jar. */
    static final String CONFIG_NAME = "callback-gateway";

    public static void main(String[] args) {
        new SpringApplicationBuilder(CallbackGatewayApplication.class)
                .properties("spring.config.name=" + CONFIG_NAME)
                .run(args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
