package io.payout.gateway.callback;

import io.payout.gateway.GatewayProperties;
import io.payout.gateway.GatewayServer;
import io.payout.gateway.publish.NotificationPublisher;
import io.payout.gateway.publish.PublishFailedException;
import io.payout.gateway.security.SourceNetworks;
import io.payout.model.HuifuNotification;
import io.payout.model.huifu.HuifuNotifications;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Huifu's {@code notify_url} for withdrawals (CONTRACT.md §4). The order of the steps is the guarantee: verify,
 * publish, wait for the broker, and only then answer {@code RECV_ORD_ID_<req_seq_id>}. Anything that stops
 * earlier answers without the acknowledgement body, so Huifu sends the notification again.
 */
@RestController
final class WithdrawalNotificationController {

    private static final Logger log = LoggerFactory.getLogger(WithdrawalNotificationController.class);
    private static final MediaType TEXT = new MediaType("text", "plain", StandardCharsets.UTF_8);

    private final NotificationVerifier verifier;
    private final NotificationPublisher publisher;
    private final SourceNetworks sources;
    private final NotificationMetrics metrics;
    private final Clock clock;
    private final int maxBodyBytes;

    WithdrawalNotificationController(NotificationVerifier verifier, NotificationPublisher publisher,
                                     SourceNetworks sources, NotificationMetrics metrics, Clock clock,
                                     GatewayProperties properties) {
        this.verifier = verifier;
        this.publisher = publisher;
        this.sources = sources;
        this.metrics = metrics;
        this.clock = clock;
        this.maxBodyBytes = properties.maxBodyBytes();
    }

    @PostMapping(GatewayServer.NOTIFY_PATH)
    ResponseEntity<String> on(HttpServletRequest request) throws IOException {
        metrics.received();
        HuifuNotification notification;
        try {
            if (!sources.allows(request.getRemoteAddr())) {
                throw new NotificationRejectedException(Rejection.SOURCE_NOT_ALLOWED);
            }
            notification = verifier.verify(NotificationForm.read(request, maxBodyBytes), Instant.now(clock));
        } catch (NotificationRejectedException e) {
            metrics.rejected(e.rejection());
            // Reason and source only: the body may carry card numbers and is never logged or echoed.
            log.warn("notification rejected: {} from {}", e.rejection(), request.getRemoteAddr());
            return ResponseEntity.status(e.rejection().status()).contentType(TEXT).body(e.rejection().body());
        }
        metrics.verified();
        try {
            publisher.publish(notification);
        } catch (PublishFailedException e) {
            metrics.unavailable();
            log.warn("notification {} not acknowledged, answering 503 so Huifu retries: {}: {}",
                    notification, e.getMessage(), String.valueOf(e.getCause()));
            return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE).contentType(TEXT)
                    .body("UNAVAILABLE: not acknowledged, retry later");
        }
        metrics.acknowledged();
        log.info("notification acknowledged: {}", notification);
        return ResponseEntity.ok().contentType(TEXT).body(HuifuNotifications.ackBody(notification.reqSeqId()));
    }
}
