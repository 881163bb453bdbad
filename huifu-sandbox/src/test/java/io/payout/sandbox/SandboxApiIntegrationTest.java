package io.payout.sandbox;

import static io.payout.sandbox.Merchant.today;
import static io.payout.sandbox.Merchant.withdrawal;
import static io.payout.sandbox.SandboxFixture.serial;
import static io.payout.sandbox.SandboxFixture.token;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.payout.model.Amount;
import io.payout.sandbox.ledger.AccountSpec;
import io.payout.sandbox.lifecycle.WithdrawalView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Huifu's withdrawal API over real HTTP against a running sandbox: signing, rules, lifecycle, notices, query. */
class SandboxApiIntegrationTest {

    private static SandboxFixture fixture;
    private static SandboxControl control;
    private static Merchant merchant;
    private static NotificationReceiver receiver;

    @BeforeAll
    static void start() {
        fixture = SandboxFixture.start("66660001", Map.of());
        control = fixture.control;
        merchant = fixture.merchant;
        receiver = fixture.receiver;
    }

    @AfterAll
    static void stop() {
        fixture.close();
    }

    @Test
    void acceptsWithdrawalThenDebitsPaysAndNotifiesAccountingBeforeResult() {
        String huifuId = fixture.newAccount("1000.00");
        String seq = serial();

        Merchant.Reply reply = merchant.encash(withdrawal(huifuId, seq, "100.00", "D0", token(huifuId),
                receiver.url()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.data()).as("signed by the sandbox").isNotNull();
        assertThat(reply.field("resp_code")).isEqualTo("00000000");
        assertThat(reply.field("trans_stat")).isEqualTo("P");
        assertThat(reply.field("hf_seq_id")).isNotBlank();
        assertThat(reply.data()).doesNotContainKey("fee_amt");

        fixture.awaitNotices(seq, 2);
        List<NotificationReceiver.Received> notices = receiver.receivedFor(seq);
        assertThat(notices).allMatch(NotificationReceiver.Received::verified);
        assertThat(notices).extracting(n -> n.field("msg_type")).containsExactly("02", "01");
        assertThat(notices.get(0).field("acct_status")).isEqualTo("S");
        assertThat(notices.get(0).field("trans_status")).isEqualTo("P");
        assertThat(notices.get(1).field("trans_status")).isEqualTo("S");
        assertThat(notices.get(1).field("fee_amt")).isEqualTo("1.05");
        assertThat(notices.get(1).form()).containsEntry("resp_code", "10000");
        assertThat(notices.get(1).contentType()).startsWith("application/x-www-form-urlencoded");

        assertThat(control.account(huifuId).balance()).isEqualTo(Amount.parse("900.00"));
        assertThat(control.account(huifuId).paidOut()).isEqualTo(Amount.parse("98.95"));
        Merchant.Reply query = merchant.query(huifuId, today(), seq);
        assertThat(query.field("resp_code")).isEqualTo("00000000");
        assertThat(query.field("trans_status")).isEqualTo("S");
        assertThat(query.field("fee_amt")).isEqualTo("1.05");
        assertThat(query.field("org_hf_seq_id")).isEqualTo(reply.field("hf_seq_id"));
        assertThat(control.ledger().conserved()).isTrue();
    }

    @Test
    void wrongSignatureGets922AndChangesNothing() {
        String huifuId = fixture.newAccount("500.00");
        String seq = serial();
        String body = io.payout.model.huifu.HuifuEnvelope.request(Merchant.SYS_ID, "PAYUN",
                withdrawal(huifuId, seq, "100.00", "D0", token(huifuId), receiver.url()),
                io.payout.model.huifu.HuifuKeys.generate().getPrivate()).body();

        Merchant.Reply reply = merchant.send(Merchant.ENCASHMENT, body, "application/json");

        assertThat(reply.status()).isEqualTo(922);
        control.settle();
        assertThat(control.withdrawals(huifuId)).isEmpty();
        assertThat(control.account(huifuId).balance()).isEqualTo(Amount.parse("500.00"));
        assertThat(control.serials(huifuId)).singleElement()
                .satisfies(s -> assertThat(s.httpStatus()).isEqualTo(922));
        // The serial was never taken: the same serial, properly signed, is accepted.
        Merchant.Reply retried = fixture.withdrawQuietly(huifuId, seq, "100.00", "D0");
        assertThat(retried.field("trans_stat")).isEqualTo("P");
    }

    @Test
    void repeatedSerialGets20000000AndDebitsNothing() {
        String huifuId = fixture.newAccount("500.00");
        String seq = serial();
        Map<String, String> request = withdrawal(huifuId, seq, "100.00", "D0", token(huifuId), null);
        assertThat(merchant.encash(request).field("trans_stat")).isEqualTo("P");

        Merchant.Reply repeat = merchant.encash(request);

        assertThat(repeat.field("resp_code")).isEqualTo("20000000");
        assertThat(repeat.data()).doesNotContainKey("trans_stat");
        control.settle();
        assertThat(control.withdrawals(huifuId)).hasSize(1);
        assertThat(control.account(huifuId).balance()).isEqualTo(Amount.parse("400.00"));
    }

    @Test
    void insufficientBalanceGetsTransStatF() {
        String huifuId = fixture.newAccount("50.00");
        String seq = serial();

        Merchant.Reply reply = fixture.withdrawQuietly(huifuId, seq, "100.00", "D0");

        assertThat(reply.field("trans_stat")).isEqualTo("F");
        assertThat(reply.field("resp_code")).isEqualTo("90000000");
        assertThat(reply.field("resp_desc")).isEqualTo("可用余额不足");
        assertThat(control.account(huifuId).balance()).isEqualTo(Amount.parse("50.00"));
        assertThat(merchant.query(huifuId, today(), seq).field("trans_status")).isEqualTo("F");
    }

    @Test
    void wrongAcknowledgementIsRetriedExactlyThreeTimes() {
        String huifuId = fixture.newAccount("500.00");
        String seq = serial();
        try (NotificationReceiver grumpy = new NotificationReceiver(fixture.sandbox.huifuPublicKey())) {
            grumpy.answer(NotificationReceiver.Answer.WRONG_BODY);

            merchant.encash(withdrawal(huifuId, seq, "10.00", "D0", token(huifuId), grumpy.url()));

            await().atMost(Duration.ofSeconds(30)).until(() -> fixture.only(huifuId).notifications().size() == 8);
            control.settle();
            assertThat(grumpy.receivedFor(seq)).hasSize(8);
            for (String msgType : List.of("02", "01")) {
                assertThat(fixture.only(huifuId).notifications(msgType))
                        .extracting(a -> a.attempt() + ":" + a.outcome())
                        .containsExactly("1:ack_mismatch", "2:ack_mismatch", "3:ack_mismatch", "4:ack_mismatch");
            }
        }
    }

    @Test
    void failingReceiverIsRetriedUntilItAcknowledges() {
        String huifuId = fixture.newAccount("500.00");
        String seq = serial();
        try (NotificationReceiver flaky = new NotificationReceiver(fixture.sandbox.huifuPublicKey())) {
            flaky.answer(NotificationReceiver.Answer.HTTP_500);
            merchant.encash(withdrawal(huifuId, seq, "10.00", "D0", token(huifuId), flaky.url()));
            await().atMost(Duration.ofSeconds(30)).until(() -> !fixture.only(huifuId).notifications("02").isEmpty());

            flaky.answer(NotificationReceiver.Answer.ACK);

            await().atMost(Duration.ofSeconds(30)).until(() -> fixture.only(huifuId).notifications().stream()
                    .filter(a -> a.acked()).count() == 2);
            assertThat(fixture.only(huifuId).notifications("02").get(0).outcome()).isEqualTo("http_500");
            assertThat(fixture.only(huifuId).notifications()).allMatch(a -> a.attempt() <= 4);
        }
    }

    @Test
    void missingJsonContentTypeIsAnsweredAsHuifuDoes() {
        String huifuId = fixture.newAccount("500.00");
        String body = io.payout.model.huifu.HuifuEnvelope.request(Merchant.SYS_ID, "PAYUN",
                withdrawal(huifuId, serial(), "100.00", "D0", token(huifuId), null),
                Merchant.KEYS.getPrivate()).body();

        Merchant.Reply reply = merchant.send(Merchant.ENCASHMENT, body, "text/plain");

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).isEqualTo("{\"data\":{\"resp_code\":\"10000000\",\"resp_desc\":\"无效参数\"}}");
        assertThat(control.withdrawals(huifuId)).isEmpty();
    }

