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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each fault, switched on for one request through the control API, over real HTTP. */
class SandboxFaultsIntegrationTest {

    private static SandboxFixture fixture;
    private static SandboxControl control;
    private static Merchant merchant;
    private static NotificationReceiver receiver;

    @BeforeAll
    static void start() {
        fixture = SandboxFixture.start("66660003", Duration.ofMillis(800), Map.of());
        control = fixture.control;
        merchant = fixture.merchant;
        receiver = fixture.receiver;
    }

    @AfterEach
    void clearFaults() {
        control.clearFaults();
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void noAnswerProcessesTheWithdrawalButTheCallerTimesOut() {
        String huifuId = newAccount("500.00");
        String seq = serial();
        control.nextFault(Fault.NO_ANSWER, huifuId);

        Merchant.Reply reply = fixture.withdrawQuietly(huifuId, seq, "100.00", "D0");

        assertThat(reply.timedOut()).isTrue();
        assertThat(control.serials(huifuId)).singleElement().satisfies(s -> {
            assertThat(s.answered()).isFalse();
            assertThat(s.fault()).isEqualTo("NO_ANSWER");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> only(huifuId).isFinal());
        assertThat(only(huifuId).transStatus()).isEqualTo("S");
        assertThat(merchant.query(huifuId, today(), seq).field("trans_status")).isEqualTo("S");
        assertThat(fixture.withdrawQuietly(huifuId, seq, "100.00", "D0")
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

        fixture.withdraw(huifuId, seq, "100.00", "D0");

        fixture.awaitNotices(seq, 2);
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

        fixture.withdraw(huifuId, seq, "100.00", "D0");

        fixture.awaitNotices(seq, 2);
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

        fixture.withdraw(badSign, badSeq, "10.00", "D0");
        fixture.withdraw(dropped, dropSeq, "10.00", "D0");
        fixture.withdraw(doubled, doubleSeq, "10.00", "D0");
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

        fixture.withdrawQuietly(unlucky, serial(), "10.00", "D0");
        fixture.withdrawQuietly(lucky, serial(), "10.00", "D0");
        control.settle();

        assertThat(only(unlucky).transStatus()).isEqualTo("F");
        assertThat(only(unlucky).acctStatus()).isEqualTo("B");
        assertThat(only(lucky).transStatus()).isEqualTo("S");
    }

    @Test
    void faultsCanBeSetAsTheControlApiDocumentsThemWithRatesAsStringsOrNumbers() throws Exception {
        String unlucky = newAccount("500.00");
        String body = "{\"seed\":7,\"rates\":{\"http_5xx\":0},\"accounts\":{\"" + unlucky
                + "\":{\"payout_fail\":\"1\",\"notify_delay_ms\":5,\"http_502\":\"0.0\"}}}";
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(fixture.sandbox.baseUrl() + "/sandbox/faults"))
                        .header("Content-Type", "application/json")
                        .PUT(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(control.faults().seed()).isEqualTo(7L);
        assertThat(control.faults().accounts().get(unlucky).payoutFail()).isEqualTo(1.0);
        fixture.withdrawQuietly(unlucky, serial(), "10.00", "D0");
        control.settle();
        assertThat(only(unlucky).transStatus()).isEqualTo("F");
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
        return fixture.newAccount(balance);
    }

    private static String token(String huifuId) {
        return SandboxFixture.token(huifuId);
    }

    private static String serial() {
        return SandboxFixture.serial();
    }

    private static WithdrawalView only(String huifuId) {
        return fixture.only(huifuId);
    }
}
