package org.flatracoon.netstack.overlay.netconf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IpTest {
    @Test
    void ipv6IsWrittenInRfc5952Form() {
        assertThat(Ip.format(Ip.parse("2001:0db8:0:0:0:0:0:1"))).isEqualTo("2001:db8::1");
        assertThat(Ip.format(Ip.parse("2001:db8:0:1:0:0:0:0"))).isEqualTo("2001:db8:0:1::");
        assertThat(Ip.format(Ip.parse("2001:db8:0:0:1:0:0:1"))).isEqualTo("2001:db8::1:0:0:1");
        assertThat(Ip.format(Ip.parse("::"))).isEqualTo("::");
        assertThat(Ip.format(Ip.parse("fd00::"))).isEqualTo("fd00::");
        assertThat(Ip.format(Ip.parse("2001:db8:1:2:3:4:5:6"))).isEqualTo("2001:db8:1:2:3:4:5:6");
        assertThat(Ip.format(Ip.parse("2001:db8:1:0:3:4:5:6"))).isEqualTo("2001:db8:1:0:3:4:5:6");
        assertThat(Ip.format(Ip.parse("198.51.100.7"))).isEqualTo("198.51.100.7");
        assertThat(Ip.Cidr.parse("2001:db8:a2:1::5/64")).hasToString("2001:db8:a2:1::/64");
    }

    @Test
    void namesAreNeverLookedUp() {
        assertThatThrownBy(() -> Ip.parse("example.org")).hasMessageContaining("not an IP address");
        assertThatThrownBy(() -> Ip.Cidr.parse("10.0.0.0/33")).hasMessageContaining("0..32");
    }
}
