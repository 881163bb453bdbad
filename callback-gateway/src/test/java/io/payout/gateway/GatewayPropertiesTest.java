package io.payout.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class GatewayPropertiesTest {

    @Test
    void refusesAPublishTimeoutThatHuifuWouldNotWaitFor() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> properties(Duration.ofSeconds(5)))
                .withMessageContaining("gateway.publish-timeout");
    }

    @Test
    void refusesOneTopicForBothKindsOfNotice() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> new GatewayProperties("key", "huifu.notifications", "huifu.notifications",
                        Duration.ofSeconds(2), 65536, List.of(), 6, (short) 1, Duration.ofMillis(1)))
                .withMessageContaining("must differ");
    }

    @Test
    void neverPrintsTheKey() {
        assertThat(properties(Duration.ofSeconds(2)).toString()).doesNotContain("MIIB").contains("<set>");
    }

    private static GatewayProperties properties(Duration publishTimeout) {
        return new GatewayProperties("MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA", "huifu.notifications",
                "huifu.account-notices", publishTimeout, 65536, List.of(), 6, (short) 1, Duration.ofMillis(1));
    }
}
