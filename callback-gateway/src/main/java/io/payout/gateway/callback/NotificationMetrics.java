package io.payout.gateway.callback;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The gateway's counters, registered once up front so the request path only increments. Received = verified +
 * rejected; verified = acknowledged + unavailable (broker did not acknowledge in time, 503).
 */
final class NotificationMetrics {

    private final Counter received;
    private final Counter verified;
    private final Counter acknowledged;
    private final Counter unavailable;
    private final Map<Rejection, Counter> rejected = new EnumMap<>(Rejection.class);

    NotificationMetrics(MeterRegistry meters) {
        received = counter(meters, "gateway.notifications.received", "Notification requests received");
        verified = counter(meters, "gateway.notifications.verified", "Notifications whose signature verified");
        acknowledged = counter(meters, "gateway.notifications.acknowledged",
                "Notifications published, broker-acknowledged and acknowledged to Huifu");
        unavailable = counter(meters, "gateway.notifications.unavailable",
                "Verified notifications answered 503 because the broker did not acknowledge in time");
        for (Rejection rejection : Rejection.values()) {
            rejected.put(rejection, Counter.builder("gateway.notifications.rejected")
                    .description("Notifications turned away, by reason")
                    .tag("reason", rejection.name().toLowerCase(Locale.ROOT))
                    .register(meters));
        }
    }

    void received() {
        received.increment();
    }

    void verified() {
        verified.increment();
    }

    void acknowledged() {
        acknowledged.increment();
    }

    void unavailable() {
        unavailable.increment();
    }

    void rejected(Rejection rejection) {
        rejected.get(rejection).increment();
    }

    private static Counter counter(MeterRegistry meters, String name, String description) {
        return Counter.builder(name).description(description).register(meters);
    }
}
