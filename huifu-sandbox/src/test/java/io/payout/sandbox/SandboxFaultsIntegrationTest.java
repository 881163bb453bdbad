package io.payout.sandbox;

import static io.payout.sandbox.Merchant.today;
import static io.payout.sandbox.Merchant.withdrawal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.payout.model.Amount;
import io.payout.sandbox.behavior.Fault;
import io.payout.sandbox.behavior.FaultRates;
import io.payout.sandbox.behavior.FaultSettings;
import io.payout.sandbox.ledger.AccountSpec;
import io.payout.sandbox.lifecycle.WithdrawalView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each fault, switched on for one request through the control API, over real HTTP. */
class SandboxFaultsIntegrationTest {

    private static final AtomicInteger IDS = new AtomicInteger();
    private static SandboxServer sandbox;
    private static SandboxControl control;
    private static Merchant merchant;
    private static NotificationReceiver receiver;

    @BeforeAll
    static void start() {
        sandbox = SandboxServer.start(Map.of(
                "sandbox.merchant-public-key", Merchant.merchantPublicKey(),
                "sandbox.accounting-delay", "30ms",
                "sandbox.payout-delay", "30ms",
                "sandbox.notify.retry-interval", "20ms"));
        control = sandbox.control();
        merchant = new Merchant(sandbox, Duration.ofMillis(800));
        receiver = new NotificationReceiver(sandbox.huifuPublicKey());
    }

    @AfterEach
    void clearFaults() {
        control.clearFaults();
    }

    @AfterAll
    static void stop() {
        receiver.close();
        sandbox.close();
    }

    @Test
    void noAnswerProcessesTheWithdrawalButTheCallerTimesOut() {
        String huifuId = newAccount("500.00");
        String seq = serial();
        control.nextFault(Fault.NO_ANSWER, huifuId);

        Merchant.Reply reply = merchant.encash(withdrawal(huifuId, seq, "100.00", "D0", token(huifuId), null));

        assertThat(reply.timedOut()).isTrue();
        assertThat(control.serials(huifuId)).singleElement().satisfies(s -> {
            assertThat(s.answered()).isFalse();
            assertThat(s.fault()).isEqualTo("NO_ANSWER");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> only(huifuId).isFinal());
        assertThat(only(huifuId).transStatus()).isEqualTo("S");
        assertThat(merchant.query(huifuId, today(), seq).field("trans_status")).isEqualTo("S");
        assertThat(merchant.encash(withdrawal(huifuId, seq, "100.00", "D0", token(huifuId), null))
                .field("resp_code")).as("resubmitting the same serial").isEqualTo("20000000");
    }

    @Test
    void gatewayFaultsRefuseWithoutProcessing() {
        String huifuId = newAccount("500.00");
        String seq = serial();
        Map<String, String> request = withdrawal(huifuId, seq, "100.00", "D0", token(huifuId), null);

        control.nextFault(Fault.HTTP_502, huifuId);
        assertThat(merchant.encash(request).status()).isEqualTo(502);
        control.nextFault(Fault.HTTP_5XX, huifuId);
        assertThat(merchant.encash(request).status()).isEqualTo(500);
        control.nextFault(Fault.RATE_LIMIT, huifuId);
        assertThat(merchant.encash(request).status()).isIn(911, 914);
        assertThat(control.withdrawals(huifuId)).isEmpty();

        assertThat(merchant.encash(request).field("trans_stat")).as("the serial was never taken").isEqualTo("P");
        assertThat(control.serials(huifuId)).extracting(s -> s.httpStatus()).hasSize(4).endsWith(200);
    }

    @Test
    void payoutFailureBooksTheMoneyBack() {
        String huifuId = newAccount("500.00");
        String seq = serial();
        control.nextFault(Fault.PAYOUT_FAIL, huifuId);

        merchant.encash(withdrawal(huifuId, seq, "100.00", "D0", token(huifuId), receiver.url()));

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.receivedFor(seq).size() == 2);
        NotificationReceiver.Received result = receiver.receivedFor(seq).get(1);
        assertThat(result.field("msg_type")).isEqualTo("01");
        assertThat(result.field("trans_status")).isEqualTo("F");
        assertThat(result.field("acct_status")).isEqualTo("B");
        assertThat(result.field("sub_resp_code")).isNotEqualTo("00000000");
        assertThat(control.account(huifuId).balance()).isEqualTo(Amount.parse("500.00"));
        assertThat(control.account(huifuId).fees()).isEqualTo(Amount.ZERO);
        assertThat(merchant.query(huifuId, today(), seq).field("trans_status")).isEqualTo("F");
        assertThat(control.ledger().conserved()).isTrue();
    }

