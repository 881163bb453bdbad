package io.payout.orchestrator.account;

import io.payout.model.HuifuNotification;
import io.payout.orchestrator.OrchestratorTopics;
import io.payout.orchestrator.quarantine.RecordGuard;
import io.payout.orchestrator.quarantine.Replayable;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Consumes Huifu's audit notices from {@code huifu.account-notices} (the gateway verified them). A duplicate or a
 * late notice for an application already final changes nothing; one that cannot be applied is quarantined by the
 * guard, so it never holds up the notices behind it.
 */
@Component
@ConditionalOnProperty("orchestrator.accounts.hash-key")
class AccountNoticeListener implements Replayable {

    private final AccountApplicationFlow flow;
    private final RecordGuard guard;
    private final OrchestratorTopics topics;
    private final JsonMapper json;

    AccountNoticeListener(AccountApplicationFlow flow, RecordGuard guard, OrchestratorTopics topics,
                          JsonMapper json) {
        this.flow = flow;
        this.guard = guard;
        this.topics = topics;
        this.json = json;
    }

    @KafkaListener(id = "account-notices", idIsGroup = false,
            groupId = "${orchestrator.consumer.group-id:orchestrator}-account-notices",
            topics = "${orchestrator.topics.account-notices:huifu.account-notices}",
            containerFactory = "requestListenerFactory", batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        guard.process(records, batch -> {
            for (ConsumerRecord<String, byte[]> record : batch) {
                replay(record.key(), record.value());
            }
        });
    }

    @Override
    public String topic() {
        return topics.accountNotices();
    }

    @Override
    public void replay(String key, byte[] value) {
        flow.applyNotice(json.readValue(value, HuifuNotification.class));
    }
}
