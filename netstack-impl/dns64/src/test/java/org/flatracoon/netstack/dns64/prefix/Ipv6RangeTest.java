package org.flatracoon.netstack.dns64.prefix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class Ipv6RangeTest {

    @Test
    void theDefaultExclusionHoldsIpv4MappedAddressesOnly() throws Exception {
        assertThat(Ipv6Range.IPV4_MAPPED.contains(Pref64Test.v6("::ffff:198.51.100.40"))).isTrue();
        assertThat(Ipv6Range.IPV4_MAPPED.contains(Pref64Test.v6("::198.51.100.40"))).isFalse();
        assertThat(Ipv6Range.IPV4_MAPPED.contains(Pref64Test.v6("2001:db8::40"))).isFalse();
    }

    @Test
    void lengthsThatAreNotMultiplesOfEight() throws Exception {
        Ipv6Range range = Ipv6Range.parse("2001:db8:8000::/33");
        assertThat(range.contains(Pref64Test.v6("2001:db8:ffff::1"))).isTrue();
        assertThat(range.contains(Pref64Test.v6("2001:db8:7fff::1"))).isFalse();
        assertThat(Ipv6Range.parse("::/0").contains(Pref64Test.v6("2001:db8::1"))).isTrue();
    }

    @Test
    void refusesWhatIsNotARange() {
        assertThatThrownBy(() -> Ipv6Range.parse("2001:db8::1/64")).hasMessageContaining("bits set after /64");
        assertThatThrownBy(() -> Ipv6Range.parse("2001:db8::/129")).hasMessageContaining("0..128");
        assertThatThrownBy(() -> Ipv6Range.parse("example.org/64")).hasMessageContaining("is not an IPv6 address");
    }

    @Test
    void formatsAddressesAsRfc5952Says() throws Exception {
        assertThat(Ipv6Text.format(Pref64Test.v6("2001:0db8:0:0:1:0:0:1"))).isEqualTo("2001:db8::1:0:0:1");
        assertThat(Ipv6Text.format(Pref64Test.v6("2001:db8:0:1:1:1:1:1"))).isEqualTo("2001:db8:0:1:1:1:1:1");
        assertThat(Ipv6Text.format(Pref64Test.v6("::"))).isEqualTo("::");
        assertThat(Ipv6Text.format(Pref64Test.v6("::1"))).isEqualTo("::1");
        assertThat(Ipv6Text.format(Pref64Test.v6("fd64:ff9b::"))).isEqualTo("fd64:ff9b::");
    }

    @Test
    void globalIpv4() throws Exception {
        assertThat(Ipv4Scope.isGlobal(Pref64Test.v4("192.0.43.10"))).isTrue();
        assertThat(Ipv4Scope.isGlobal(Pref64Test.v4("192.0.0.9"))).isTrue();
        for (String local : new String[] {"10.0.0.1", "127.0.0.1", "172.31.255.255", "192.168.1.1", "169.254.0.1",
            "100.64.0.1", "192.0.0.170", "192.0.2.33", "198.18.0.1", "198.51.100.10", "203.0.113.5", "224.0.0.1",
            "255.255.255.255", "0.0.0.0"}) {
            assertThat(Ipv4Scope.isGlobal(Pref64Test.v4(local))).as(local).isFalse();
        }
    }
}
