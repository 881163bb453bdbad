package io.payout.orchestrator.account;

import io.payout.model.account.MaskedOriginal;
import io.payout.orchestrator.OrchestratorTopics;
import io.payout.orchestrator.quarantine.RecordGuard;
import io.payout.orchestrator.quarantine.Replayable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code account.requests} in batches. An invalid request is a rejection (intake); a valid one that cannot
 * be stored is quarantined by the guard, so it never holds up the requests behind it, and published on the
 * quarantine topic masked like a rejection's original.
 */
@Component
@ConditionalOnProperty("orchestrator.accounts.hash-key")
class AccountRequestListener implements Replayable {

    private final AccountIntake intake;
    private final RecordGuard guard;
    private final OrchestratorTopics topics;

    AccountRequestListener(AccountIntake intake, RecordGuard guard, OrchestratorTopics topics) {
        this.intake = intake;
        this.guard = guard;
        this.topics = topics;
    }

    // A group of its own, as for withdrawal requests: a rebalance here never stalls the withdrawals.
    @KafkaListener(id = "account-requests", idIsGroup = false,
            groupId = "${orchestrator.consumer.group-id:orchestrator}-account-requests",
            topics = "${orchestrator.topics.account-requests:account.requests}",
            containerFactory = "requestListenerFactory", batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        guard.process(records, batch -> {
            List<byte[]> values = new ArrayList<>(batch.size());
            for (ConsumerRecord<String, byte[]> record : batch) {
                values.add(record.value());
            }
            intake.accept(values);
        }, MaskedOriginal::of);
    }

    @Override
    public String topic() {
        return topics.accountRequests();
    }

    @Override
    public void replay(String key, byte[] value) {
        intake.accept(Collections.singletonList(value));
    }
}
