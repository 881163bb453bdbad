package io.payout.sandbox;

import static io.payout.sandbox.StatementClient.csvs;
import static io.payout.sandbox.StatementClient.fileDate;
import static io.payout.sandbox.StatementClient.list;
import static io.payout.sandbox.StatementClient.onlyTask;
import static io.payout.sandbox.StatementClient.rowsBySerial;
import static io.payout.sandbox.StatementClient.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.payout.sandbox.behavior.Fault;
import io.payout.sandbox.lifecycle.SettlementClock;
import io.payout.sandbox.lifecycle.WithdrawalView;
import io.payout.sandbox.statement.ElsewhereWithdrawal;
import io.payout.sandbox.statement.RowOverride;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The withdrawal statement over real HTTP. The day's business happens first (before the settlement clock reaches
 * 10:30 of tomorrow); then the clock is moved there and each test reads its account's statement. CSVs split at 3.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class StatementIntegrationTest {

    private static SandboxFixture fixture;
    private static StatementClient statements;
    private static String story;
    private static String altered;
    private static String failing;
    private static String other;
    private static final String TOMORROW = fileDate(1);

    @BeforeAll
    static void theDaysBusiness() {
        fixture = SandboxFixture.start("66660005", Map.of(
                "sandbox.statement.rows-per-file", 3,
                "sandbox.statement.link-ttl", "3s"));
        statements = new StatementClient(fixture);
        story = fixture.newAccount("1000.00");
        altered = fixture.newAccount("1000.00");
        failing = fixture.newAccount("1000.00");
        other = fixture.newAccount("1000.00");
        for (String serial : List.of("S1", "S2", "S3", "S4")) {
            fixture.withdrawQuietly(story, serial, "100.00", "D0");
        }
        // Armed once those are paid, so that the one-shot strikes F1's payout and no other.
        awaitSettled();
        fixture.control.nextFault(Fault.PAYOUT_FAIL, story);
        fixture.withdrawQuietly(story, "F1", "20.00", "D0");
        // D1 pays at 00:00 of the next day: still processing when the clock jumps to 10:30, since a jump does not
        // hurry work already scheduled.
        fixture.withdrawQuietly(story, "P1", "30.00", "D1");
        assertThat(fixture.withdrawQuietly(story, "REFUSED", "5000.00", "D0").field("trans_stat")).isEqualTo("F");
        fixture.control.withdrawElsewhere(new ElsewhereWithdrawal(story, io.payout.model.Amount.parse("88.00"), null,
                "ELSEWHERE1", null, null));
        for (String serial : List.of("B1", "B2", "B3")) {
            fixture.withdrawQuietly(altered, serial, "10.00", "D0");
        }
        fixture.withdrawQuietly(failing, "C1", "10.00", "D0");
        fixture.withdrawQuietly(other, "O1", "10.00", "D0");
        awaitSettled();
    }

    /** Every withdrawal final, or debited and waiting for its payout day (D1). */
    private static void awaitSettled() {
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.control.withdrawals().stream()
                .allMatch(w -> w.isFinal() || "D1".equals(w.intoAcctDateType()) && "S".equals(w.acctStatus())));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    /** Moves the settlement clock to 10:30 Beijing of tomorrow: today's statement is due (idempotent). */
    private static void tomorrowAtHalfPastTen() {
        LocalDate tomorrow = LocalDate.parse(TOMORROW, DateTimeFormatter.BASIC_ISO_DATE);
        fixture.control.advanceClock(tomorrow.atTime(LocalTime.of(10, 30)).atZone(SettlementClock.BEIJING)
                .toInstant());
    }

    @Test
    @Order(1)
    void theStatementIsProcessingUntilHalfPastTenOfTheNextDayThenHasAFile() {
        Merchant.Reply before = statements.query(story, TOMORROW);
        assertThat(before.field("resp_code")).isEqualTo("00000000");
        assertThat(list(before, "file_details")).isEmpty();
        assertThat(onlyTask(before)).containsEntry("task_stat", "P").containsEntry("data_date", fileDate(0))
                .doesNotContainKeys("download_url", "file_id");

        tomorrowAtHalfPastTen();

        Merchant.Reply after = statements.query(story, TOMORROW);
        Map<String, String> file = list(after, "file_details").get(0);
        assertThat(file).containsEntry("huifu_id", story).containsEntry("file_date", TOMORROW)
                .containsEntry("bill_type", "WITHDRAWAL_BILL")
                .containsEntry("file_name", fileDate(0) + "_" + story + "_outcash.zip");
        assertThat(file.get("download_url")).startsWith(fixture.sandbox.baseUrl() + "/sandbox/files/");
        assertThat(onlyTask(after)).containsEntry("task_stat", "S").containsEntry("file_id", file.get("file_id"))
                .containsEntry("task_start_time", TOMORROW + "103000");
    }

    @Test
    @Order(2)
    void theZipHoldsExactlyTheDaysAcceptedWithdrawalsAsTheyStoodAtGeneration() {
        tomorrowAtHalfPastTen();
        byte[] zip = download(story);

        String base = fileDate(0) + "_" + story + "_outcash_";
        assertThat(csvs(zip)).containsOnlyKeys(base + "1.csv", base + "2.csv", base + "3.csv");
        assertThat(csvs(zip).values()).extracting(List::size).containsExactly(3, 3, 1);
        Map<String, Map<String, String>> rows = rowsBySerial(zip);
        assertThat(rows).containsOnlyKeys("S1", "S2", "S3", "S4", "F1", "P1", "ELSEWHERE1");
        for (WithdrawalView truth : fixture.control.withdrawals(story)) {
            Map<String, String> row = rows.get(truth.reqSeqId());
            assertThat(row).containsEntry("huifu_id", story).containsEntry("req_date", fileDate(0))
                    .containsEntry("hf_seq_id", truth.hfSeqId()).containsEntry("acct_id", truth.acctId())
                    .containsEntry("cash_amt", truth.cashAmt().toString())
                    .containsEntry("fee_amt", truth.feeAmt().toString())
                    .containsEntry("token_no", truth.tokenNo());
            assertThat(row.get("card_no")).matches("[0-9]{6}\\*+[0-9]{4}");
            assertThat(row.get("trans_time")).matches(fileDate(0) + "[0-9]{6}");
        }
        assertThat(rows.get("S1")).containsEntry("trans_status", "S").containsEntry("acct_status", "S")
                .containsEntry("into_acct_date_type", "D0").containsEntry("fee_amt", "1.05");
        assertThat(rows.get("F1")).containsEntry("trans_status", "F").containsEntry("acct_status", "B");
        assertThat(rows.get("P1")).containsEntry("trans_status", "P").containsEntry("acct_status", "S")
                .containsEntry("end_time", "");
        assertThat(rows.get("ELSEWHERE1")).containsEntry("trans_status", "S").containsEntry("cash_amt", "88.00");

        fixture.control.settle();
        assertThat(fixture.control.withdrawal(story, "P1")).get().extracting(WithdrawalView::transStatus)
                .isEqualTo("S");
        assertThat(rowsBySerial(download(story)).get("P1")).as("the file was generated at 10:30")
                .containsEntry("trans_status", "P");
        assertThat(fixture.control.ledger().conserved()).isTrue();
    }

    @Test
    @Order(3)
    void anAlteredRowShowsTheOverrideWhileTheLedgerKeepsTheTruth() {
        tomorrowAtHalfPastTen();
        fixture.control.alterStatementRow(altered, "B1", RowOverride.cashAmt("99.99"));
        fixture.control.alterStatementRow(altered, "B2", RowOverride.transStatus("F"));
        fixture.control.alterStatementRow(altered, "B2", RowOverride.feeAmt("0.00"));
        fixture.control.alterStatementRow(altered, "B3", RowOverride.omitted());

        Map<String, Map<String, String>> rows = rowsBySerial(download(altered));

        assertThat(rows).containsOnlyKeys("B1", "B2");
        assertThat(rows.get("B1")).containsEntry("cash_amt", "99.99").containsEntry("trans_status", "S");
        assertThat(rows.get("B2")).containsEntry("trans_status", "F").containsEntry("fee_amt", "0.00")
                .containsEntry("cash_amt", "10.00");
        WithdrawalView b1 = fixture.control.withdrawal(altered, "B1").orElseThrow();
        assertThat(b1.cashAmt().toString()).isEqualTo("10.00");
        assertThat(fixture.merchant.query(altered, fileDate(0), "B2").field("trans_status")).isEqualTo("S");
    }

    @Test
    @Order(4)
    void aFailedTaskShowsFUntilReplayed() {
        tomorrowAtHalfPastTen();
        fixture.control.failStatementTask(failing, TOMORROW);

        Merchant.Reply failed = statements.query(failing, TOMORROW);
        assertThat(onlyTask(failed)).containsEntry("task_stat", "F").doesNotContainKey("download_url");
        assertThat(list(failed, "file_details")).isEmpty();

        assertThat(statements.replay(failing).field("resp_code")).isEqualTo("00000000");

        Merchant.Reply replayed = statements.query(failing, TOMORROW);
        assertThat(onlyTask(replayed)).containsEntry("task_stat", "S");
        assertThat(rowsBySerial(statements.get(url(replayed)).body()).get("C1")).containsEntry("trans_status", "S");
    }

    @Test
    @Order(5)
    void aWithdrawalMadeElsewhereOnAPastDayIsInTheLedgerAndOnThatDaysStatement() {
        tomorrowAtHalfPastTen();
        String huifuId = fixture.newAccount("500.00");
        WithdrawalView made = fixture.control.withdrawElsewhere(ElsewhereWithdrawal.of(huifuId, "200.00",
                fileDate(-1)));

        assertThat(made.transStatus()).isEqualTo("S");
        assertThat(fixture.control.account(huifuId).paidOut().toString()).isEqualTo("198.90");
        assertThat(fixture.control.ledger().conserved()).isTrue();
        Merchant.Reply reply = statements.query(huifuId, fileDate(0));
        assertThat(rowsBySerial(statements.get(url(reply)).body()).get(made.reqSeqId()))
                .containsEntry("req_date", fileDate(-1)).containsEntry("cash_amt", "200.00")
                .containsEntry("trans_status", "S");
    }

    @Test
    @Order(6)
    void noRecordsIsSuccessWithoutAFileAndOtherBillsAreEmpty() {
        tomorrowAtHalfPastTen();
        String empty = fixture.newAccount("1.00");
        Merchant.Reply none = statements.query(empty, TOMORROW);
        assertThat(onlyTask(none)).containsEntry("task_stat", "S").doesNotContainKey("file_id");
        assertThat(list(none, "file_details")).isEmpty();

        Merchant.Reply legacy = statements.query(Map.of("huifu_id", other, "file_date", TOMORROW,
                "file_type_query", "1"));
        assertThat(rowsBySerial(statements.get(url(legacy)).body())).containsOnlyKeys("O1");
        Merchant.Reply trades = statements.query(Map.of("huifu_id", other, "file_date", TOMORROW,
                "bill_type", "TRADE_BILL"));
        assertThat(list(trades, "task_details")).isEmpty();
        assertThat(statements.query(Map.of("huifu_id", other, "file_date", TOMORROW, "bill_type", "NOPE"))
                .field("resp_code")).isEqualTo("10000000");
        assertThat(statements.query(Map.of("huifu_id", other, "file_date", "2026-1-1")).field("resp_desc"))
                .isEqualTo("file_date格式错误(yyyyMMdd)");
    }

    @Test
    @Order(7)
    void aWrongOrExpiredTokenIsRefused() {
        tomorrowAtHalfPastTen();
        String url = url(statements.query(other, TOMORROW));
        String withoutToken = url.substring(0, url.indexOf("&token="));

        assertThat(statements.get(withoutToken).status()).isEqualTo(403);
        assertThat(statements.get(withoutToken + "&token=" + "0".repeat(64)).status()).isEqualTo(403);
        long later = Instant.now().plus(Duration.ofDays(1)).getEpochSecond();
        assertThat(statements.get(url.replaceFirst("expires=[0-9]+", "expires=" + later)).status()).isEqualTo(403);
        assertThat(statements.get(url).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(15)).until(() -> statements.get(url).status() == 403);
    }

    @Test
    @Order(8)
    void aFileIdThatLooksLikeAPathIsRefused() {
        for (String id : List.of("..%2F..%2Fetc%2Fpasswd", "..", "outcash-20260101-..%2F..%2Fx",
                "%2e%2e%2fjournal.jsonl", "outcash-99999999-" + other)) {
            int status = statements.getPath("/sandbox/files/" + id + "?expires=9999999999&token=x").status();
            assertThat(status).as(id).isIn(400, 403, 404);
        }
    }

    private static byte[] download(String huifuId) {
        StatementClient.Download download = statements.get(url(statements.query(huifuId, TOMORROW)));
        assertThat(download.status()).isEqualTo(200);
        return download.body();
    }
}
