package io.payout.orchestrator.notification;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Consumes {@code huifu.notifications} in batches; a failing batch is retried with back-off, never skipped. */
@Component
class NotificationListener {

    private final NotificationApplier applier;

    NotificationListener(NotificationApplier applier) {
        this.applier = applier;
    }

    // A group of its own per listener: a rebalance of one topic's consumers never stalls the other topic.
    @KafkaListener(id = "huifu-notifications", idIsGroup = false,
            groupId = "${orchestrator.consumer.group-id:orchestrator}-notifications",
            topics = "${orchestrator.topics.notifications:huifu.notifications}",
            containerFactory = "notificationListenerFactory", batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        List<String> values = new ArrayList<>(records.size());
        for (ConsumerRecord<String, String> record : records) {
            if (record.value() != null) {
                values.add(record.value());
            }
        }
        applier.apply(values);
    }
}
