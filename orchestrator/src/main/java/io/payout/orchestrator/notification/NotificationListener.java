package io.payout.orchestrator.notification;

import io.micrometer.tracing.Span;
import io.payout.model.Topics;
import io.payout.orchestrator.OrchestratorTopics;
import io.payout.orchestrator.quarantine.RecordGuard;
import io.payout.orchestrator.quarantine.Replayable;
import io.payout.model.TraceParent;
import io.payout.orchestrator.tracing.Traces;
import io.payout.orchestrator.withdrawal.Withdrawals;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
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
    private final Traces traces;
    private final Withdrawals withdrawals;

    NotificationListener(NotificationApplier applier, RecordGuard guard, OrchestratorTopics topics, Traces traces,
                         Withdrawals withdrawals) {
        this.applier = applier;
        this.guard = guard;
        this.topics = topics;
        this.traces = traces;
        this.withdrawals = withdrawals;
    }

    // A group of its own per listener: a rebalance of one topic's consumers never stalls the other topic.
    @KafkaListener(id = "huifu-notifications", idIsGroup = false,
            groupId = "${orchestrator.consumer.group-id:orchestrator}-notifications",
            topics = "${orchestrator.topics.notifications:huifu.notifications}",
            containerFactory = "notificationListenerFactory", batch = "true")
    void on(List<ConsumerRecord<String, String>> records) {
        guard.process(records, batch -> {
            List<String> values = new ArrayList<>(batch.size());
            List<Span> spans = new ArrayList<>();
            for (ConsumerRecord<String, String> record : batch) {
                if (record.value() != null) {
                    values.add(record.value());
                    Span span = noticeSpan(record);
                    if (span != null) {
                        spans.add(span);
                    }
                }
            }
            try {
                applier.apply(values);
            } finally {
                spans.forEach(Span::end);
            }
        });
    }

    /**
     * The span of applying a notice: a child of the trace the gateway started for it, linked to the trace of the
     * withdrawal it is about (looked up only for a notice whose trace is sampled).
     */
    private Span noticeSpan(ConsumerRecord<String, String> record) {
        Header header = record.headers().lastHeader(Topics.HEADER_TRACEPARENT);
        TraceParent notice = header == null ? null
                : TraceParent.parse(new String(header.value(), StandardCharsets.US_ASCII));
        if (notice == null) {
            return null;
        }
        String withdrawalTrace = null;
        String key = record.key();
        int colon = key == null ? -1 : key.indexOf(':');
        if (notice.sampled() && colon > 0) {
            withdrawalTrace = withdrawals.traceParentOfSerial(key.substring(0, colon), key.substring(colon + 1))
                    .orElse(null);
        }
        return traces.childOfLinkedTo(notice.header(), withdrawalTrace, "huifu notice applied");
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
