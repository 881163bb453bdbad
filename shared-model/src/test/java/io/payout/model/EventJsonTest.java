package io.payout.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventJsonTest {

    private final JsonMapper mapper = JsonMapper.builder().build();

    @Test
    void statusChangedSerializesInTheContractsSnakeCaseWithAmountsAsStrings() {
        UUID id = UUID.fromString("7d3c1f6e-9a53-4c53-9a0a-2f3b1c9d8e7f");
        var event = new WithdrawalStatusChanged(id, "w-1", WithdrawalStatus.ACCOUNTED, WithdrawalStatus.PROCESSING,
                "6666000123456789", AccountKind.USER, IntoAcctDateType.D0, Amount.parse("100.00"),
                Amount.parse("1.05"), Amount.parse("1.05"), "20250301", "W1", "0029x", null, null,
                EventSource.NOTIFICATION,
                Instant.parse("2026-11-25T08:00:00Z"));

        String json = mapper.writeValueAsString(event);

        assertThat(json).contains("\"event_id\":\"7d3c1f6e-9a53-4c53-9a0a-2f3b1c9d8e7f\"",
                "\"previous_status\":\"PROCESSING\"", "\"cash_amt\":\"100.00\"", "\"fee_amt\":\"1.05\"",
                "\"into_acct_date_type\":\"D0\"", "\"occurred_at\":\"2026-11-25T08:00:00Z\"",
                "\"source\":\"NOTIFICATION\"");
        assertThat(mapper.readValue(json, WithdrawalStatusChanged.class)).isEqualTo(event);
    }

    @Test
    void rejectionAndNotificationRoundTrip() {
        var rejected = new RequestRejected("w-1", RequestRejected.RejectionReason.VALIDATION_FAILED,
                List.of(new RequestRejected.FieldError("cash_amt", "cash_amt must be at least 0.01: 0.00")),
                "{}", Instant.parse("2026-11-25T08:00:00Z"));
        var notification = new HuifuNotification("abc", HuifuNotification.KIND_WITHDRAWAL, "02",
                Map.of("req_seq_id", "W1", "huifu_id", "H1"), "{\"req_seq_id\":\"W1\"}", "c2lnbg==",
                Instant.parse("2026-11-25T08:00:00Z"));

        String rejectedJson = mapper.writeValueAsString(rejected);
        String notificationJson = mapper.writeValueAsString(notification);

        assertThat(rejectedJson).contains("\"reason_code\":\"VALIDATION_FAILED\"", "\"rejected_at\"");
        assertThat(notificationJson).contains("\"notification_id\":\"abc\"", "\"msg_type\":\"02\"", "\"resp_data\"");
        assertThat(mapper.readValue(rejectedJson, RequestRejected.class)).isEqualTo(rejected);
        assertThat(mapper.readValue(notificationJson, HuifuNotification.class)).isEqualTo(notification);
    }
}
