package io.payout.orchestrator.reconciliation.statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DownloadHostsTest {

    private final DownloadHosts hosts = new DownloadHosts(URI.create("https://api.huifu.com"));

    @ParameterizedTest
    @ValueSource(strings = {"https://api.huifu.com/sandbox/files/f1?expires=1&token=t",
            "https://API.huifu.com:443/files/f1"})
    void acceptsTheConfiguredHost(String url) {
        assertThat(hosts.check(url)).hasHost(URI.create(url).getHost());
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://evil.example/files/f1", "http://api.huifu.com/files/f1",
            "https://api.huifu.com:8443/files/f1", "https://api.huifu.com.evil.example/f1",
            "https://user@api.huifu.com/f1", "file:///etc/passwd", "/files/f1", "https://169.254.169.254/latest"})
    void refusesAnyOtherHost(String url) {
        assertThatThrownBy(() -> hosts.check(url)).isInstanceOf(StatementRefused.class)
                .hasMessageContaining("another host");
    }

    @ParameterizedTest
    @ValueSource(strings = {"https://api.huifu.com/a b", "ht tp://x"})
    void refusesWhatIsNotAUrl(String url) {
        assertThatThrownBy(() -> hosts.check(url)).isInstanceOf(StatementRefused.class)
                .hasMessageContaining("not a URL");
    }
}
