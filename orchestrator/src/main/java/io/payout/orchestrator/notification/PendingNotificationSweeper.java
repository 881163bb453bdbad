package io.payout.orchestrator.notification;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Applies kept notifications as soon as their serial is known (they are never dropped). */
@Component
class PendingNotificationSweeper {

    private static final Logger log = LoggerFactory.getLogger(PendingNotificationSweeper.class);
    private static final int BATCH = 200;

    private final NotificationApplier applier;

    PendingNotificationSweeper(NotificationApplier applier) {
        this.applier = applier;
    }

    @Scheduled(fixedDelayString = "${orchestrator.notifications.pending-sweep:1s}")
    void sweep() {
        try {
            int applied = applier.applyKnownPending(BATCH);
            if (applied > 0) {
                log.info("applied {} kept notifications whose serial is now known", applied);
            }
        } catch (RuntimeException e) {
            log.warn("applying kept notifications failed, retried on the next sweep: {}", e.toString());
        }
    }
}
