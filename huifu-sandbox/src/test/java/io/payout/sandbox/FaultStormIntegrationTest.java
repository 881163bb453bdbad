package io.payout.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.payout.model.Amount;
import io.payout.model.huifu.HuifuKeys;
import io.payout.sandbox.api.SerialView;
import io.payout.sandbox.ledger.AccountSpec;
import io.payout.sandbox.ledger.LedgerView;
import io.payout.sandbox.lifecycle.WithdrawalView;
import io.payout.sandbox.notify.DeliveryAttempt;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The property test: 1,000 random withdrawals with every fault switched on. Money is conserved at every sampled
 * moment, every withdrawal ends in exactly one true final state, and the same seed gives the same outcomes.
 * <p>
 * Accounts are worked by one thread each (so the order of one account's requests, and hence which of them find
 * the balance short, is fixed); accounts run in parallel (so the sandbox sees real concurrency). The four "poor"
 * accounts, whose requests do run short of money, have payout failures switched off: a book-back arriving before
 * or after a later request would otherwise change whether that request fits, which is timing, not the seed.
 */
class FaultStormIntegrationTest {

    private static final long SEED = Long.getLong("storm.seed", 20261125L);
    private static final int ACCOUNTS = 20;
    private static final int POOR_ACCOUNTS = 4;
    private static final int PER_ACCOUNT = 50;
    private static final double RATE = 0.05;
    private static final String[] TYPES = {"D0", "D1", "T1", "DM"};
    /**
     * 1024-bit keys, which Huifu's SDK also accepts (PROTOCOL.md §2.1): the storm signs some 5,000 times per run, and
     * RSA-2048 private-key operations would make this test CPU-bound on a small machine.
     */
    private static final KeyPair MERCHANT = rsa1024();
    private static final KeyPair HUIFU = rsa1024();

    @Test
    void thousandWithdrawalsUnderEveryFaultConserveMoneyEndInOneTrueStateAndReplayFromTheSeed() throws Exception {
        Map<String, String> first = run(SEED);
        Map<String, String> second = run(SEED);

        assertThat(first).as("seed %d", SEED).hasSize(ACCOUNTS * PER_ACCOUNT);
        assertThat(second).as("same seed %d, same outcomes", SEED).isEqualTo(first);
        assertThat(first.values()).as("seed %d: the faults did strike", SEED)
                .anyMatch(o -> o.contains("NO_ANSWER")).anyMatch(o -> o.contains("HTTP_502"))
                .anyMatch(o -> o.contains("RATE_LIMIT")).anyMatch(o -> o.contains("HTTP_5XX"))
                .anyMatch(o -> o.contains("S/S/S")).anyMatch(o -> o.contains("F/B/F"))
                .anyMatch(o -> o.contains("90000000")).anyMatch(o -> o.contains("dropped"))
                .anyMatch(o -> o.contains("badsign"));
    }

