package io.payout.orchestrator.intake;

import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code withdrawal.requests} in batches. If the database is down the intake throws, the container
 * retries the same batch with back-off, and no offset moves: nothing is lost or rejected for an outage.
 */
@Component
class RequestListener {

    private final RequestIntake intake;

    RequestListener(RequestIntake intake) {
        this.intake = intake;
    }

    // A group of its own per listener: a rebalance of one topic's consumers never stalls the other topic.
    @KafkaListener(id = "withdrawal-requests", idIsGroup = false,
            groupId = "${orchestrator.consumer.group-id:orchestrator}-requests",
            topics = "${orchestrator.topics.requests:withdrawal.requests}",
            containerFactory = "requestListenerFactory", batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        List<byte[]> values = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            values.add(record.value());
        }
        intake.accept(values);
    }
}
