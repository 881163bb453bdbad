package io.payout.gateway;

import java.time.Clock;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

/**
 * Huifu's notifications in, {@code huifu.notifications} events out. Stateless: every instance behind a load
 * balancer is the same, and nothing is acknowledged to Huifu before the broker has the event.
 */
@SpringBootApplication
@EnableConfigurationProperties(GatewayProperties.class)
public class CallbackGatewayApplication {

    public static void main(String[] args) {
        SpringApplication.run(CallbackGatewayApplication.class, args);
    }

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