    /** One storm against a fresh sandbox; returns each serial's outcome as text, checking invariants on the way. */
    private Map<String, String> run(long seed) throws Exception {
        Map<String, Object> properties = new HashMap<>();
        properties.put("sandbox.merchant-public-key", HuifuKeys.toBase64(MERCHANT.getPublic()));
        properties.put("sandbox.huifu-private-key", HuifuKeys.toBase64(HUIFU.getPrivate()));
        properties.put("sandbox.seed", seed);
        properties.put("sandbox.accounting-delay", "5ms");
        properties.put("sandbox.payout-delay", "5ms");
        properties.put("sandbox.time-compression", 8_640_000); // a settlement day in 10 ms
        properties.put("sandbox.notify.retry-interval", "10ms");
        // A withheld reply ends in a 502 after 300 ms, so the client needs no read timeout of its own: a slow
        // machine can then never turn an answered request into a "timeout" retry that no fault decided.
        properties.put("sandbox.no-answer-hold", "300ms");
        stormRates("sandbox.faults.rates.", RATE, properties);
        for (int poor = 0; poor < POOR_ACCOUNTS; poor++) {
            stormRates("sandbox.faults.accounts." + huifuId(poor) + ".", 0, properties);
        }
        try (SandboxServer sandbox = SandboxServer.start(properties);
             NotificationReceiver receiver = new NotificationReceiver(sandbox.huifuPublicKey())) {
            SandboxControl control = sandbox.control();
            for (int i = 0; i < ACCOUNTS; i++) {
                String balance = i < POOR_ACCOUNTS ? "3000.00" : "1000000.00";
                control.createAccount(AccountSpec.standard(huifuId(i), balance, token(i)).withTodayCredits("1000.00"));
            }
            List<LedgerView> samples = new CopyOnWriteArrayList<>();
            ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
            ExecutorService pool = Executors.newFixedThreadPool(ACCOUNTS);
            try {
                sampler.scheduleAtFixedRate(() -> samples.add(control.ledger()), 0, 20, TimeUnit.MILLISECONDS);
                List<Future<?>> accounts = new ArrayList<>();
                for (int i = 0; i < ACCOUNTS; i++) {
                    int account = i;
                    // A client per account thread: one account's timed-out exchange never disturbs another's connection.
                    accounts.add(pool.submit(() -> submitAll(new Merchant(sandbox, Duration.ofSeconds(30), MERCHANT.getPrivate()), seed,
                            account, receiver.url())));
                }
                for (Future<?> account : accounts) {
                    account.get();
                }
                control.settle();
                await().atMost(Duration.ofSeconds(60)).until(() -> control.status().idle());
            } finally {
                sampler.shutdownNow();
                sampler.awaitTermination(5, TimeUnit.SECONDS);
                pool.shutdownNow();
            }
            return checkAndDescribe(control, samples, receiver);
        }
    }

    /** One account's withdrawals, in order; a refused or unanswered request is retried with the same serial. */
    private static void submitAll(Merchant merchant, long seed, int account, String notifyUrl) {
        Random random = new Random(seed * 31 + account);
        for (int n = 0; n < PER_ACCOUNT; n++) {
            String cash = Amount.ofRounded(java.math.BigDecimal.valueOf(100 + random.nextInt(80_000), 2)).toString();
            String type = TYPES[random.nextInt(TYPES.length)];
            String tokenNo = random.nextInt(100) < 3 ? "NOSUCHCARD" : token(account);
            Map<String, String> request = Merchant.withdrawal(huifuId(account), serial(seed, account, n), cash, type,
                    tokenNo, notifyUrl);
            int attempts = 0;
            int connectionFailures = 0;
            while (attempts < 4) {
                Merchant.Reply reply = merchant.encash(request);
                if (reply.ioError() && ++connectionFailures < 20) {
                    // The request most likely never arrived, so it is no attempt: the sandbox saw no arrival.
                    continue;
                }
                attempts++;
                if (!reply.timedOut() && reply.status() == 200) {
                    break;
                }
            }
        }
    }

