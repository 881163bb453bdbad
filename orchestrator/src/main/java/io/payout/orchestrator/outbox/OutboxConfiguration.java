package io.payout.orchestrator.outbox;

import io.payout.orchestrator.tracing.Traces;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/** The outbox (used inside business transactions) and its relay (one active across instances). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OutboxProperties.class)
public class OutboxConfiguration {

    @Bean
    Outbox outbox(DataSource dataSource, ObjectProvider<Clock> clock) {
        return new Outbox(JdbcClient.create(dataSource), clock.getIfAvailable(Clock::systemUTC));
    }

    @Bean
    @ConditionalOnProperty(name = "orchestrator.outbox.relay-enabled", havingValue = "true", matchIfMissing = true)
    OutboxRelay outboxRelay(DataSource dataSource, OutboxProperties properties, Environment environment,
                            ObjectProvider<MeterRegistry> meters, ObjectProvider<Traces> traces) {
        List<String> bootstrap = Binder.get(environment)
                .bind("spring.kafka.bootstrap-servers", Bindable.listOf(String.class))
                .orElse(List.of("localhost:9092"));
        OutboxRelay relay = new OutboxRelay(relaySessions(dataSource, environment), bootstrap, properties,
                traces.getIfAvailable());
        meters.ifAvailable(registry -> {
            // Which instance relays, and how fast: a flat published count with rows waiting means a stuck relay.
            Gauge.builder("outbox.relay.leading", relay, r -> r.isLeading() ? 1 : 0).register(registry);
            FunctionCounter.builder("outbox.relay.published", relay, OutboxRelay::publishedCount).register(registry);
        });
        return relay;
    }

    /**
     * Unpooled connections from {@code spring.datasource.*} for the relay's session: when the relay stops or its
     * instance dies, the physical connection closes and the relay lock passes on. Falls back to the application's
     * DataSource when no URL is configured.
     */
    private static DataSource relaySessions(DataSource application, Environment environment) {
        String url = environment.getProperty("spring.datasource.url");
        if (url == null || url.isBlank()) {
            return application;
        }
        return new DriverManagerDataSource(url, environment.getProperty("spring.datasource.username", ""),
                environment.getProperty("spring.datasource.password", ""));
    }
}
