package org.flatracoon.lab.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import org.junit.jupiter.api.Test;

class IpPrefixTest {

    @Test
    void parsesAndPrintsIpv4() {
        IpPrefix prefix = IpPrefix.parse("192.0.2.0/24");

        assertThat(prefix.network()).isInstanceOf(Inet4Address.class);
        assertThat(prefix.network().getHostAddress()).isEqualTo("192.0.2.0");
        assertThat(prefix.length()).isEqualTo(24);
        assertThat(prefix).hasToString("192.0.2.0/24");
        assertThat(prefix.isIpv4()).isTrue();
    }

    @Test
    void parsesIpv6AndPrintsItCompressed() {
        IpPrefix prefix = IpPrefix.parse("2001:0DB8:0001:0000:0000:0000:0000:0000/64");

        assertThat(prefix.network()).isInstanceOf(Inet6Address.class);
        assertThat(prefix).hasToString("2001:db8:1::/64");
        assertThat(prefix.isIpv4()).isFalse();
    }

    @Test
    void rejectsHostBitsAndBadLengths() {
        assertThatThrownBy(() -> IpPrefix.parse("192.0.2.10/24"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("host bits").hasMessageContaining("192.0.2.0/24");
        assertThatThrownBy(() -> IpPrefix.parse("192.0.2.0/33")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpPrefix.parse("2001:db8::/129")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpPrefix.parse("192.0.2.0")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> IpPrefix.parse("example.org/24")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void constructorClearsHostBitsSoEqualNetworksAreEqual() {
        IpPrefix fromHost = new IpPrefix(InterfaceAddress.parse("198.51.100.77/24").address(), 24);

        assertThat(fromHost).isEqualTo(IpPrefix.parse("198.51.100.0/24"));
        assertThat(fromHost.hashCode()).isEqualTo(IpPrefix.parse("198.51.100.0/24").hashCode());
    }

    @Test
    void containsChecksFamilyAndNetworkBits() {
        IpPrefix v4 = IpPrefix.parse("203.0.113.128/25");
        IpPrefix v6 = IpPrefix.parse("2001:db8:1::/64");

        assertThat(v4.contains(address("203.0.113.128"))).isTrue();
        assertThat(v4.contains(address("203.0.113.255"))).isTrue();
        assertThat(v4.contains(address("203.0.113.127"))).isFalse();
        assertThat(v4.contains(address("2001:db8:1::1"))).isFalse();
        assertThat(v6.contains(address("2001:db8:1:0:ffff:ffff:ffff:ffff"))).isTrue();
        assertThat(v6.contains(address("2001:db8:2::1"))).isFalse();
        assertThat(IpPrefix.parse("0.0.0.0/0").contains(address("198.51.100.1"))).isTrue();
    }

    @Test
    void overlapsWhenOneContainsTheOther() {
        assertThat(IpPrefix.parse("198.51.100.0/24").overlaps(IpPrefix.parse("198.51.100.128/25"))).isTrue();
        assertThat(IpPrefix.parse("198.51.100.128/25").overlaps(IpPrefix.parse("198.51.100.0/24"))).isTrue();
        assertThat(IpPrefix.parse("198.51.100.0/25").overlaps(IpPrefix.parse("198.51.100.128/25"))).isFalse();
        assertThat(IpPrefix.parse("2001:db8::/32").overlaps(IpPrefix.parse("192.0.2.0/24"))).isFalse();
    }

    @Test
    void hostAtCountsFromTheNetworkAddress() {
        IpPrefix v4 = IpPrefix.parse("192.0.2.0/24");
        IpPrefix v6 = IpPrefix.parse("2001:db8:1::/64");

        assertThat(v4.hostAt(0).getHostAddress()).isEqualTo("192.0.2.0");
        assertThat(v4.hostAt(1).getHostAddress()).isEqualTo("192.0.2.1");
        assertThat(v4.hostAt(254).getHostAddress()).isEqualTo("192.0.2.254");
        assertThat(IpText.format(v6.hostAt(1))).isEqualTo("2001:db8:1::1");
        assertThat(IpText.format(v6.hostAt(0x1_0000L))).isEqualTo("2001:db8:1::1:0");
        assertThat(IpText.format(v6.hostAt(Long.MAX_VALUE))).isEqualTo("2001:db8:1:0:7fff:ffff:ffff:ffff");
        assertThat(v6.hostAt(1)).isInstanceOf(Inet6Address.class);
    }

    @Test
    void hostAtRejectsOffsetsOutsideThePrefix() {
        IpPrefix v4 = IpPrefix.parse("192.0.2.0/24");

        assertThatThrownBy(() -> v4.hostAt(256)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> v4.hostAt(-1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lastHostSkipsTheIpv4BroadcastAddress() {
        assertThat(IpPrefix.parse("192.0.2.0/24").lastHost().getHostAddress()).isEqualTo("192.0.2.254");
        assertThat(IpPrefix.parse("198.51.100.128/25").lastHost().getHostAddress()).isEqualTo("198.51.100.254");
        assertThat(IpPrefix.parse("203.0.113.0/30").lastHost().getHostAddress()).isEqualTo("203.0.113.2");
        // RFC 3021 point-to-point /31 and a single /32 have no broadcast address.
        assertThat(IpPrefix.parse("203.0.113.4/31").lastHost().getHostAddress()).isEqualTo("203.0.113.5");
        assertThat(IpPrefix.parse("203.0.113.9/32").lastHost().getHostAddress()).isEqualTo("203.0.113.9");
    }

    @Test
    void lastHostOfIpv6IsTheLastAddress() {
        assertThat(IpText.format(IpPrefix.parse("2001:db8:1::/64").lastHost()))
                .isEqualTo("2001:db8:1:0:ffff:ffff:ffff:ffff");
        assertThat(IpText.format(IpPrefix.parse("2001:db8:1::/127").lastHost())).isEqualTo("2001:db8:1::1");
    }

    private static java.net.InetAddress address(String text) {
        return IpText.parseAddress(text);
    }
}
