package io.payout.orchestrator.huifu;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.payout.model.Amount;
import io.payout.model.IntoAcctDateType;
import io.payout.model.huifu.HuifuKeys;
import java.security.KeyPair;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** The Spring wiring: properties bind with their defaults, and bad configuration stops start-up clearly. */
class HuifuConfigurationTest {

    private static final KeyPair MERCHANT = HuifuKeys.generate();
    private static final KeyPair HUIFU = HuifuKeys.generate();
    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(HuifuConfiguration.class);

    @Test
    void bindsConfigurationWithDefaultsAndProvidesTheClient() {
        context.withPropertyValues(complete()).run(started -> {
            assertThat(started).hasSingleBean(Huifu.class);
            HuifuProperties properties = started.getBean(HuifuProperties.class);
            assertThat(properties.connectTimeout()).isEqualTo(Duration.ofSeconds(2));
            assertThat(properties.readTimeout()).isEqualTo(Duration.ofSeconds(10));
            assertThat(properties.maxConcurrency()).isEqualTo(64);
            assertThat(properties.toString()).doesNotContain(HuifuKeys.toBase64(MERCHANT.getPrivate()));
        });
    }

    @Test
    void countsOutcomesByOperationAndKind() {
        context.withPropertyValues(complete()).withBean(MeterRegistry.class, SimpleMeterRegistry::new)
                .run(started -> {
                    Huifu huifu = started.getBean(Huifu.class);
                    // Nothing listens on port 9: the call ends Unknown, as every transport failure does.
                    huifu.submit(new SubmitCommand("6666000100000001", "20261126", "W1", Amount.parse("1.00"),
                            IntoAcctDateType.T1, "10004053462", null, null));
                    assertThat(started.getBean(MeterRegistry.class).get("huifu.calls")
                            .tags("operation", "submit", "outcome", "Unknown", "rate_limited", "false")
                            .counter().count()).isEqualTo(1.0);
                });
    }

    @Test
    void missingKeysStopStartUpNamingThePropertiesOnly() {
        context.withPropertyValues("orchestrator.huifu.base-url=http://127.0.0.1:9",
                "orchestrator.huifu.sys-id=6666000100000000", "orchestrator.huifu.product-id=PAYUN",
                "orchestrator.huifu.notify-url=http://127.0.0.1:9/notify").run(started -> {
            assertThat(started).hasFailed();
            assertThat(rootMessage(started.getStartupFailure()))
                    .contains("merchant-private-key is required", "huifu-public-key is required");
        });
    }

    @Test
    void unreadableKeyStopsStartUpWithoutPrintingIt() {
        String notAKey = "c2VjcmV0LWJ1dC1ub3QtYS1rZXk=";
        context.withPropertyValues(complete()).withPropertyValues("orchestrator.huifu.merchant-private-key=" + notAKey)
                .run(started -> {
                    assertThat(started).hasFailed();
                    String failure = fullText(started.getStartupFailure());
                    assertThat(failure).contains("orchestrator.huifu.merchant-private-key").doesNotContain(notAKey);
                });
    }

    @Test
    void overlongNotifyUrlStopsStartUp() {
        context.withPropertyValues(complete())
                .withPropertyValues("orchestrator.huifu.notify-url=https://example.com/" + "x".repeat(120))
                .run(started -> assertThat(rootMessage(started.getStartupFailure()))
                        .contains("notify-url must be at most 128 characters"));
    }

    private static String[] complete() {
        return new String[] {"orchestrator.huifu.base-url=http://127.0.0.1:9",
                "orchestrator.huifu.sys-id=6666000100000000", "orchestrator.huifu.product-id=PAYUN",
                "orchestrator.huifu.merchant-private-key=" + HuifuKeys.toBase64(MERCHANT.getPrivate()),
                "orchestrator.huifu.huifu-public-key=" + HuifuKeys.toBase64(HUIFU.getPublic()),
                "orchestrator.huifu.notify-url=http://127.0.0.1:9/huifu/notify/withdrawal"};
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    private static String fullText(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause()) {
            text.append(t).append('\n');
        }
        return text.toString();
    }
}
