package io.payout.sandbox;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Huifu sandbox as a standalone service. Persistence, messaging and security auto-configuration are excluded
 * by name: when another module starts the sandbox in its own JVM their starters are on the classpath, and the
 * sandbox (in memory, open by design) needs none of them.
 */
@SpringBootApplication(excludeName = {
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.health.DataSourceHealthContributorAutoConfiguration",
        "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
        "org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
        "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration"})
public class HuifuSandboxApplication {

    /** Our config file is huifu-sandbox.yml, so another module's application.yml on the classpath never applies. */
    static final String CONFIG_NAME = "spring.config.name=huifu-sandbox";

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(HuifuSandboxApplication.class);
        application.setDefaultProperties(java.util.Map.of("spring.config.name", "huifu-sandbox"));
        application.run(args);
    }
}
