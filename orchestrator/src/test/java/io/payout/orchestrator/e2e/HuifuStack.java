package io.payout.orchestrator.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.payout.gateway.GatewayServer;
import io.payout.model.huifu.HuifuKeys;
import io.payout.orchestrator.OrchestratorHarness;
import io.payout.sandbox.SandboxControl;
import io.payout.sandbox.SandboxServer;
import io.payout.testkit.TestKafka;
import io.payout.model.WithdrawalStatus;
import io.payout.orchestrator.withdrawal.Withdrawal;
import io.payout.orchestrator.withdrawal.WithdrawalSerials;
import io.payout.sandbox.api.SerialView;
import io.payout.sandbox.lifecycle.WithdrawalView;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The whole path in one JVM: the Huifu sandbox, the callback gateway publishing its notifications to the
 * orchestrator's topic, and the orchestrator with its submission workers, on the real broker and database.
 */
public final class HuifuStack implements AutoCloseable {

    /**
     * The orchestrator's JDBC, Flyway and Security starters are on this JVM's classpath; the sandbox and the gateway
     * use none of them (security would answer Huifu's notifications with 401), so their contexts leave them out.
     */
    private static final String NO_DATABASE = String.join(",",
            "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
            "org.springframework.boot.flyway.autoconfigure.FlywayAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.SecurityFilterAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration");

    private static final int PARTITIONS = 3;
    /** The channel new users are opened under. */
    public static final String UPPER_HUIFU_ID = "6666000100000000";

    public final OrchestratorHarness orchestrator = new OrchestratorHarness();
    public final SandboxServer sandbox;
    public final GatewayServer gateway;

    public HuifuStack(Map<String, Object> sandboxOverrides) {
        this(sandboxOverrides, Map.of());
    }

    /** With sandbox and orchestrator properties of the caller's own (they win over the defaults here). */
    public HuifuStack(Map<String, Object> sandboxOverrides, Map<String, Object> orchestratorOverrides) {
        this(sandboxOverrides, orchestratorOverrides, new Class<?>[0]);
    }

    /** As above, with configuration classes added to the orchestrator's context. */
    public HuifuStack(Map<String, Object> sandboxOverrides, Map<String, Object> orchestratorOverrides,
                      Class<?>... orchestratorSources) {
        Map<String, Object> sandboxProps = new HashMap<>();
        sandboxProps.put("sandbox.merchant-public-key", HuifuKeys.toBase64(orchestrator.merchantKeys.getPublic()));
        sandboxProps.put("sandbox.accounting-delay", "50ms");
        sandboxProps.put("sandbox.payout-delay", "50ms");
        // one settlement day per second: T1/D1 finish within seconds
        sandboxProps.put("sandbox.time-compression", 86400);
        sandboxProps.put("sandbox.no-answer-hold", "5s");
        sandboxProps.put("sandbox.seed", 7);
        sandboxProps.put("spring.autoconfigure.exclude", NO_DATABASE);
        sandboxProps.putAll(sandboxOverrides);
        sandbox = SandboxServer.start(sandboxProps);
        TestKafka.createTopics(PARTITIONS, orchestrator.notifications, orchestrator.accountNotices);
        gateway = GatewayServer.start(Map.of(
                "gateway.huifu-public-key", sandbox.huifuPublicKey(),
                "gateway.topic", orchestrator.notifications,
                "gateway.account-topic", orchestrator.accountNotices,
                "gateway.topic-partitions", PARTITIONS,
                "spring.autoconfigure.exclude", NO_DATABASE,
                // every notice starts a sampled trace, so a test can follow it into the orchestrator
                "management.tracing.sampling.probability", 1.0,
                "spring.kafka.bootstrap-servers", TestKafka.bootstrapServers()));
        orchestrator
                .with("orchestrator.huifu.base-url", sandbox.baseUrl())
                .with("orchestrator.huifu.huifu-public-key", sandbox.huifuPublicKey())
                .with("orchestrator.huifu.notify-url", gateway.notifyUrl())
                .with("orchestrator.huifu.read-timeout", "2s")
                .with("orchestrator.submission.enabled", true)
                .with("orchestrator.submission.follow-up", "5s")
                .with("orchestrator.submission.retry-base", "200ms")
                .with("orchestrator.submission.retry-max", "2s")
                .with("orchestrator.submission.poll-interval", "50ms")
                .with("orchestrator.topics.partitions", PARTITIONS)
                .with("orchestrator.accounts.worker-enabled", true)
                .with("orchestrator.accounts.notify-url", gateway.accountNotifyUrl())
                .with("orchestrator.accounts.upper-huifu-id", UPPER_HUIFU_ID)
                .with("orchestrator.accounts.poll-interval", "50ms")
                .with("orchestrator.accounts.retry-base", "200ms")
                .with("orchestrator.accounts.retry-max", "2s")
                .with("orchestrator.accounts.follow-after", "1s");
        orchestratorOverrides.forEach(orchestrator::with);
        orchestrator.withSources(orchestratorSources).start();
    }

    public SandboxControl control() {
        return sandbox.control();
    }

    /**
     * What the sandbox's ledger says happened to the withdrawal's serials: at most one accepted; none accepted
     * (but received) is FAILED.
     */
    public WithdrawalStatus truthOf(Withdrawal w) {
        String huifuId = w.request().huifuId();
        List<String> serials = orchestrator.bean(WithdrawalSerials.class).serialsOf(w.withdrawalId()).stream()
                .map(s -> s.key().reqSeqId()).toList();
        List<WithdrawalView> accepted = serials.stream()
                .map(seq -> control().withdrawal(huifuId, seq)).flatMap(Optional::stream).toList();
        assertThat(accepted).as("accepted serials of " + w.withdrawalId()).hasSizeLessThanOrEqualTo(1);
        if (accepted.isEmpty()) {
            List<SerialView> received = control().serials(huifuId).stream()
                    .filter(v -> serials.contains(v.reqSeqId())).toList();
            assertThat(received).as("serials of " + w.withdrawalId() + " received by the sandbox").isNotEmpty();
            return WithdrawalStatus.FAILED;
        }
        WithdrawalView truth = accepted.get(0);
        assertThat(truth.isFinal()).as("sandbox final for " + w.withdrawalId()).isTrue();
        if (truth.succeeded()) {
            return WithdrawalStatus.SUCCEEDED;
        }
        return "B".equals(truth.acctStatus()) ? WithdrawalStatus.REFUNDED : WithdrawalStatus.FAILED;
    }

    @Override
    public void close() {
        orchestrator.close();
        gateway.close();
        sandbox.close();
    }
}
