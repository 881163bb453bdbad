package io.payout.sandbox;

import static io.payout.sandbox.Merchant.today;
import static io.payout.sandbox.Merchant.withdrawal;
import static io.payout.sandbox.SandboxFixture.serial;
import static io.payout.sandbox.SandboxFixture.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.payout.model.Amount;
import io.payout.sandbox.behavior.Fault;
import io.payout.sandbox.behavior.FaultRates;
import io.payout.sandbox.behavior.FaultSettings;
import io.payout.sandbox.ledger.AccountSpec;
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
        // Few request threads, so a withheld reply that held one would soon starve the sandbox.
        fixture = SandboxFixture.start("66660003", Map.of("server.tomcat.threads.max", 4));
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
        String huifuId = fixture.newAccount("500.00");
        String seq = serial();
        control.nextFault(Fault.NO_ANSWER, huifuId);

        Merchant.Reply reply = fixture.impatientMerchant(Duration.ofSeconds(1)).encash(
                withdrawal(huifuId, seq, "100.00", "D0", token(huifuId), null));

        assertThat(reply.timedOut()).isTrue();
        assertThat(control.serials(huifuId)).singleElement().satisfies(s -> {
            assertThat(s.answered()).isFalse();
            assertThat(s.fault()).isEqualTo("NO_ANSWER");
        });
        await().atMost(Duration.ofSeconds(30)).until(() -> fixture.only(huifuId).isFinal());
        assertThat(fixture.only(huifuId).transStatus()).isEqualTo("S");
        assertThat(merchant.query(huifuId, today(), seq).field("trans_status")).isEqualTo("S");
        assertThat(fixture.withdrawQuietly(huifuId, seq, "100.00", "D0")
                .field("resp_code")).as("resubmitting the same serial").isEqualTo("20000000");
    }

    @Test
    void withheldRepliesHoldNoRequestThread() {
        String huifuId = fixture.newAccount("500.00");
        java.util.concurrent.ExecutorService callers = java.util.concurrent.Executors.newFixedThreadPool(8);
        Merchant impatient = fixture.impatientMerchant(Duration.ofSeconds(2));
        List<java.util.concurrent.CompletableFuture<Merchant.Reply>> unanswered = new java.util.ArrayList<>();
        for (int i = 0; i < 8; i++) {
            control.nextFault(Fault.NO_ANSWER, huifuId);
        }
        for (int i = 0; i < 8; i++) {
            String seq = serial();
            unanswered.add(java.util.concurrent.CompletableFuture.supplyAsync(
                    () -> impatient.encash(withdrawal(huifuId, seq, "1.50", "D0", token(huifuId), null)), callers));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> control.serials(huifuId).size() == 8);

        Merchant.Reply answered = fixture.withdrawQuietly(huifuId, serial(), "1.50", "D0");

        assertThat(answered.field("trans_stat")).as("8 withheld replies, 4 threads, still answering").isEqualTo("P");
        assertThat(unanswered).allSatisfy(reply -> assertThat(reply.join().timedOut()).isTrue());
        callers.shutdown();
    }

    @Test
    void gatewayFaultsRefuseWithoutProcessing() {
        String huifuId = fixture.newAccount("500.00");
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
        String huifuId = fixture.newAccount("500.00");
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
        String huifuId = fixture.newAccount("500.00");
        String seq = serial();
        control.nextFault(Fault.NOTIFY_REORDER, huifuId);

        fixture.withdraw(huifuId, seq, "100.00", "D0");

        fixture.awaitNotices(seq, 2);
        assertThat(receiver.receivedFor(seq)).extracting(n -> n.field("msg_type")).containsExactly("01", "02");
    }

    @Test
    void badSignatureDropAndDuplicateFaultsShapeTheNotices() {
        String badSign = fixture.newAccount("500.00");
        String dropped = fixture.newAccount("500.00");
        String doubled = fixture.newAccount("500.00");
        control.nextFault(Fault.BAD_NOTIFY_SIGN, badSign);
        control.nextFault(Fault.NOTIFY_DROP, dropped);
        control.nextFault(Fault.NOTIFY_DUPLICATE, doubled);
        String badSeq = serial();
        String dropSeq = serial();
        String doubleSeq = serial();

        fixture.withdraw(badSign, badSeq, "10.00", "D0");
        fixture.withdraw(dropped, dropSeq, "10.00", "D0");
        fixture.withdraw(doubled, doubleSeq, "10.00", "D0");
        await().atMost(Duration.ofSeconds(30)).until(() -> control.status().idle());

        // The wrongly signed 02 fails verification, so the receiver cannot acknowledge it: 4 attempts.
        assertThat(receiver.receivedFor(badSeq)).filteredOn(n -> !n.verified()).hasSize(4);
        assertThat(receiver.receivedFor(badSeq)).filteredOn(NotificationReceiver.Received::verified)
                .extracting(n -> n.field("msg_type")).containsExactly("01");
        assertThat(receiver.receivedFor(dropSeq)).extracting(n -> n.field("msg_type")).containsExactly("01");
        assertThat(fixture.only(dropped).notifications("02")).extracting(a -> a.outcome()).containsExactly("dropped");
        assertThat(receiver.receivedFor(doubleSeq)).extracting(n -> n.field("msg_type"))
                .containsExactly("02", "02", "01");
    }

    @Test
    void perAccountRatesHitOnlyThatAccount() {
        String unlucky = fixture.newAccount("500.00");
        String lucky = fixture.newAccount("500.00");
        control.setFaults(new FaultSettings(1L, FaultRates.NONE,
                Map.of(unlucky, FaultRates.NONE.withPayoutFail(1.0))));

        fixture.withdrawQuietly(unlucky, serial(), "10.00", "D0");
        fixture.withdrawQuietly(lucky, serial(), "10.00", "D0");
        control.settle();

        assertThat(fixture.only(unlucky).transStatus()).isEqualTo("F");
        assertThat(fixture.only(unlucky).acctStatus()).isEqualTo("B");
        assertThat(fixture.only(lucky).transStatus()).isEqualTo("S");
    }

    @Test
    void faultsCanBeSetAsTheControlApiDocumentsThemWithRatesAsStringsOrNumbers() throws Exception {
        String unlucky = fixture.newAccount("500.00");
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
        assertThat(fixture.only(unlucky).transStatus()).isEqualTo("F");
    }

    @Test
    void controlApiRefusesWithItsReason() {
        String huifuId = fixture.newAccount("1.00");

        SandboxControl.ControlException exists = org.junit.jupiter.api.Assertions.assertThrows(
                SandboxControl.ControlException.class,
                () -> control.createAccount(AccountSpec.standard(huifuId, "2.00", token(huifuId))));
        SandboxControl.ControlException missing = org.junit.jupiter.api.Assertions.assertThrows(
                SandboxControl.ControlException.class, () -> control.account("6666000000000000"));

        assertThat(exists.status()).isEqualTo(409);
        assertThat(exists.getMessage()).contains("account exists");
        assertThat(missing.status()).isEqualTo(404);
    }
}
