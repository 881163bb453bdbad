package io.payout.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.payout.local.DemoAccounts.Scenario;
import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import io.payout.model.WithdrawalRequested;
import io.payout.model.WithdrawalStatus;
import io.payout.model.WithdrawalStatusChanged;
import io.payout.sandbox.SandboxControl;
import io.payout.sandbox.lifecycle.WithdrawalView;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.io.TempDir;

/**
 * kill -9, then a start on the same folder and ports: the stack carries on where it was. A consumer group that had
 * committed its place on the outcome topic before the crash reads every withdrawal's outcome after it, so the broker
 * kept its records and the group's offsets; withdrawals in flight at the kill end final, as the sandbox recorded them.
 */
class LocalStackCrashIntegrationTest {

    private static final Duration START = Duration.ofMinutes(4);
    private static final int WITHDRAWALS = 60;
    private static final long SEED = 20_260_101L;

    @TempDir
    Path work;
    private Path data;
    private LauncherProcess.Ports ports;
    private LauncherProcess launcher;
    private StackClient stack;
    private final String finance = "finance-" + Long.toString(System.nanoTime(), 36);

    private void startAStack() {
        data = work.resolve("data");
        ports = LauncherProcess.Ports.free();
        launcher = LauncherProcess.start(data, ports, work.resolve("before-crash.out"));
        launcher.awaitReady(START);
        stack = new StackClient(ports.bootstrapServers());
        stack.commitEndOfOutcomes(finance);
    }

    @AfterEach
    void stop(TestInfo test) {
        if (launcher != null) {
            launcher.close();
        }
        keepLogs(test.getTestMethod().orElseThrow().getName());
        if (data != null) {
            PostgresData.delete(data);
        }
    }

    /**
     * The launcher's console before and after the kill and the services' log, under {@code target/}: a withdrawal
     * that does not end after the restart is explained there, and the temporary folder is gone once the test ends.
     */
    private void keepLogs(String testName) {
        Path kept = Path.of("target", "local-stack-logs", testName);
        try {
            Files.createDirectories(kept);
            List<Path> logs = new ArrayList<>(List.of(work.resolve("before-crash.out"),
                    work.resolve("after-crash.out")));
            if (data != null) {
                logs.add(data.resolve("logs").resolve("local-stack.log"));
            }
            for (Path log : logs) {
                if (Files.exists(log)) {
                    Files.copy(log, kept.resolve(log.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot keep the logs in " + kept.toAbsolutePath(), e);
        }
    }

    @Test
    void keepsEveryRecordAndCommittedOffsetAcrossAKill() {
        startAStack();
        List<String> ids = publish(requests());
        stack.awaitFinals(ids, WITHDRAWALS, Duration.ofMinutes(3));

        killAndStartAgain();
        Map<String, WithdrawalStatusChanged> finals = stack.readFinalOutcomes(finance, ids, Duration.ofMinutes(2));

        assertThat(finals.keySet()).as("withdrawals with a final outcome (seed " + SEED + ")")
                .containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void finishesTheWithdrawalsInFlightAtAKillAsTheSandboxRecordedThem() {
        Assumptions.assumeTrue(sandboxKeepsState(), "the sandbox has no sandbox.state-dir yet: it forgets its ledger "
                + "at a crash, and withdrawals it had accepted can never end");
        startAStack();
        List<String> ids = publish(requests());
        // Mid-flight: some final (D0 settles at once), most not (D1 and T1 wait for their settlement days).
        stack.awaitFinals(ids, WITHDRAWALS / 10, Duration.ofMinutes(2));

        killAndStartAgain();
        Map<String, WithdrawalStatusChanged> finals = stack.readFinalOutcomes(finance, ids, Duration.ofMinutes(4));

        assertThat(finals.keySet()).as("withdrawals with a final outcome (seed " + SEED + ")")
                .containsExactlyInAnyOrderElementsOf(ids);
        assertThat(mismatches(finals, SandboxControl.of(ports.sandboxUrl())))
                .as("outcomes that differ from the sandbox's ledger").isEmpty();
    }

    private void killAndStartAgain() {
        launcher.kill();
        launcher = LauncherProcess.start(data, ports, work.resolve("after-crash.out"));
        launcher.awaitReady(START);
        assertThat(launcher.output()).doesNotContain("another server might be running");
    }

    private List<String> publish(List<WithdrawalRequested> requests) {
        stack.publish(requests);
        return requests.stream().map(WithdrawalRequested::withdrawalId).toList();
    }

    private static List<String> mismatches(Map<String, WithdrawalStatusChanged> finals, SandboxControl sandbox) {
        Map<String, WithdrawalView> bySerial = sandbox.withdrawals().stream()
                .collect(Collectors.toMap(v -> v.huifuId() + "/" + v.reqSeqId(), Function.identity(), (a, b) -> a));
        List<String> mismatches = new ArrayList<>();
        finals.forEach((id, outcome) -> {
            WithdrawalStatus truth = DemoReport.truthOf(bySerial.get(outcome.huifuId() + "/" + outcome.reqSeqId()));
            if (truth != outcome.status()) {
                mismatches.add(id + ": orchestrator " + outcome.status() + ", sandbox " + truth);
            }
        });
        return mismatches;
    }

    /** Whether the sandbox on the class path reads sandbox.state-dir (its configuration metadata says). */
    private static boolean sandboxKeepsState() {
        try {
            for (URL url : Collections.list(LocalStackCrashIntegrationTest.class.getClassLoader()
                    .getResources("META-INF/spring-configuration-metadata.json"))) {
                try (InputStream in = url.openStream()) {
                    if (new String(in.readAllBytes(), StandardCharsets.UTF_8).contains("\"sandbox.state-dir\"")) {
                        return true;
                    }
                }
            }
            return false;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every scenario and cash type, some settling at once (D0) and some days later (T1, D1). */
    private static List<WithdrawalRequested> requests() {
        Random random = new Random(SEED);
        String run = Long.toString(System.nanoTime(), 36);
        List<WithdrawalRequested> requests = new ArrayList<>();
        for (int i = 0; i < WITHDRAWALS; i++) {
            Scenario scenario = Scenario.values()[i % Scenario.values().length];
            IntoAcctDateType type = IntoAcctDateType.values()[(i / Scenario.values().length)
                    % IntoAcctDateType.values().length];
            Amount amount = new Amount(BigDecimal.valueOf(100 + random.nextInt(100_000), 2));
            requests.add(new WithdrawalRequested("crash-" + run + "-" + i, scenario.huifuId, scenario.kind,
                    scenario.tokenNo(), amount, type, null, "crash test", Instant.now()));
        }
        return requests;
    }
}
