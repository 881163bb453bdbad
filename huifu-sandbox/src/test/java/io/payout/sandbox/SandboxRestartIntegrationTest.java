package io.payout.sandbox;

import static io.payout.sandbox.Merchant.today;
import static io.payout.sandbox.Merchant.withdrawal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.payout.model.Amount;
import io.payout.sandbox.behavior.Fault;
import io.payout.sandbox.ledger.AccountSpec;
import io.payout.sandbox.ledger.AccountView;
import io.payout.sandbox.ledger.CardSpec;
import io.payout.sandbox.ledger.LedgerView;
import io.payout.sandbox.lifecycle.WithdrawalView;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * With {@code sandbox.state-dir}, a sandbox stopped abruptly (its context closed mid-lifecycle, nothing drained) comes
 * back on the same folder with every account, balance and withdrawal, answers queries as before, and finishes the
 * withdrawals that were under way on its own clocks, with the money balancing.
 */
class SandboxRestartIntegrationTest {

    private static final String A = "6666000700000001";
    private static final String B = "6666000700000002";
    private static final AccountSpec SPEC_A = AccountSpec.standard(A, "1000.00", "TA").withTodayCredits("200.00");
    private static final AccountSpec SPEC_B = AccountSpec.standard(B, "500.00", "TB");

    @TempDir
    Path stateDir;

