package io.payout.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import org.junit.jupiter.api.Test;

class SourceNetworksTest {

    @Test
    void allowsEverySourceWhenTheListIsEmpty() {
        SourceNetworks off = SourceNetworks.of(List.of());

        assertThat(off.isOff()).isTrue();
        assertThat(off.allows("203.0.113.9")).isTrue();
    }

    @Test
    void matchesIpv4BlocksOnPrefixesThatAreNotWholeOctets() {
        SourceNetworks networks = SourceNetworks.of(List.of("172.16.16.0/20"));

        assertThat(networks.allows("172.16.16.1")).isTrue();
        assertThat(networks.allows("172.16.31.254")).isTrue();
        assertThat(networks.allows("172.16.32.1")).isFalse();
        assertThat(networks.allows("172.16.15.255")).isFalse();
    }

    @Test
    void matchesSingleAddressesIpv6AndIpv4MappedAddresses() {
        SourceNetworks networks = SourceNetworks.of(List.of("203.0.113.7", "2001:db8::/32", "10.0.0.0/8"));

        assertThat(networks.allows("203.0.113.7")).isTrue();
        assertThat(networks.allows("203.0.113.8")).isFalse();
        assertThat(networks.allows("2001:db8:0:0:0:0:0:1")).isTrue();
        assertThat(networks.allows("2001:db9::1")).isFalse();
        assertThat(networks.allows("::ffff:10.1.2.3")).isTrue();
    }

    @Test
    void refusesUnreadableSourceAddressesWhenTheListIsOn() {
        SourceNetworks networks = SourceNetworks.of(List.of("0.0.0.0/0"));

        assertThat(networks.allows("not-an-address")).isFalse();
        assertThat(networks.allows(null)).isFalse();
        assertThat(networks.allows("1.2.3.4")).isTrue();
    }

    @Test
    void failsFastOnHostNamesAndBadPrefixes() {
        assertThatIllegalArgumentException().isThrownBy(() -> SourceNetworks.of(List.of("huifu.com/24")));
        assertThatIllegalArgumentException().isThrownBy(() -> SourceNetworks.of(List.of("10.0.0.0/33")));
        assertThatIllegalArgumentException().isThrownBy(() -> SourceNetworks.of(List.of("10.0.0.0/x")));
    }
}
