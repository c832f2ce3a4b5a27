package dev.trailhound.core.baseline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class NetworksTest {
    @ParameterizedTest
    @CsvSource({
            "203.0.113.7, 203.0.113.0/24",
            "10.0.0.255, 10.0.0.0/24",
            "2001:db8:1:2::7, 2001:db8:1::/48",
            "2001:0db8:0001:0002:0000:0000:0000:0007, 2001:db8:1::/48",
            "::1, 0:0:0::/48",
            "fe80::1%eth0, fe80:0:0::/48",
            "::ffff:192.0.2.1, 192.0.2.0/24"})
    void keepsTheNetworkOfAnAddress(String ip, String prefix) {
        assertEquals(prefix, Networks.prefixOf(ip));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AWS Internal", "ec2.amazonaws.com", "256.1.1.1", "1.2.3", "1.2.3.4.5", "1..2.3", "2001:db8::1::2",
            "12345::1", "g::1", ""})
    void valuesThatAreNotAddressesHaveNoNetwork(String value) {
        assertNull(Networks.prefixOf(value));
    }
}
