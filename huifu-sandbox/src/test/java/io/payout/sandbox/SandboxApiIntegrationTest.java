package io.payout.sandbox;

import static io.payout.sandbox.Merchant.today;
import static io.payout.sandbox.Merchant.withdrawal;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.payout.model.Amount;
import io.payout.sandbox.ledger.AccountSpec;
import io.payout.sandbox.lifecycle.WithdrawalView;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Huifu's withdrawal API over real HTTP against a running sandbox: signing, rules, lifecycle, notices, query. */
class SandboxApiIntegrationTest {

    private static final AtomicInteger IDS = new AtomicInteger();
    private static SandboxServer sandbox;
    private static SandboxControl control;
    private static Merchant merchant;
    private static NotificationReceiver receiver;

    @BeforeAll
    static void start() {
        sandbox = SandboxServer.start(Map.of(
                "sandbox.merchant-public-key", Merchant.merchantPublicKey(),
                "sandbox.accounting-delay", "50ms",
                "sandbox.payout-delay", "50ms",
                "sandbox.notify.retry-interval", "20ms"));
        control = sandbox.control();
        merchant = new Merchant(sandbox);
        receiver = new NotificationReceiver(sandbox.huifuPublicKey());
    }

    @AfterAll
    static void stop() {
        receiver.close();
        sandbox.close();
    }

    @Test
    void acceptsWithdrawalThenDebitsPaysAndNotifiesAccountingBeforeResult() {
        String huifuId = newAccount("1000.00");
        String seq = serial();

        Merchant.Reply reply = merchant.encash(withdrawal(huifuId, seq, "100.00", "D0", token(huifuId),
                receiver.url()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.data()).as("signed by the sandbox").isNotNull();
        assertThat(reply.field("resp_code")).isEqualTo("00000000");
        assertThat(reply.field("trans_stat")).isEqualTo("P");
        assertThat(reply.field("hf_seq_id")).isNotBlank();
        assertThat(reply.data()).doesNotContainKey("fee_amt");

        await().atMost(Duration.ofSeconds(10)).until(() -> receiver.receivedFor(seq).size() == 2);
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
        String huifuId = newAccount("500.00");
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
        Merchant.Reply retried = merchant.encash(withdrawal(huifuId, seq, "100.00", "D0", token(huifuId), null));
        assertThat(retried.field("trans_stat")).isEqualTo("P");
    }

    @Test
    void repeatedSerialGets20000000AndDebitsNothing() {
        String huifuId = newAccount("500.00");
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
        String huifuId = newAccount("50.00");
        String seq = serial();

        Merchant.Reply reply = merchant.encash(withdrawal(huifuId, seq, "100.00", "D0", token(huifuId), null));

        assertThat(reply.field("trans_stat")).isEqualTo("F");
        assertThat(reply.field("resp_code")).isEqualTo("90000000");
        assertThat(reply.field("resp_desc")).isEqualTo("可用余额不足");
        assertThat(control.account(huifuId).balance()).isEqualTo(Amount.parse("50.00"));
        assertThat(merchant.query(huifuId, today(), seq).field("trans_status")).isEqualTo("F");
    }

    private static String newAccount(String balance) {
        String huifuId = "66660001" + String.format("%08d", IDS.incrementAndGet());
        control.createAccount(AccountSpec.standard(huifuId, balance, token(huifuId)));
        return huifuId;
    }

    private static String token(String huifuId) {
        return "T" + huifuId.substring(8);
    }

    private static String serial() {
        return "W" + System.nanoTime();
    }

    static WithdrawalView only(String huifuId) {
        return control.withdrawals(huifuId).get(0);
    }
}