    @Test
    void reorderFaultDeliversTheResultBeforeTheAccountingNotice() {
        String huifuId = newAccount("500.00");
        String seq = serial();
        control.nextFault(Fault.NOTIFY_REORDER, huifuId);

        merchant.encash(withdrawal(huifuId, seq, "100.00", "D0", token(huifuId), receiver.url()));

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.receivedFor(seq).size() == 2);
        assertThat(receiver.receivedFor(seq)).extracting(n -> n.field("msg_type")).containsExactly("01", "02");
    }

    @Test
    void badSignatureDropAndDuplicateFaultsShapeTheNotices() {
        String badSign = newAccount("500.00");
        String dropped = newAccount("500.00");
        String doubled = newAccount("500.00");
        control.nextFault(Fault.BAD_NOTIFY_SIGN, badSign);
        control.nextFault(Fault.NOTIFY_DROP, dropped);
        control.nextFault(Fault.NOTIFY_DUPLICATE, doubled);
        String badSeq = serial();
        String dropSeq = serial();
        String doubleSeq = serial();

        merchant.encash(withdrawal(badSign, badSeq, "10.00", "D0", token(badSign), receiver.url()));
        merchant.encash(withdrawal(dropped, dropSeq, "10.00", "D0", token(dropped), receiver.url()));
        merchant.encash(withdrawal(doubled, doubleSeq, "10.00", "D0", token(doubled), receiver.url()));
        await().atMost(Duration.ofSeconds(10)).until(() -> control.status().idle());

        // The wrongly signed 02 fails verification, so the receiver cannot acknowledge it: 4 attempts.
        assertThat(receiver.receivedFor(badSeq)).filteredOn(n -> !n.verified()).hasSize(4);
        assertThat(receiver.receivedFor(badSeq)).filteredOn(NotificationReceiver.Received::verified)
                .extracting(n -> n.field("msg_type")).containsExactly("01");
        assertThat(receiver.receivedFor(dropSeq)).extracting(n -> n.field("msg_type")).containsExactly("01");
        assertThat(only(dropped).notifications("02")).extracting(a -> a.outcome()).containsExactly("dropped");
        assertThat(receiver.receivedFor(doubleSeq)).extracting(n -> n.field("msg_type"))
                .containsExactly("02", "02", "01");
    }

    @Test
    void perAccountRatesHitOnlyThatAccount() {
        String unlucky = newAccount("500.00");
        String lucky = newAccount("500.00");
        control.setFaults(new FaultSettings(1L, FaultRates.NONE,
                Map.of(unlucky, FaultRates.NONE.withPayoutFail(1.0))));

        merchant.encash(withdrawal(unlucky, serial(), "10.00", "D0", token(unlucky), null));
        merchant.encash(withdrawal(lucky, serial(), "10.00", "D0", token(lucky), null));
        control.settle();

        assertThat(only(unlucky).transStatus()).isEqualTo("F");
        assertThat(only(unlucky).acctStatus()).isEqualTo("B");
        assertThat(only(lucky).transStatus()).isEqualTo("S");
    }

    @Test
    void controlApiRefusesWithItsReason() {
        String huifuId = newAccount("1.00");

        SandboxControl.ControlException exists = org.junit.jupiter.api.Assertions.assertThrows(
                SandboxControl.ControlException.class,
                () -> control.createAccount(AccountSpec.standard(huifuId, "1.00", token(huifuId))));
        SandboxControl.ControlException missing = org.junit.jupiter.api.Assertions.assertThrows(
                SandboxControl.ControlException.class, () -> control.account("6666000000000000"));

        assertThat(exists.status()).isEqualTo(409);
        assertThat(exists.getMessage()).contains("account exists");
        assertThat(missing.status()).isEqualTo(404);
    }

    private static String newAccount(String balance) {
        String huifuId = "66660003" + String.format("%08d", IDS.incrementAndGet());
        control.createAccount(AccountSpec.standard(huifuId, balance, token(huifuId)));
        return huifuId;
    }

    private static String token(String huifuId) {
        return "T" + huifuId.substring(8);
    }

    private static String serial() {
        return "F" + System.nanoTime();
    }

    private static WithdrawalView only(String huifuId) {
        return control.withdrawals(huifuId).get(0);
    }
}
