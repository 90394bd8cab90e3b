package org.flatracoon.lab.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The RFC 6052 arithmetic the site steps judge answers by, against the RFC's own examples. */
class Nat64AddressTest {

    @Test
    void embedsAnIpv4AddressAsRfc6052Section24Shows() {
        assertThat(Nat64Address.embed("2001:db8::/32", "192.0.2.33")).isEqualTo(Nat64Address.parse("2001:db8:c000:221::"));
        assertThat(Nat64Address.embed("2001:db8:100::/40", "192.0.2.33"))
                .isEqualTo(Nat64Address.parse("2001:db8:1c0:2:21::"));
        assertThat(Nat64Address.embed("2001:db8:122:344::/64", "192.0.2.33"))
                .isEqualTo(Nat64Address.parse("2001:db8:122:344:c0:2:2100:0"));
        assertThat(Nat64Address.embed("fd64:ff9b::/96", "203.0.113.162")).isEqualTo(Nat64Address.parse("fd64:ff9b::cb00:71a2"));
    }

    @Test
    void discoversThePrefixFromASynthesisedIpv4onlyArpaAddress() {
        assertThat(Nat64Address.discoveredFrom("fd64:ff9b::c000:aa")).hasValueSatisfying(p -> assertThat(p).endsWith("/96"));
        assertThat(Nat64Address.discoveredFrom("2001:db8:122:344:c0:0:aa00:0")).hasValueSatisfying(p -> assertThat(p).endsWith("/64"));
        assertThat(Nat64Address.discoveredFrom("2001:db8::1")).isEmpty();
    }

    @Test
    void insideMeansInsideThePrefixOnly() {
        assertThat(Nat64Address.inside("fd64:ff9b::/96", "fd64:ff9b::cb00:71a2")).isTrue();
        assertThat(Nat64Address.inside("fd64:ff9b::/96", "2001:db8:64:f080::80")).isFalse();
    }
}
