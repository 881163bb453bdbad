package io.payout.sandbox;

import static io.payout.sandbox.StatementClient.fileDate;
import static io.payout.sandbox.StatementClient.onlyTask;
import static io.payout.sandbox.StatementClient.rowsBySerial;
import static io.payout.sandbox.StatementClient.url;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.payout.sandbox.lifecycle.SettlementClock;
import io.payout.sandbox.lifecycle.WithdrawalView;
import io.payout.sandbox.statement.ElsewhereWithdrawal;
import io.payout.sandbox.statement.RowOverride;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code sandbox.state-dir}, what the statement switches changed survives a restart: a withdrawal made
 * elsewhere (it is a withdrawal, journaled as one), an altered row and a failed task. The settlement clock starts
 * again from real time, so the test moves it to 10:30 of tomorrow after the restart.
 */
class StatementRestartIntegrationTest {

    @TempDir
    Path stateDir;

    @Test
    void madeElsewhereAlteredAndFailedSurviveARestart() {
        String huifuId;
        WithdrawalView elsewhere;
        try (SandboxFixture first = start()) {
            huifuId = first.newAccount("1000.00");
            first.withdrawQuietly(huifuId, "R1", "100.00", "D0");
            await().atMost(Duration.ofSeconds(30)).until(() -> first.only(huifuId).isFinal());
            elsewhere = first.control.withdrawElsewhere(ElsewhereWithdrawal.of(huifuId, "50.00", null));
            first.control.alterStatementRow(huifuId, "R1", RowOverride.feeAmt("9.99"));
            first.control.failStatementTask(huifuId, fileDate(1));
        }

        try (SandboxFixture second = start()) {
            StatementClient statements = new StatementClient(second);
            second.control.advanceClock(LocalDate.parse(fileDate(1), DateTimeFormatter.BASIC_ISO_DATE)
                    .atTime(LocalTime.of(10, 30)).atZone(SettlementClock.BEIJING).toInstant());

            assertThat(second.control.withdrawal(huifuId, elsewhere.reqSeqId())).get()
                    .extracting(WithdrawalView::hfSeqId).isEqualTo(elsewhere.hfSeqId());
            assertThat(second.control.ledger().conserved()).isTrue();
            assertThat(onlyTask(statements.query(huifuId, fileDate(1)))).containsEntry("task_stat", "F");

            statements.replay(huifuId);
            Map<String, Map<String, String>> rows = rowsBySerial(
                    statements.get(url(statements.query(huifuId, fileDate(1)))).body());
            assertThat(rows).containsOnlyKeys("R1", elsewhere.reqSeqId());
            assertThat(rows.get("R1")).containsEntry("fee_amt", "9.99").containsEntry("trans_status", "S");
            assertThat(rows.get(elsewhere.reqSeqId())).containsEntry("cash_amt", "50.00")
                    .containsEntry("trans_status", "S");
        }
    }

    private SandboxFixture start() {
        return SandboxFixture.start("66660006", Map.of("sandbox.state-dir", stateDir.toString()));
    }
}