    @Test
    void huifuPathsAnswerOnlyPost() throws Exception {
        java.net.http.HttpResponse<String> get = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(fixture.sandbox.baseUrl() + Merchant.QUERY))
                        .GET().build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(get.statusCode()).isEqualTo(405);
        assertThat(get.headers().firstValue("Allow")).hasValue("POST");
        assertThat(control.ledger().conserved()).as("the control API beside it still answers").isTrue();
    }

    @Test
    void legacyEnchashmentPathIsAccepted() {
        String huifuId = fixture.newAccount("500.00");

        Merchant.Reply reply = merchant.post("/v2/trade/settlement/enchashment",
                withdrawal(huifuId, serial(), "100.00", "T1", token(huifuId), null));

        assertThat(reply.field("trans_stat")).isEqualTo("P");
    }

    @Test
    void requestDateOtherThanTodayInBeijingIsInvalid() {
        String huifuId = fixture.newAccount("500.00");
        Map<String, String> request = new java.util.HashMap<>(
                withdrawal(huifuId, serial(), "100.00", "D0", token(huifuId), null));
        request.put("req_date", java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1)
                .format(java.time.format.DateTimeFormatter.BASIC_ISO_DATE));

        Merchant.Reply reply = merchant.encash(request);

        assertThat(reply.field("resp_code")).isEqualTo("10000000");
        assertThat(reply.field("resp_desc")).isEqualTo("请求日期必须是当前日期");
    }

    @Test
    void missingAndMalformedFieldsAreInvalidParameters() {
        String huifuId = fixture.newAccount("500.00");
        Map<String, String> noToken = new java.util.HashMap<>(
                withdrawal(huifuId, serial(), "100.00", "D0", token(huifuId), null));
        noToken.remove("token_no");
        Map<String, String> badAmount = new java.util.HashMap<>(
                withdrawal(huifuId, serial(), "100.5", "D0", token(huifuId), null));
        Map<String, String> badType = withdrawal(huifuId, serial(), "100.00", "X1", token(huifuId), null);

        assertThat(merchant.encash(noToken).field("resp_desc")).isEqualTo("token_no不能为空");
        assertThat(merchant.encash(badAmount).field("resp_code")).isEqualTo("10000000");
        assertThat(merchant.encash(badType).field("resp_code")).isEqualTo("10000000");
        assertThat(control.withdrawals(huifuId)).isEmpty();
    }

    @Test
    void unknownAccountCardAndClosedCashTypeGetTheirCodes() {
        String huifuId = fixture.newAccount("500.00");
        control.setCashConfig(huifuId, List.of(io.payout.sandbox.ledger.CashConfigSpec.inside(
                io.payout.model.IntoAcctDateType.D1, "0.00", "0.00")));

        assertThat(merchant.encash(withdrawal("6666999999999999", serial(), "1.00", "D0", "T1", null))
                .field("resp_code")).isEqualTo("22000002");
        assertThat(merchant.encash(withdrawal(huifuId, serial(), "1.00", "D1", "NOSUCHTOKEN", null))
                .field("resp_code")).isEqualTo("22000005");
        assertThat(fixture.withdrawQuietly(huifuId, serial(), "1.00", "D0")
                .field("resp_code")).isEqualTo("22000004");
        assertThat(fixture.withdrawQuietly(huifuId, serial(), "1.00", "D1")
                .field("trans_stat")).isEqualTo("P");
    }

    @Test
    void dmQuotaExcludesTodaysCredits() {
        String huifuId = fixture.newAccount("100.00", "500.00");

        Merchant.Reply quota = merchant.post(Merchant.DM_QUOTA, Map.of("huifu_id", huifuId));
        Merchant.Reply tooMuch = fixture.withdrawQuietly(huifuId, serial(), "150.00", "DM");
        Merchant.Reply d0 = fixture.withdrawQuietly(huifuId, serial(), "150.00", "D0");
        Merchant.Reply withinQuota = merchant.encash(withdrawal(huifuId, serial(), "100.00", "DM", token(huifuId),
                null));

        assertThat(quota.field("dm_amt")).isEqualTo("100.00");
        assertThat(tooMuch.field("resp_code")).isEqualTo("90000000");
        assertThat(tooMuch.field("resp_desc")).isEqualTo("DM取现额度不足");
        assertThat(tooMuch.field("trans_stat")).isEqualTo("F");
        assertThat(d0.field("trans_stat")).as("D0 may use today's credits").isEqualTo("P");
        assertThat(withinQuota.field("trans_stat")).isEqualTo("P");
        control.settle();
        assertThat(control.account(huifuId).balance()).isEqualTo(Amount.parse("0.00"));
        assertThat(control.account(huifuId).todayCredits()).isEqualTo(Amount.parse("350.00"));
    }

    @Test
    void t1WaitsForTheNextWorkingDayUntilSettled() {
        String huifuId = fixture.newAccount("500.00");
        String t1 = serial();
        String d0 = serial();
        fixture.withdrawQuietly(huifuId, t1, "100.00", "T1");
        fixture.withdrawQuietly(huifuId, d0, "100.00", "D0");

        await().atMost(Duration.ofSeconds(30)).until(() -> control.withdrawal(huifuId, d0).orElseThrow().isFinal());
        WithdrawalView pending = control.withdrawal(huifuId, t1).orElseThrow();
        assertThat(pending.isFinal()).as("settlement clock runs at real speed here").isFalse();
        assertThat(pending.acctStatus()).isEqualTo("S");
        assertThat(merchant.query(huifuId, today(), t1).field("trans_status")).isEqualTo("P");

        control.settle();

        assertThat(control.withdrawal(huifuId, t1).orElseThrow().transStatus()).isEqualTo("S");
        assertThat(merchant.query(huifuId, today(), t1).field("trans_status")).isEqualTo("S");
    }

    @Test
    void queryForUnknownSerialGets20000004() {
        String huifuId = fixture.newAccount("500.00");

        Merchant.Reply reply = merchant.query(huifuId, today(), "NOSUCHSERIAL");

        assertThat(reply.field("resp_code")).isEqualTo("20000004");
        assertThat(reply.field("resp_desc")).isEqualTo("交易不存在");
    }

    @Test
    void outsideFeeIsChargedToThePayerAndTheCardGetsTheFullAmount() {
        String payer = fixture.newAccount("10.00");
        String huifuId = fixture.newAccount("500.00");
        control.setCashConfig(huifuId, List.of(io.payout.sandbox.ledger.CashConfigSpec.outside(
                io.payout.model.IntoAcctDateType.D0, "2.00", "0.10", payer)));

        fixture.withdrawQuietly(huifuId, serial(), "200.00", "D0");
        control.settle();

        assertThat(control.account(huifuId).balance()).isEqualTo(Amount.parse("300.00"));
        assertThat(control.account(huifuId).paidOut()).isEqualTo(Amount.parse("200.00"));
        assertThat(control.account(payer).balance()).isEqualTo(Amount.parse("7.80"));
        assertThat(fixture.only(huifuId).feeAmt()).isEqualTo(Amount.parse("2.20"));
        assertThat(control.ledger().conserved()).isTrue();
    }
}
