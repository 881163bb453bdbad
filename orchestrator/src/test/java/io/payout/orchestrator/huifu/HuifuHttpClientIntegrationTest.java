package io.payout.orchestrator.huifu;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import io.payout.model.huifu.HuifuKeys;
import io.payout.sandbox.SandboxServer;
import io.payout.sandbox.behavior.Fault;
import io.payout.sandbox.ledger.AccountSpec;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The client against the real sandbox over real HTTP: signed requests, verified answers, classified outcomes. */
class HuifuHttpClientIntegrationTest {

    private static final String TOKEN = "10004053462";
    private static final KeyPair MERCHANT = HuifuKeys.generate();
    private static final AtomicInteger ACCOUNTS = new AtomicInteger();
    private static SandboxServer sandbox;
    private static HuifuHttpClient huifu;

    @BeforeAll
    static void startSandbox() {
        sandbox = SandboxServer.start(Map.of(
                "sandbox.merchant-public-key", HuifuKeys.toBase64(MERCHANT.getPublic()),
                "sandbox.notify.max-retries", 0,
                "sandbox.notify.timeout", "200ms",
                // The NO_ANSWER fault leaves a request pending on purpose; do not wait for it when closing.
                "server.shutdown", "immediate"));
        huifu = client(sandbox.huifuPublicKey(), Duration.ofSeconds(10));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.close();
    }

    @AfterEach
    void clearFaults() {
        sandbox.control().clearFaults();
    }

    @Test
    void acceptedWithdrawalIsProcessing() {
        String account = account("1000.00");

        SubmitOutcome outcome = huifu.submit(withdrawal(account, "100.00"));

        assertThat(outcome).isInstanceOfSatisfying(SubmitOutcome.Accepted.class, accepted -> {
            assertThat(accepted.transStat()).isEqualTo(TransStatus.PROCESSING);
            assertThat(accepted.respCode()).isEqualTo("00000000");
            assertThat(accepted.hfSeqId()).isNotBlank();
        });
    }

    @Test
    void insufficientBalanceIsRefused() {
        String account = account("50.00");

        SubmitOutcome outcome = huifu.submit(withdrawal(account, "100.00"));

        assertThat(outcome).isInstanceOf(SubmitOutcome.Refused.class);
        assertThat(sandbox.control().withdrawals(account)).isEmpty();
    }

    @Test
    void unknownTokenIsRefused() {
        String account = account("1000.00");
        SubmitCommand command = withdrawal(account, "100.00");
        SubmitCommand otherCard = new SubmitCommand(command.huifuId(), command.reqDate(), command.reqSeqId(),
                command.cashAmt(), command.intoAcctDateType(), "99999999", null, null);

        SubmitOutcome outcome = huifu.submit(otherCard);

        assertThat(outcome).isInstanceOfSatisfying(SubmitOutcome.Refused.class,
                refused -> assertThat(refused.respCode()).isEqualTo("22000005"));
    }

    @Test
    void duplicateSerialIsUnknownNeverRefused() {
        String account = account("1000.00");
        SubmitCommand command = withdrawal(account, "100.00");
        assertThat(huifu.submit(command)).isInstanceOf(SubmitOutcome.Accepted.class);

        SubmitOutcome again = huifu.submit(command);

        assertThat(again).isInstanceOfSatisfying(SubmitOutcome.Unknown.class,
                unknown -> assertThat(unknown.respCode()).isEqualTo("20000000"));
        assertThat(sandbox.control().withdrawals(account)).hasSize(1);
    }

    @Test
    void queryFindsAcceptedSerialWithItsFee() {
        String account = account("1000.00");
        SubmitCommand command = withdrawal(account, "100.00");
        huifu.submit(command);

        QueryOutcome outcome = huifu.query(query(command));

        assertThat(outcome).isInstanceOfSatisfying(QueryOutcome.Found.class, found -> {
            assertThat(found.transStatus()).isIn(TransStatus.PROCESSING, TransStatus.SUCCEEDED);
            assertThat(found.cashAmt()).isEqualTo(Amount.parse("100.00"));
            assertThat(found.feeAmt()).isEqualTo(Amount.parse("1.05"));
            assertThat(found.hfSeqId()).isNotBlank();
        });
    }

    @Test
    void queryForAnUnknownSerialIsNotFound() {
        String account = account("1000.00");

        QueryOutcome outcome = huifu.query(query(withdrawal(account, "100.00")));

        assertThat(outcome).isInstanceOfSatisfying(QueryOutcome.NotFound.class,
                notFound -> assertThat(notFound.respCode()).isEqualTo("20000004"));
    }

