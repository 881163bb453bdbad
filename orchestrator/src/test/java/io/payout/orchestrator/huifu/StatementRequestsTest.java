package io.payout.orchestrator.huifu;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StatementRequestsTest {

    private static final String FILES = "[{\"huifu_id\":\"6666000000000301\",\"file_date\":\"20261127\","
            + "\"file_Name\":\"20261126_6666000000000301_outcash.zip\",\"bill_type\":\"WITHDRAWAL_BILL\","
            + "\"download_url\":\"http://127.0.0.1:1/sandbox/files/x\"}]";
    private static final String TASKS = "[{\"huifu_id\":\"6666000000000301\",\"bill_type\":\"WITHDRAWAL_BILL\","
            + "\"data_date\":\"20261126\",\"task_stat\":\"S\"}]";

    @Test
    void theQueryIsDatedInBeijingAndAsksForTheWithdrawalStatement() {
        // 17:00 UTC is already the next day in Beijing
        StatementRequests requests = new StatementRequests(Clock.fixed(Instant.parse("2026-11-26T17:00:00Z"),
                ZoneOffset.UTC));

        Map<String, Object> query = requests.fileQuery("6666000000000301", "20261127");

        assertThat(query).containsEntry("req_date", "20261127").containsEntry("file_date", "20261127")
                .containsEntry("bill_type", "WITHDRAWAL_BILL").containsEntry("huifu_id", "6666000000000301");
        assertThat((String) query.get("req_seq_id")).hasSize(32);
        assertThat(requests.replay("6666000000000301", "20261127")).containsEntry("file_type", "1");
    }

    @Test
    void listsArriveAsArraysOrAsStringsHoldingThem() {
        // what the verified data map holds for an array member, and for a string member holding the array
        for (String files : new String[] {FILES, "\"" + FILES.replace("\"", "\\\"") + "\""}) {
            StatementListing listing = StatementRequests.listing(Exchange.verified(200, Map.of("resp_code",
                    "00000000", "file_details", files, "task_details", TASKS)));

            StatementListing.Listed listed = (StatementListing.Listed) listing;
            assertThat(listed.files()).singleElement().satisfies(f -> {
                assertThat(f.fileName()).isEqualTo("20261126_6666000000000301_outcash.zip");
                assertThat(f.downloadUrl()).isEqualTo("http://127.0.0.1:1/sandbox/files/x");
            });
            assertThat(listed.tasks()).singleElement().satisfies(t -> assertThat(t.succeeded()).isTrue());
        }
    }

    @Test
    void aListingNeverPrintsTheDownloadLinksToken() {
        StatementListing.StatementFile file = new StatementListing.StatementFile("6666000000000301", "20261127",
                "x.zip", "WITHDRAWAL_BILL", "https://files.example/x.zip?expires=1&token=secret");

        assertThat(new StatementListing.Listed(List.of(file), List.of()).toString())
                .contains("https://files.example/x.zip").doesNotContain("secret");
    }

    @Test
    void anUnknownAccountIsRefusedAndEverythingElseUnknown() {
        assertThat(StatementRequests.listing(Exchange.verified(200, Map.of("resp_code", "22000002"))))
                .isInstanceOf(StatementListing.Refused.class);
        assertThat(StatementRequests.listing(Exchange.verified(200, Map.of("resp_code", "99999999"))))
                .isInstanceOf(StatementListing.Unknown.class);
        assertThat(StatementRequests.listing(Exchange.verified(200, Map.of("resp_code", "00000000",
                "file_details", "not json")))).isInstanceOf(StatementListing.Unknown.class);
        assertThat(StatementRequests.listing(Exchange.noAnswer("timeout")))
                .isInstanceOf(StatementListing.Unknown.class);
        assertThat(StatementRequests.replayed(Exchange.verified(200, Map.of("resp_code", "00000000")))).isTrue();
        assertThat(StatementRequests.replayed(Exchange.untrusted(502, "HTTP 502"))).isFalse();
    }
}
