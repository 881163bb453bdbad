package io.payout.orchestrator.account;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the due steps of account applications. Every instance may: applications are claimed with a lease, so each
 * step runs on one instance at a time.
 */
@Component
@ConditionalOnProperty({"orchestrator.accounts.hash-key"})
class AccountWorker {

    private final AccountApplicationFlow flow;
    private final AccountsProperties properties;

    AccountWorker(AccountApplicationFlow flow, AccountsProperties properties) {
        this.flow = flow;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${orchestrator.accounts.poll-interval:1s}")
    void advance() {
        if (!properties.workerEnabled()) {
            return;
        }
        // a full batch means more may be due: go on without waiting for the next tick
        while (flow.advanceDue() >= properties.batchSize()) {
            Thread.onSpinWait();
        }
    }
}