    @Test
    void neverAnsweredSubmissionIsUnknownAfterTheReadTimeoutAndQueryShowsTheTruth() {
        String account = account("1000.00");
        SubmitCommand command = withdrawal(account, "100.00");
        HuifuHttpClient impatient = client(sandbox.huifuPublicKey(), Duration.ofMillis(800));
        sandbox.control().nextFault(Fault.NO_ANSWER, account);

        SubmitOutcome outcome = impatient.submit(command);

        assertThat(outcome).isInstanceOfSatisfying(SubmitOutcome.Unknown.class,
                unknown -> assertThat(unknown.rateLimited()).isFalse());
        // The withdrawal did happen: exactly why a lost answer must never be taken for a failure.
        assertThat(huifu.query(query(command))).isInstanceOf(QueryOutcome.Found.class);
    }

    @Test
    void rateLimitedSubmissionIsUnknownAndAsksToSlowDown() {
        String account = account("1000.00");
        sandbox.control().nextFault(Fault.RATE_LIMIT, account);

        SubmitOutcome outcome = huifu.submit(withdrawal(account, "100.00"));

        assertThat(outcome).isInstanceOfSatisfying(SubmitOutcome.Unknown.class,
                unknown -> assertThat(unknown.rateLimited()).isTrue());
    }

    @Test
    void gatewayErrorIsUnknown() {
        String account = account("1000.00");
        sandbox.control().nextFault(Fault.HTTP_502, account);

        assertThat(huifu.submit(withdrawal(account, "100.00"))).isInstanceOf(SubmitOutcome.Unknown.class);
    }

    @Test
    void answerSignedWithAnotherKeyIsUnknownEvenWhenItSaysRefused() {
        String account = account("50.00");
        HuifuHttpClient distrustful = client(HuifuKeys.toBase64(HuifuKeys.generate().getPublic()),
                Duration.ofSeconds(10));

        SubmitOutcome refusedButUnverified = distrustful.submit(withdrawal(account, "100.00"));
        QueryOutcome notFoundButUnverified = distrustful.query(query(withdrawal(account, "1.00")));

        assertThat(refusedButUnverified).isInstanceOfSatisfying(SubmitOutcome.Unknown.class,
                unknown -> assertThat(unknown.reason()).contains("signature"));
        assertThat(notFoundButUnverified).isInstanceOf(QueryOutcome.Unknown.class);
    }

    @Test
    void requestSignedWithAnotherMerchantKeyIsUnknown() {
        String account = account("1000.00");
        HuifuProperties wrongKey = properties(sandbox.huifuPublicKey(), Duration.ofSeconds(10),
                HuifuKeys.toBase64(HuifuKeys.generate().getPrivate()));

        SubmitOutcome outcome = HuifuConfiguration.create(wrongKey).submit(withdrawal(account, "100.00"));

        assertThat(outcome).isInstanceOfSatisfying(SubmitOutcome.Unknown.class,
                unknown -> assertThat(unknown.reason()).contains("922"));
        assertThat(sandbox.control().withdrawals(account)).isEmpty();
    }

    @Test
    void callBeyondTheConcurrencyLimitIsUnknownAndNeverSent() throws Exception {
        String account = account("1000.00");
        HuifuHttpClient single = HuifuConfiguration.create(new HuifuProperties(URI.create(sandbox.baseUrl()),
                "6666000100000000", "PAYUN", HuifuKeys.toBase64(MERCHANT.getPrivate()), sandbox.huifuPublicKey(),
                "http://127.0.0.1:9/notify", Duration.ofSeconds(2), Duration.ofSeconds(3), 1, Duration.ofMillis(200)));
        sandbox.control().nextFault(Fault.NO_ANSWER, account);
        SubmitCommand hanging = withdrawal(account, "1.00");
        CompletableFuture<SubmitOutcome> first = CompletableFuture.supplyAsync(() -> single.submit(hanging));
        await().atMost(Duration.ofSeconds(10)).until(() -> sandbox.control()
                .serials(account).stream().anyMatch(serial -> hanging.reqSeqId().equals(serial.reqSeqId())));
        SubmitCommand waiting = withdrawal(account, "2.00");

        SubmitOutcome outcome = single.submit(waiting);

        assertThat(outcome).isInstanceOfSatisfying(SubmitOutcome.Unknown.class, unknown -> {
            assertThat(unknown.reason()).startsWith("not sent");
            assertThat(unknown.rateLimited()).isTrue();
        });
        assertThat(first.get()).isInstanceOf(SubmitOutcome.Unknown.class);
        assertThat(sandbox.control().serials(account)).noneMatch(serial -> waiting.reqSeqId().equals(serial.reqSeqId()));
    }

