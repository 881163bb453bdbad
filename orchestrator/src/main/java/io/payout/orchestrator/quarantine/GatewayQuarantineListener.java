package io.payout.orchestrator.quarantine;

import io.payout.model.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Keeps the notices the gateway set aside (signed by Huifu, but with fields the orchestrator could not use) with
 * the records quarantined here, so that operations see and replay every quarantined record in one place. The
 * records this service published to the same topic are kept already and skipped.
 */
@Component
class GatewayQuarantineListener {

    private static final Logger log = LoggerFactory.getLogger(GatewayQuarantineListener.class);

    private final QuarantinedRecords quarantined;
    private final TransactionTemplate tx;
    private final Clock clock;

    GatewayQuarantineListener(QuarantinedRecords quarantined, TransactionTemplate tx, Clock clock) {
        this.quarantined = quarantined;
        this.tx = tx;
        this.clock = clock;
    }

    @KafkaListener(id = "huifu-notifications-quarantine", idIsGroup = false,
            groupId = "${orchestrator.consumer.group-id:orchestrator}-notifications-quarantine",
            topics = "#{T(io.payout.model.Topics).quarantineOf('${orchestrator.topics.notifications:huifu.notifications}')}",
            containerFactory = "requestListenerFactory", batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        tx.executeWithoutResult(status -> {
            for (ConsumerRecord<String, byte[]> record : records) {
                if (!"gateway".equals(header(record, Topics.HEADER_QUARANTINED_BY))) {
                    continue;
                }
                String reason = "set aside by the gateway: " + header(record, Topics.HEADER_REASON);
                byte[] key = record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8);
                if (quarantined.keep(record.topic(), record.partition(), record.offset(), key, record.value(), reason,
                        clock.instant())) {
                    log.warn("record {}-{}@{} kept: {}", record.topic(), record.partition(), record.offset(), reason);
                }
            }
        });
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
