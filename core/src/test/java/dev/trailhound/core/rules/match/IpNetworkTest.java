package dev.trailhound.core.rules.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IpNetworkTest {
    @Test
    void contains_addresses_of_its_prefix_only() {
        IpNetwork n = IpNetwork.parse("198.51.100.0/23");
        assertThat(n.contains("198.51.101.255")).isTrue();
        assertThat(n.contains("198.51.102.0")).isFalse();
        assertThat(IpNetwork.parse("0.0.0.0/0").contains("203.0.113.9")).isTrue();
        assertThat(IpNetwork.parse("2001:db8::/32").contains("2001:db8:1::7")).isTrue();
        assertThat(IpNetwork.parse("2001:db8::/32").contains("2001:db9::1")).isFalse();
    }

    @Test
    void values_that_are_not_addresses_never_match_and_are_never_looked_up() {
        IpNetwork n = IpNetwork.parse("0.0.0.0/0");
        assertThat(n.contains("AWS Internal")).isFalse();
        assertThat(n.contains("ec2.amazonaws.com")).isFalse();
        assertThat(n.contains("256.1.1.1")).isFalse();
        assertThat(n.contains("1.2.3")).isFalse();
        assertThat(n.contains("2001:db8::1")).isFalse();
    }

    @Test
    void bad_networks_are_refused_with_a_reason() {
        assertThatThrownBy(() -> IpNetwork.parse("10.0.0.0/33")).hasMessageContaining("prefix length");
        assertThatThrownBy(() -> IpNetwork.parse("example.com/24")).hasMessageContaining("not an IP network");
    }
}
