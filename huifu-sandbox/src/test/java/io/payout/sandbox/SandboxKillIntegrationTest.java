package io.payout.sandbox;

import static io.payout.sandbox.Merchant.today;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.payout.model.Amount;
import io.payout.model.huifu.HuifuKeys;
import io.payout.sandbox.ledger.AccountSpec;
import io.payout.sandbox.ledger.AccountView;
import io.payout.sandbox.ledger.LedgerView;
import io.payout.sandbox.lifecycle.WithdrawalView;
import io.payout.testkit.ServiceLaunch;
import io.payout.testkit.ServiceProcess;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.Attributes;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real crash: the sandbox in its own JVM, killed with SIGKILL while withdrawals are in every stage, then started
 * again on the same {@code sandbox.state-dir}. Every withdrawal it accepted is there, by serial and by hf_seq_id, and
 * reaches its end with its result notice delivered; the money balances.
 */
class SandboxKillIntegrationTest {

    private static final String HUIFU_ID = "6666000800000001";
    private static final String TOKEN = "TK";
    private static final int WITHDRAWALS = 24;

    @TempDir
    Path work;

    private final List<ServiceProcess> processes = new ArrayList<>();
    private NotificationReceiver receiver;

    @AfterEach
    void stop() {
        processes.forEach(ServiceProcess::close);
        if (receiver != null) {
            receiver.close();
        }
    }

    @Test
    void killedMidFlightComesBackWithEveryAcceptedWithdrawalAndFinishesThem() throws IOException {
        KeyPair huifu = HuifuKeys.generate();
        ServiceLaunch.KeyFiles keys = ServiceLaunch.KeyFiles.write(work.resolve("keys"), Merchant.KEYS, huifu);
        String huifuPublicKey = ServiceLaunch.KeyFiles.base64(huifu.getPublic());
        Path jar = classpathJar();
        receiver = new NotificationReceiver(huifuPublicKey);

        ServiceProcess first = start(jar, keys, 1);
        SandboxControl control = SandboxControl.of(first.baseUrl());
        control.createAccount(AccountSpec.standard(HUIFU_ID, "10000.00", TOKEN));
        Merchant merchant = new Merchant(first.baseUrl(), huifuPublicKey, Duration.ofSeconds(15),
                Merchant.KEYS.getPrivate());
        Map<String, String> accepted = new LinkedHashMap<>();
        for (int i = 0; i < WITHDRAWALS; i++) {
            // Every third is T1, which waits for the next working day: debited, not paid, at the kill.
            String serial = SandboxFixture.serial();
            Merchant.Reply reply = merchant.encash(Merchant.withdrawal(HUIFU_ID, serial, (10 + i) + ".00",
                    i % 3 == 0 ? "T1" : "D0", TOKEN, receiver.url()));
            assertThat(reply.field("resp_code")).as(reply.body()).isEqualTo("00000000");
            accepted.put(serial, reply.field("hf_seq_id"));
        }
        assertThat(control.withdrawals()).filteredOn(w -> !w.isFinal()).as("under way at the kill").isNotEmpty();
        first.kill();

        ServiceProcess second = start(jar, keys, 864_000);
        SandboxControl restored = SandboxControl.of(second.baseUrl());
        Merchant again = new Merchant(second.baseUrl(), huifuPublicKey, Duration.ofSeconds(15),
                Merchant.KEYS.getPrivate());
        await().atMost(Duration.ofSeconds(60)).until(() -> restored.status().idle()
                && restored.withdrawals().stream().allMatch(WithdrawalView::isFinal));

        assertThat(restored.withdrawals()).extracting(WithdrawalView::reqSeqId)
                .containsExactlyElementsOf(accepted.keySet());
        accepted.forEach((serial, hfSeqId) -> {
            assertThat(again.query(HUIFU_ID, today(), serial).field("trans_status")).as(serial).isEqualTo("S");
            assertThat(again.post(Merchant.QUERY, Map.of("huifu_id", HUIFU_ID, "org_req_date", today(),
                    "org_hf_seq_id", hfSeqId)).field("org_req_seq_id")).isEqualTo(serial);
            await("01 of " + serial).atMost(Duration.ofSeconds(30)).until(() -> receiver.receivedFor(serial)
                    .stream().anyMatch(n -> n.verified() && "01".equals(n.field("msg_type"))
                            && "S".equals(n.field("trans_status"))));
        });
        LedgerView ledger = restored.ledger();
        assertThat(ledger.conserved()).isTrue();
        assertThat(ledger.inTransit()).isEqualTo(Amount.ZERO);
        AccountView account = restored.account(HUIFU_ID);
        assertThat(account.balance().plus(account.paidOut()).plus(account.fees()))
                .isEqualTo(Amount.parse("10000.00"));
        // 10.00 + 11.00 + ... + 33.00 left the balance, whatever stage each was in at the kill.
        assertThat(account.balance()).isEqualTo(Amount.parse("9484.00"));
    }

    private ServiceProcess start(Path jar, ServiceLaunch.KeyFiles keys, double timeCompression) {
        Map<String, Object> properties = ServiceLaunch.sandbox(keys);
        properties.put("sandbox.state-dir", work.resolve("state"));
        properties.put("sandbox.accounting-delay", "20ms");
        properties.put("sandbox.payout-delay", "40ms");
        properties.put("sandbox.notify.retry-interval", "20ms");
        properties.put("sandbox.time-compression", timeCompression);
        ServiceProcess process = ServiceProcess.start("huifu-sandbox", jar, "256m",
                List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), ServiceLaunch.freePort(), properties,
                work.resolve("sandbox.log"));
        processes.add(process);
        return process;
    }

    /**
     * A jar holding only a manifest: the sandbox's main class and this test's class path, so that
     * {@link ServiceProcess} runs the sandbox as built now (tests run before the exec jar is packaged).
     */
    private Path classpathJar() throws IOException {
        Path jar = work.resolve("sandbox-classpath.jar");
        StringBuilder classPath = new StringBuilder();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path path = Path.of(entry).toAbsolutePath();
            classPath.append(path.toUri()).append(' ');
        }
        Manifest manifest = new Manifest();
        manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        manifest.getMainAttributes().put(Attributes.Name.MAIN_CLASS, HuifuSandboxApplication.class.getName());
        manifest.getMainAttributes().put(Attributes.Name.CLASS_PATH, classPath.toString().trim());
        try (OutputStream out = Files.newOutputStream(jar);
             JarOutputStream ignored = new JarOutputStream(out, manifest)) {
            return jar;
        }
    }
}