    @Test
    void answerWhoseBodyStallsIsUnknownAfterTheReadTimeout() throws Exception {
        CountDownLatch testOver = new CountDownLatch(1);
        try (ServerSocket stalling = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> server = CompletableFuture.runAsync(() -> {
                try (Socket call = stalling.accept()) {
                    call.getOutputStream().write(("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                            + "Content-Length: 400\r\n\r\n{\"sign\":").getBytes(StandardCharsets.US_ASCII));
                    call.getOutputStream().flush();
                    // the rest of the body never comes: the connection stays open until the test is over
                    testOver.await(20, TimeUnit.SECONDS);
                } catch (Exception closed) {
                    // the test is over
                }
            });
            HuifuProperties stalled = new HuifuProperties(URI.create("http://127.0.0.1:" + stalling.getLocalPort()),
                    "6666000100000000", "PAYUN", HuifuKeys.toBase64(MERCHANT.getPrivate()), sandbox.huifuPublicKey(),
                    "http://127.0.0.1:9/notify", Duration.ofMillis(500), Duration.ofSeconds(1), 4,
                    Duration.ofSeconds(1));
            long start = System.nanoTime();

            SubmitOutcome outcome = HuifuConfiguration.create(stalled).submit(withdrawal("6666000000000001", "1.00"));

            assertThat(outcome).isInstanceOf(SubmitOutcome.Unknown.class);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("given up near the read timeout, not after the "
                    + "server's 20 s").isLessThan(Duration.ofSeconds(15));
            testOver.countDown();
            server.join();
        }
    }

    @Test
    void unreachableHuifuIsUnknown() {
        HuifuProperties nowhere = new HuifuProperties(URI.create("http://127.0.0.1:9"), "6666000100000000", "PAYUN",
                HuifuKeys.toBase64(MERCHANT.getPrivate()), sandbox.huifuPublicKey(), "http://127.0.0.1:9/notify",
                Duration.ofMillis(500), Duration.ofSeconds(1), 4, Duration.ofSeconds(1));

        SubmitOutcome outcome = HuifuConfiguration.create(nowhere).submit(withdrawal("6666000000000001", "1.00"));

        assertThat(outcome).isInstanceOf(SubmitOutcome.Unknown.class);
    }

    @Test
    void missingOrUnreadableKeysFailStartUpWithoutShowingThem() {
        HuifuProperties missing = new HuifuProperties(URI.create(sandbox.baseUrl()), "6666000100000000", "PAYUN",
                null, " ", "http://127.0.0.1:9/notify", Duration.ofSeconds(2), Duration.ofSeconds(10), 64,
                Duration.ofSeconds(5));
        String secretLooking = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7notakey";
        HuifuProperties unreadable = properties(sandbox.huifuPublicKey(), Duration.ofSeconds(2), secretLooking);

        assertThatThrownBy(() -> HuifuConfiguration.create(missing))
                .hasMessageContaining("merchant-private-key is required")
                .hasMessageContaining("huifu-public-key is required");
        assertThatThrownBy(() -> HuifuConfiguration.create(unreadable))
                .hasMessageContaining("orchestrator.huifu.merchant-private-key")
                .hasNoCause()
                .message().doesNotContain(secretLooking);
        assertThat(unreadable.toString()).doesNotContain(secretLooking);
    }

    private static HuifuHttpClient client(String huifuPublicKey, Duration readTimeout) {
        return HuifuConfiguration.create(properties(huifuPublicKey, readTimeout,
                HuifuKeys.toBase64(MERCHANT.getPrivate())));
    }

    private static HuifuProperties properties(String huifuPublicKey, Duration readTimeout, String merchantKey) {
        return new HuifuProperties(URI.create(sandbox.baseUrl()), "6666000100000000", "PAYUN", merchantKey,
                huifuPublicKey, "http://127.0.0.1:9/huifu/notify/withdrawal", Duration.ofSeconds(2), readTimeout, 8,
                Duration.ofSeconds(5));
    }

    private static String account(String balance) {
        String huifuId = "66660001" + String.format("%08d", ACCOUNTS.incrementAndGet());
        sandbox.control().createAccount(AccountSpec.standard(huifuId, balance, TOKEN));
        return huifuId;
    }

    private static SubmitCommand withdrawal(String huifuId, String amount) {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).format(DateTimeFormatter.BASIC_ISO_DATE);
        String serial = "W" + UUID.randomUUID().toString().replace("-", "").substring(0, 24);
        return new SubmitCommand(huifuId, today, serial, Amount.parse(amount), IntoAcctDateType.T1, TOKEN, null,
                "test");
    }

    private static QueryCommand query(SubmitCommand submitted) {
        return new QueryCommand(submitted.huifuId(), submitted.reqDate(), submitted.reqSeqId());
    }
}
