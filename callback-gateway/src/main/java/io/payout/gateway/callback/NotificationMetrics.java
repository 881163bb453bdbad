package io.payout.gateway.callback;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The gateway's counters for one {@link NoticeKind} (tag {@code kind}: {@code withdrawal} or {@code account}),
 * registered once up front so the request path only increments. Received = verified + rejected; verified =
 * acknowledged + unavailable (broker did not acknowledge in time, 503).
 *
 * <p>{@code gateway.notify.requests{status}} times every request to the notify path from arrival to answer; it
 * stands in for Spring's {@code http.server.requests}, which only sees requests through Spring MVC.
 */
final class NotificationMetrics {

    private final Counter received;
    private final Counter verified;
    private final Counter acknowledged;
    private final Counter unavailable;
    private final Counter quarantined;
    private final Map<Rejection, Counter> rejected = new EnumMap<>(Rejection.class);
    private final Map<Integer, Timer> requests = new HashMap<>();

    NotificationMetrics(MeterRegistry meters, NoticeKind kind) {
        String tag = kind.tag();
        received = counter(meters, tag, "gateway.notifications.received", "Notification requests received");
        verified = counter(meters, tag, "gateway.notifications.verified", "Notifications whose signature verified");
        acknowledged = counter(meters, tag, "gateway.notifications.acknowledged",
                "Notifications published, broker-acknowledged and acknowledged to Huifu");
        unavailable = counter(meters, tag, "gateway.notifications.unavailable",
                "Verified notifications answered 503 because the broker did not acknowledge in time");
        quarantined = counter(meters, tag, "gateway.notifications.quarantined",
                "Verified notifications the orchestrator could not use, published to the quarantine topic");
        for (Rejection rejection : Rejection.values()) {
            rejected.put(rejection, Counter.builder("gateway.notifications.rejected")
                    .description("Notifications turned away, by reason")
                    .tag("kind", tag)
                    .tag("reason", rejection.name().toLowerCase(Locale.ROOT))
                    .register(meters));
            requests.computeIfAbsent(rejection.status(), status -> requestTimer(meters, tag, status));
        }
        // 200 acknowledged, 405 not a POST, 500 failed unexpectedly (the container answered), 503 broker unavailable.
        for (int status : new int[] {200, 405, 500, 503}) {
            requests.computeIfAbsent(status, code -> requestTimer(meters, tag, code));
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

    void quarantined() {
        quarantined.increment();
    }

    void rejected(Rejection rejection) {
        rejected.get(rejection).increment();
    }

    /** The request to the notify path ended with this status; statuses it never answers are not recorded. */
    void answered(int status, long nanos) {
        Timer timer = requests.get(status);
        if (timer != null) {
            timer.record(nanos, TimeUnit.NANOSECONDS);
        }
    }

    private static Timer requestTimer(MeterRegistry meters, String kind, int status) {
        return Timer.builder("gateway.notify.requests")
                .description("Requests to the notify path, from arrival to answer, by HTTP status")
                .tag("kind", kind)
                .tag("status", Integer.toString(status))
                .publishPercentileHistogram()
                .register(meters);
    }

    private static Counter counter(MeterRegistry meters, String kind, String name, String description) {
        return Counter.builder(name).description(description).tag("kind", kind).register(meters);
    }
}
