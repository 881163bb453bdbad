package io.payout.orchestrator.intake;

import io.payout.orchestrator.OrchestratorTopics;
import io.payout.orchestrator.quarantine.RecordGuard;
import io.payout.orchestrator.quarantine.Replayable;
import java.util.ArrayList;
import java.util.List;
import io.payout.model.Topics;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes {@code withdrawal.requests} in batches. An invalid request is a rejection (intake); a valid one that
 * cannot be stored is quarantined by the guard, so it never holds up the requests behind it.
 */
@Component
class RequestListener implements Replayable {

    private final RequestIntake intake;
    private final RecordGuard guard;
    private final OrchestratorTopics topics;

    RequestListener(RequestIntake intake, RecordGuard guard, OrchestratorTopics topics) {
        this.intake = intake;
        this.guard = guard;
        this.topics = topics;
    }

    // A group of its own per listener: a rebalance of one topic's consumers never stalls the other topic.
    @KafkaListener(id = "withdrawal-requests", idIsGroup = false,
            groupId = "${orchestrator.consumer.group-id:orchestrator}-requests",
            topics = "${orchestrator.topics.requests:withdrawal.requests}",
            containerFactory = "requestListenerFactory", batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        guard.process(records, batch -> {
            List<byte[]> values = new ArrayList<>(batch.size());
            List<String> traceParents = new ArrayList<>(batch.size());
            for (ConsumerRecord<String, byte[]> record : batch) {
                values.add(record.value());
                Header traceParent = record.headers().lastHeader(Topics.HEADER_TRACEPARENT);
                traceParents.add(traceParent == null ? null
                        : new String(traceParent.value(), StandardCharsets.US_ASCII));
            }
            intake.accept(values, traceParents);
        });
    }

    @Override
    public String topic() {
        return topics.requests();
    }

    @Override
    public void replay(String key, byte[] value) {
        intake.accept(java.util.Collections.singletonList(value));
    }
}