    private SandboxServer sandbox;
    private NotificationReceiver receiver;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.close();
        }
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void keepsLedgerAndWithdrawalsAcrossAnAbruptStopAndFinishesThoseUnderWay() {
        // 1. Accounting takes 3 s, so the last withdrawals are still accepted, not debited, when the sandbox stops.
        restart("3s", 1);
        receiver = new NotificationReceiver(sandbox.huifuPublicKey());
        SandboxControl control = sandbox.control();
        control.createAccount(SPEC_A);
        control.createAccount(SPEC_B);
        control.credit(B, Amount.parse("50.00"), false);
        control.addCard(A, CardSpec.of("TA2"));
        String paid = accepted(A, "100.00", "D0", "TA");
        control.nextFault(Fault.PAYOUT_FAIL, B);
        String bookedBack = accepted(B, "50.00", "D0", "TB");
        String t1 = accepted(A, "120.00", "T1", "TA2");
        String d1 = accepted(B, "80.00", "D1", "TB");
        await().atMost(Duration.ofSeconds(30)).until(() -> resultAcked(A, paid) && resultAcked(B, bookedBack)
                && debited(A, t1) && debited(B, d1));
        control.misreportFee(A, paid, Amount.parse("2.00"));
        String d0 = accepted(A, "30.00", "D0", "TA");
        String dm = accepted(B, "20.00", "DM", "TB");
        String refused = serial();
        assertThat(withdraw(B, refused, "100000.00", "D0", "TB").field("trans_stat")).isEqualTo("F");
        String unknownCard = serial();
        assertThat(withdraw(A, unknownCard, "1.00", "D0", "NOPE").field("resp_code")).isEqualTo("22000005");
        Snapshot before = snapshot();
        assertThat(before.withdrawals()).filteredOn(w -> !w.isFinal()).as("under way at the stop").hasSize(4);
        sandbox.close();

        // 2. Slow clocks, so nothing moves on its own: the state is exactly as it was.
        restart("1h", 1);
        control = sandbox.control();
        Snapshot after = snapshot();
        assertThat(after.a()).isEqualTo(before.a());
        assertThat(after.b()).isEqualTo(before.b());
        assertThat(after.ledger()).isEqualTo(before.ledger());
        assertThat(after.withdrawals()).extracting(SandboxRestartIntegrationTest::stateOf)
                .containsExactlyElementsOf(before.withdrawals().stream().map(SandboxRestartIntegrationTest::stateOf)
                        .toList());
        for (WithdrawalView w : before.withdrawals()) {
            assertThat(queryBySerial(w.huifuId(), w.reqSeqId()).field("trans_status")).isEqualTo(w.transStatus());
            assertThat(queryByHfSeqId(w.huifuId(), w.hfSeqId()).field("org_req_seq_id")).isEqualTo(w.reqSeqId());
        }
        assertThat(queryBySerial(A, paid).field("fee_amt")).as("misreported fee kept").isEqualTo("2.00");
        assertThat(queryBySerial(B, refused).field("trans_status")).isEqualTo("F");
        assertThat(withdraw(A, unknownCard, "1.00", "D0", "TA").field("resp_code")).as("serial kept")
                .isEqualTo("20000000");
        assertThat(withdraw(A, paid, "1.00", "D0", "TA").field("resp_code")).isEqualTo("20000000");
        assertThat(control.createAccount(SPEC_A)).as("the launcher's repeat creation").isEqualTo(before.a());
        String later = accepted(A, "10.00", "D0", "TA");
        assertThat(control.withdrawal(A, later).orElseThrow().hfSeqId())
                .isNotIn(before.withdrawals().stream().map(WithdrawalView::hfSeqId).toList());
        sandbox.close();

        // 3. Quick clocks (a settlement day in 0.1 s): what was under way finishes without settle.
        restart("30ms", 864_000);
        SandboxControl finished = sandbox.control();
        await().atMost(Duration.ofSeconds(30)).until(() -> finished.status().idle()
                && finished.withdrawals().stream().allMatch(WithdrawalView::isFinal));
        Map<String, String> outcomes = new HashMap<>();
        finished.withdrawals().forEach(w -> outcomes.put(w.reqSeqId(), w.transStatus() + w.acctStatus()));
        assertThat(outcomes).containsEntry(paid, "SS").containsEntry(bookedBack, "FB").containsEntry(t1, "SS")
                .containsEntry(d1, "SS").containsEntry(d0, "SS").containsEntry(dm, "SS").containsEntry(later, "SS");
        for (String serial : List.of(paid, bookedBack, t1, d1, d0, dm, later)) {
            List<String> results = receiver.receivedFor(serial).stream()
                    .filter(NotificationReceiver.Received::verified)
                    .filter(n -> "01".equals(n.field("msg_type")))
                    .map(n -> n.field("trans_status")).distinct().toList();
            assertThat(results).as("01 of " + serial + ": delivered, one outcome").hasSize(1);
        }
        assertThat(receiver.receivedFor(paid)).as("acknowledged before the stop: not sent again").hasSize(2);
        assertBalances(finished);
    }

    @Test
    void creatingTheSameAccountAgainIsHarmlessAndAnotherSpecIsRefused() throws Exception {
        restart("30ms", 1);
        String body = "{\"huifu_id\":\"6666000700000009\",\"balance\":\"300.00\","
                + "\"cards\":[{\"token_no\":\"T9\",\"card_no\":\"6222020200112233\"}],"
                + "\"cash_config\":[{\"cash_type\":\"D0\",\"fix_amt\":\"1.00\",\"fee_rate\":\"0.05\"}]}";

        int first = post(body);
        int repeat = post(body);
        int other = post(body.replace("300.00", "400.00"));

        assertThat(first).isEqualTo(201);
        assertThat(repeat).isEqualTo(200);
        assertThat(other).isEqualTo(409);
        assertThat(sandbox.control().account("6666000700000009").balance()).isEqualTo(Amount.parse("300.00"));
        assertThat(sandbox.control().ledger().moneyIn()).isEqualTo(Amount.parse("300.00"));
    }

    /** After everything finished: what each account was funded with is in its balance, paid out, or fees. */
    private static void assertBalances(SandboxControl control) {
        LedgerView ledger = control.ledger();
        assertThat(ledger.conserved()).isTrue();
        assertThat(ledger.inTransit()).isEqualTo(Amount.ZERO);
        assertThat(ledger.held()).isEqualTo(Amount.ZERO);
        assertThat(ledger.moneyIn()).isEqualTo(Amount.parse("1750.00"));
        assertThat(funds(control.account(A))).isEqualTo(Amount.parse("1200.00"));
        assertThat(funds(control.account(B))).isEqualTo(Amount.parse("550.00"));
        // B: 550.00 funded; 50.00 booked back with its fee; D1 80.00 (fee 1.04) and DM 20.00 (fee 1.01) paid.
        assertThat(control.account(B).balance()).isEqualTo(Amount.parse("450.00"));
        assertThat(control.account(B).paidOut()).isEqualTo(Amount.parse("97.95"));
        assertThat(control.account(B).fees()).isEqualTo(Amount.parse("2.05"));
    }

    private static Amount funds(AccountView account) {
        return account.balance().plus(account.todayCredits()).plus(account.paidOut()).plus(account.fees());
    }

    private record Snapshot(AccountView a, AccountView b, LedgerView ledger, List<WithdrawalView> withdrawals) {
    }

    private Snapshot snapshot() {
        SandboxControl control = sandbox.control();
        return new Snapshot(control.account(A), control.account(B), control.ledger(), control.withdrawals());
    }

    /** A withdrawal's state without its delivery attempts, which the journal does not keep. */
    private static String stateOf(WithdrawalView w) {
        return String.join("|", w.huifuId(), w.reqDate(), w.reqSeqId(), w.hfSeqId(), w.acctId(), w.tokenNo(),
                w.cashAmt().toString(), w.feeAmt().toString(), w.toCard().toString(), w.intoAcctDateType(),
                w.transStatus(), w.acctStatus(), w.channelStatus(), w.subRespCode(), String.valueOf(w.isFinal()),
                String.valueOf(w.acceptedAt()), String.valueOf(w.finishedAt()));
    }

    private void restart(String accountingDelay, double timeCompression) {
        sandbox = SandboxServer.start(Map.of(
                "sandbox.merchant-public-key", Merchant.merchantPublicKey(),
                "sandbox.huifu-private-key", SandboxFixture.HUIFU_PRIVATE_KEY,
                "sandbox.state-dir", stateDir.toString(),
                "sandbox.accounting-delay", accountingDelay,
                "sandbox.payout-delay", "30ms",
                "sandbox.notify.retry-interval", "20ms",
                "sandbox.time-compression", timeCompression));
    }

    private String accepted(String huifuId, String cashAmt, String type, String token) {
        String serial = serial();
        Merchant.Reply reply = withdraw(huifuId, serial, cashAmt, type, token);
        assertThat(reply.field("resp_code")).as(reply.body()).isEqualTo("00000000");
        return serial;
    }

    private Merchant.Reply withdraw(String huifuId, String serial, String cashAmt, String type, String token) {
        return merchant().encash(withdrawal(huifuId, serial, cashAmt, type, token, receiver.url()));
    }

    private Merchant.Reply queryBySerial(String huifuId, String serial) {
        return merchant().query(huifuId, today(), serial);
    }

    private Merchant.Reply queryByHfSeqId(String huifuId, String hfSeqId) {
        return merchant().post(Merchant.QUERY, Map.of("huifu_id", huifuId, "org_req_date", today(),
                "org_hf_seq_id", hfSeqId));
    }

    private Merchant merchant() {
        return new Merchant(sandbox, Duration.ofSeconds(15));
    }

    private boolean resultAcked(String huifuId, String serial) {
        return sandbox.control().withdrawal(huifuId, serial).orElseThrow().notifications("01").stream()
                .anyMatch(attempt -> attempt.acked());
    }

    private boolean debited(String huifuId, String serial) {
        return "S".equals(sandbox.control().withdrawal(huifuId, serial).orElseThrow().acctStatus());
    }

    private int post(String json) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(sandbox.baseUrl() + "/sandbox/accounts")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    private static String serial() {
        return SandboxFixture.serial();
    }
}
