package io.payout.orchestrator.notification;

import io.payout.orchestrator.OrchestratorTopics;
import io.payout.orchestrator.quarantine.RecordGuard;
import io.payout.orchestrator.quarantine.Replayable;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code huifu.notifications} in batches. A failing batch is retried with back-off while the failure is
 * transient; a notice that cannot be applied for a reason of its own is quarantined by the guard (still evidence an
 * operator sees and replays), so it never holds up the notices behind it.
 */
@Component
class NotificationListener implements Replayable {

    private final NotificationApplier applier;
    private final RecordGuard guard;
    private final OrchestratorTopics topics;

    NotificationListener(NotificationApplier applier, RecordGuard guard, OrchestratorTopics topics) {
        this.applier = applier;
        this.guard = guard;
        this.topics = topics;
    }

    // A group of its own per listener: a rebalance of one topic's consumers never stalls the other topic.
    @KafkaListener(id = "huifu-notifications", idIsGroup = false,
            groupId = "${orchestrator.consumer.group-id:orchestrator}-notifications",
            topics = "${orchestrator.topics.notifications:huifu.notifications}",
            containerFactory = "notificationListenerFactory", batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        guard.process(records, batch -> {
            List<String> values = new ArrayList<>(batch.size());
            for (ConsumerRecord<String, String> record : batch) {
                if (record.value() != null) {
                    values.add(record.value());
                }
            }
            applier.apply(values);
        });
    }

    @Override
    public String topic() {
        return topics.notifications();
    }

    @Override
    public void replay(String key, byte[] value) {
        applier.apply(List.of(new String(value, StandardCharsets.UTF_8)));
    }
}
