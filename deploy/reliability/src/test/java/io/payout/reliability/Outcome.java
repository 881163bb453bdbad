package io.payout.reliability;

import io.payout.model.WithdrawalStatus;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The fields of one WithdrawalStatusChanged record on the outcomes topic that the invariants look at. */
public record Outcome(String eventId, String withdrawalId, WithdrawalStatus status, String cashAmt, String reqSeqId,
               String source, String key) {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    public static Outcome of(ConsumerRecord<String, String> record) {
        JsonNode node = JSON.readTree(record.value());
        return new Outcome(text(node, "event_id"), text(node, "withdrawal_id"),
                WithdrawalStatus.valueOf(text(node, "status")), text(node, "cash_amt"), text(node, "req_seq_id"),
                text(node, "source"), record.key());
    }

    boolean isFinal() {
        return status.isFinal();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
