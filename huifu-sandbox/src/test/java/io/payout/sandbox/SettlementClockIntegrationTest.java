package io.payout.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.payout.model.Amount;
import io.payout.sandbox.ledger.AccountView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** With a compressed settlement clock, T1 and D1 finish on their own at the next (working) day. */
class SettlementClockIntegrationTest {

    private static SandboxFixture fixture;

    @BeforeAll
    static void start() {
        // One settlement day passes in 100 ms of real time; a T1 over a long holiday weekend still ends in a second.
        fixture = SandboxFixture.start("66660004",
                Map.of("sandbox.time-compression", 864_000));
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void t1AndD1CompleteOnTheCompressedClockWithoutSettling() {
        String huifuId = fixture.newAccount("500.00");
        String t1 = SandboxFixture.serial();
        String d1 = SandboxFixture.serial();

        fixture.withdraw(huifuId, t1, "100.00", "T1");
        fixture.withdraw(huifuId, d1, "100.00", "D1");

        List<NotificationReceiver.Received> t1Notices = fixture.awaitNotices(t1, 2);
        List<NotificationReceiver.Received> d1Notices = fixture.awaitNotices(d1, 2);
        assertThat(t1Notices).extracting(n -> n.field("msg_type") + n.field("trans_status"))
                .containsExactly("02P", "01S");
        assertThat(d1Notices).extracting(n -> n.field("msg_type") + n.field("trans_status"))
                .containsExactly("02P", "01S");
        String hfSeqId = t1Notices.get(1).field("hf_seq_id");
        Merchant.Reply byHfSeqId = fixture.merchant.post(Merchant.QUERY, Map.of("huifu_id", huifuId,
                "org_req_date", Merchant.today(), "org_hf_seq_id", hfSeqId));
        assertThat(byHfSeqId.field("org_req_seq_id")).isEqualTo(t1);
        assertThat(byHfSeqId.field("trans_status")).isEqualTo("S");
        assertThat(fixture.control.ledger().conserved()).isTrue();
    }

    @Test
    void todaysCreditsAreSettledOnceTheSettlementDayMovesOnSoDmsQuotaGrows() {
        String huifuId = fixture.newAccount("100.00", "0.00");
        fixture.control.credit(huifuId, Amount.parse("300.00"), true);
        // a day passes every 100 ms here; the jump makes it certain
        fixture.control.advanceClock(fixture.control.clock().settlementNow().plus(Duration.ofDays(1)));

        AccountView account = fixture.control.account(huifuId);
        assertThat(account.todayCredits()).isEqualTo(Amount.ZERO);
        assertThat(account.dmQuota()).isEqualTo(Amount.parse("400.00"));
        assertThat(fixture.control.ledger().conserved()).isTrue();
    }
}
