package org.flatracoon.netstack.site.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class PrefixTest {

    @Test
    void writesIpv6TheWayRfc5952Does() {
        assertThat(Prefix.parse("fd64:ff9b:0:0:0:0:0:0/96")).hasToString("fd64:ff9b::/96");
        assertThat(Prefix.parse("2001:db8:0:1:0:0:0:1/128")).hasToString("2001:db8:0:1::1/128");
        assertThat(Prefix.parse("::/0")).hasToString("::/0");
        assertThat(Prefix.parse("203.0.113.184/29")).hasToString("203.0.113.184/29");
    }

    @Test
    void containsWhatIsInsideAndNothingElse() {
        Prefix pool = Prefix.parse("203.0.113.184/29");
        assertThat(pool.contains(Prefix.literal("203.0.113.191"))).isTrue();
        assertThat(pool.contains(Prefix.literal("203.0.113.192"))).isFalse();
        assertThat(pool.contains(Prefix.literal("fd64::1"))).isFalse();
    }

    @Test
    void refusesNamesInsteadOfLookingThemUp() {
        assertThatThrownBy(() -> Prefix.parse("example.com/24")).hasMessageContaining("is not an IPv4 or IPv6 address");
    }
}
