package io.payout.sandbox;

import static org.awaitility.Awaitility.await;

import io.payout.model.huifu.HuifuKeys;
import io.payout.sandbox.ledger.AccountSpec;
import io.payout.sandbox.lifecycle.WithdrawalView;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A running sandbox with a merchant calling it and a merchant endpoint receiving its notices, plus the step
 * helpers the integration tests read as a story with: open an account, withdraw, await the notices.
 */
final class SandboxFixture implements AutoCloseable {

    /** One signing key for every sandbox in this JVM: RSA key generation costs seconds on a busy machine. */
    static final String HUIFU_PRIVATE_KEY = HuifuKeys.toBase64(HuifuKeys.generate().getPrivate());

    final SandboxServer sandbox;
    final SandboxControl control;
    final Merchant merchant;
    final NotificationReceiver receiver;
    private final String idPrefix;
    private final AtomicInteger ids = new AtomicInteger();

    /** Generous, so a busy machine never turns a slow answer into a "timeout" a test did not ask for. */
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(15);

    private SandboxFixture(SandboxServer sandbox, String idPrefix) {
        this.sandbox = sandbox;
        this.control = sandbox.control();
        this.merchant = new Merchant(sandbox, READ_TIMEOUT);
        this.receiver = new NotificationReceiver(sandbox.huifuPublicKey());
        this.idPrefix = idPrefix;
    }

    /** A sandbox with short delays; {@code idPrefix} (8 digits) keeps each test class's huifu_ids apart. */
    static SandboxFixture start(String idPrefix, Map<String, Object> extraProperties) {
        Map<String, Object> properties = new HashMap<>(Map.of(
                "sandbox.merchant-public-key", Merchant.merchantPublicKey(),
                "sandbox.huifu-private-key", HUIFU_PRIVATE_KEY,
                "sandbox.accounting-delay", "30ms",
                "sandbox.payout-delay", "30ms",
                "sandbox.notify.retry-interval", "20ms"));
        properties.putAll(extraProperties);
        return new SandboxFixture(SandboxServer.start(properties), idPrefix);
    }

    /** A fresh account with one card ({@link #token}) and every cash type on at 1.00 + 0.05% 内扣. */
    String newAccount(String balance) {
        return newAccount(balance, "0.00");
    }

    String newAccount(String balance, String todayCredits) {
        String huifuId = idPrefix + String.format("%08d", ids.incrementAndGet());
        control.createAccount(AccountSpec.standard(huifuId, balance, token(huifuId)).withTodayCredits(todayCredits));
        return huifuId;
    }

    static String token(String huifuId) {
        return "T" + huifuId.substring(8);
    }

    static String serial() {
        return "W" + System.nanoTime();
    }

    /** Withdraws to the account's card, notices to the receiver. */
    Merchant.Reply withdraw(String huifuId, String reqSeqId, String cashAmt, String type) {
        return merchant.encash(Merchant.withdrawal(huifuId, reqSeqId, cashAmt, type, token(huifuId),
                receiver.url()));
    }

    /** A merchant that gives up after {@code readTimeout}: for replies a fault withholds. */
    Merchant impatientMerchant(Duration readTimeout) {
        return new Merchant(sandbox, readTimeout);
    }

    /** Withdraws with no notify_url: no notices. */
    Merchant.Reply withdrawQuietly(String huifuId, String reqSeqId, String cashAmt, String type) {
        return merchant.encash(Merchant.withdrawal(huifuId, reqSeqId, cashAmt, type, token(huifuId), null));
    }

    List<NotificationReceiver.Received> awaitNotices(String reqSeqId, int count) {
        await().atMost(Duration.ofSeconds(30)).until(() -> receiver.receivedFor(reqSeqId).size() >= count);
        return receiver.receivedFor(reqSeqId);
    }

    WithdrawalView only(String huifuId) {
        return control.withdrawals(huifuId).get(0);
    }

    @Override
    public void close() {
        receiver.close();
        sandbox.close();
    }
}
