package io.payout.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

class SandboxPropertiesTest {

    @Test
    void defaultsMatchTheAgreedInterfaces() {
        SandboxProperties properties = bind(Map.of("sandbox.merchant-public-key", "x"));

        assertThat(properties.sysId()).isEqualTo("6666000100000000");
        assertThat(properties.productId()).isEqualTo("PAYUN");
        assertThat(properties.accountingDelay()).isEqualTo(Duration.ofMillis(200));
        assertThat(properties.payoutDelay()).isEqualTo(Duration.ofMillis(300));
        assertThat(properties.timeCompression()).isEqualTo(1.0);
        assertThat(properties.seed()).isEqualTo(42L);
        assertThat(properties.notification().timeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(properties.notification().retryInterval()).isEqualTo(Duration.ofMillis(100));
        assertThat(properties.notification().maxRetries()).isEqualTo(3);
        assertThat(properties.persistentState()).as("in memory unless asked").isEmpty();
    }

    @Test
    void stateDirIsAFolderPath() {
        SandboxProperties properties = bind(Map.of("sandbox.state-dir", "/var/tmp/huifu-sandbox"));

        assertThat(properties.persistentState()).contains(java.nio.file.Path.of("/var/tmp/huifu-sandbox"));
    }

    @Test
    void faultRatesNeedNameOnlyTheFaultsSwitchedOn() {
        SandboxProperties properties = bind(Map.of(
                "sandbox.faults.rates.payout-fail", "0.1",
                "sandbox.faults.accounts.6666000100000001.http502", "1",
                "sandbox.holidays", "2026-10-01,2026-10-02",
                "sandbox.notify.max-retries", "5"));

        assertThat(properties.faults().rates().payoutFail()).isEqualTo(0.1);
        assertThat(properties.faults().rates().noAnswer()).isZero();
        assertThat(properties.faults().accounts().get("6666000100000001").http502()).isEqualTo(1.0);
        assertThat(properties.holidayDates()).containsExactlyInAnyOrder(LocalDate.of(2026, 10, 1),
                LocalDate.of(2026, 10, 2));
        assertThat(properties.notification().maxRetries()).isEqualTo(5);
    }

    @Test
    void malformedHolidayFailsAtStart() {
        assertThatThrownBy(() -> bind(Map.of("sandbox.holidays", "2026-13-01")))
                .hasStackTraceContaining("2026-13-01");
    }

    private static SandboxProperties bind(Map<String, String> values) {
        return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("sandbox", SandboxProperties.class);
    }
}
