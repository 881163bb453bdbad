package io.payout.gateway.callback;

import io.micrometer.core.instrument.MeterRegistry;
import io.payout.gateway.GatewayProperties;
import io.payout.gateway.publish.NotificationPublisher;
import io.payout.gateway.security.SourceNetworks;
import io.payout.model.huifu.HuifuKeys;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Wires the notification endpoint; a missing or unreadable key or allow-list stops the start-up. */
@Configuration(proxyBeanMethods = false)
class CallbackConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CallbackConfiguration.class);

    /** Exactly the withdrawal notify path; everything else (actuator) stays with Spring MVC's DispatcherServlet. */
    @Bean
    ServletRegistrationBean<NotificationServlet> withdrawalNotificationServlet(
            NotificationVerifier verifier, NotificationPublisher publisher, SourceNetworks sources,
            MeterRegistry meters, Clock clock, GatewayProperties properties) {
        return servlet(NoticeKind.WITHDRAWAL, verifier, publisher, sources, meters, clock, properties);
    }

    /** Exactly the account notify path ({@code async_return_url}, CONTRACT.md §6). */
    @Bean
    ServletRegistrationBean<NotificationServlet> accountNotificationServlet(
            NotificationVerifier verifier, NotificationPublisher publisher, SourceNetworks sources,
            MeterRegistry meters, Clock clock, GatewayProperties properties) {
        return servlet(NoticeKind.ACCOUNT, verifier, publisher, sources, meters, clock, properties);
    }

    private static ServletRegistrationBean<NotificationServlet> servlet(
            NoticeKind kind, NotificationVerifier verifier, NotificationPublisher publisher, SourceNetworks sources,
            MeterRegistry meters, Clock clock, GatewayProperties properties) {
        ServletRegistrationBean<NotificationServlet> registration = new ServletRegistrationBean<>(
                new NotificationServlet(kind, verifier, publisher, sources, new NotificationMetrics(meters, kind),
                        clock, properties.maxBodyBytes()), kind.path());
        registration.setName(kind.tag() + "NotificationServlet");
        // Ready before the first notification rather than initialised by it.
        registration.setLoadOnStartup(1);
        return registration;
    }

    @Bean
    NotificationVerifier notificationVerifier(GatewayProperties properties) {
        // HuifuKeys' messages never contain key material.
        return new NotificationVerifier(HuifuKeys.publicKey(properties.huifuPublicKey()));
    }

    @Bean
    SourceNetworks sourceNetworks(GatewayProperties properties) {
        SourceNetworks sources = SourceNetworks.of(properties.allowedNetworks());
        log.info("notifications accepted from {}", sources);
        return sources;
    }
}