    private static Map<String, String> checkAndDescribe(SandboxControl control, List<LedgerView> samples,
                                                        NotificationReceiver receiver) {
        assertThat(samples).as("seed %d: ledger sampled during the storm", SEED).hasSizeGreaterThan(5);
        assertThat(samples).as("seed %d: conserved at every sample", SEED).allMatch(LedgerView::conserved);
        LedgerView end = control.ledger();
        assertThat(end.conserved()).isTrue();
        assertThat(end.inTransit()).isEqualTo(Amount.ZERO);
        assertThat(end.held()).isEqualTo(Amount.ZERO);

        List<WithdrawalView> withdrawals = control.withdrawals();
        Map<String, List<SerialView>> serials = control.serials().stream()
                .collect(Collectors.groupingBy(SerialView::reqSeqId, TreeMap::new, Collectors.toList()));
        Amount paid = Amount.ZERO;
        Amount fees = Amount.ZERO;
        for (WithdrawalView w : withdrawals) {
            assertThat(w.isFinal()).as("%s final", w.reqSeqId()).isTrue();
            String state = w.transStatus() + "/" + w.acctStatus() + "/" + w.channelStatus();
            assertThat(state).as("%s has one true final state", w.reqSeqId()).isIn("S/S/S", "F/B/F");
            assertThat(serials.get(w.reqSeqId())).as("%s accepted exactly once", w.reqSeqId())
                    .filteredOn(s -> "P".equals(s.transStat())).hasSize(1);
            for (String msgType : List.of("02", "01")) {
                assertThat(w.notifications(msgType)).as("%s %s notice sent or dropped", w.reqSeqId(), msgType)
                        .isNotEmpty();
            }
            if (w.succeeded()) {
                paid = paid.plus(w.toCard());
                fees = fees.plus(w.feeAmt());
            }
        }
        assertThat(serials.values()).as("every serial answered P at most once and P ones are withdrawals")
                .allMatch(list -> list.stream().filter(s -> "P".equals(s.transStat())).count() <= 1);
        assertThat(withdrawals).hasSize((int) serials.values().stream()
                .filter(list -> list.stream().anyMatch(s -> "P".equals(s.transStat()))).count());
        assertThat(end.paidOut()).isEqualTo(paid);
        assertThat(end.feesCollected()).isEqualTo(fees);
        Map<String, WithdrawalView> truth = withdrawals.stream()
                .collect(Collectors.toMap(WithdrawalView::reqSeqId, w -> w));
        receiver.received().stream()
                .filter(n -> n.verified() && "01".equals(n.field("msg_type")))
                .forEach(n -> assertThat(n.field("trans_status")).as("01 notice tells the truth")
                        .isEqualTo(truth.get(n.field("req_seq_id")).transStatus()));

        Map<String, String> outcomes = new TreeMap<>();
        serials.forEach((seq, arrivals) -> {
            String answers = arrivals.stream()
                    .map(s -> s.httpStatus() + ":" + s.respCode() + ":" + s.transStat() + ":" + s.fault())
                    .collect(Collectors.joining(","));
            WithdrawalView w = truth.get(seq);
            String fate = w == null ? "none" : w.transStatus() + "/" + w.acctStatus() + "/" + w.channelStatus()
                    + " fee=" + w.feeAmt() + " card=" + w.toCard() + " notices=" + notices(w.notifications());
            outcomes.put(seq, answers + " => " + fate);
        });
        return outcomes;
    }

    /**
     * What the faults made of the notices: which were dropped, copied or wrongly signed. Not attempt counts, which
     * a slow machine may change (a receiver timing out) without any fault deciding it.
     */
    private static String notices(List<DeliveryAttempt> attempts) {
        return attempts.stream()
                .map(a -> a.msgType() + "#" + a.delivery() + ("dropped".equals(a.outcome()) ? ":dropped" : "")
                        + (a.signValid() ? "" : ":badsign"))
                .distinct()
                .sorted()
                .collect(Collectors.joining(","));
    }

    private static void stormRates(String prefix, double payoutFail, Map<String, Object> properties) {
        for (String fault : List.of("no-answer", "http5xx", "http502", "rate-limit", "notify-drop",
                "notify-duplicate", "notify-reorder", "bad-notify-sign")) {
            properties.put(prefix + fault, RATE);
        }
        properties.put(prefix + "payout-fail", payoutFail);
        properties.put(prefix + "notify-delay-ms", 20);
    }

    private static KeyPair rsa1024() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(1024);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String huifuId(int account) {
        return "66660009" + String.format("%08d", account);
    }

    private static String token(int account) {
        return "TK" + account;
    }

    private static String serial(long seed, int account, int n) {
        return "S" + seed + "A" + account + "N" + n;
    }
}
