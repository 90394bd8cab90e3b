package org.flatracoon.netstack.dns64.prefix;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.Address;

class Pref64Test {

    /** RFC 6052 §2.4, the table of examples: 192.0.2.33 under each prefix length. */
    @ParameterizedTest(name = "{0} embeds 192.0.2.33 as {1}")
    @CsvSource({
        "2001:db8::/32,        2001:db8:c000:221::",
        "2001:db8:100::/40,    2001:db8:1c0:2:21::",
        "2001:db8:122::/48,    2001:db8:122:c000:2:2100::",
        "2001:db8:122:300::/56, 2001:db8:122:3c0:0:221::",
        "2001:db8:122:344::/64, 2001:db8:122:344:c0:2:2100:0",
        "2001:db8:122:344::/96, 2001:db8:122:344::192.0.2.33",
        "64:ff9b::/96,         64:ff9b::192.0.2.33",
    })
    void embedsAndExtractsTheRfc6052Examples(String prefix, String expected) throws Exception {
        Pref64 pref64 = Pref64.parse(prefix);
        Inet6Address embedded = pref64.embed(v4("192.0.2.33"));

        assertThat(embedded.getAddress()).isEqualTo(Address.toByteArray(expected, Address.IPv6));
        assertThat(pref64.extract(embedded)).contains(v4("192.0.2.33"));
    }

    @Test
    void theRfc6147ExampleUnderTheLabPrefix() throws Exception {
        assertThat(Ipv6Text.format(Pref64.parse("fd64:ff9b::/96").embed(v4("198.51.100.10"))))
                .isEqualTo("fd64:ff9b::c633:640a");
    }

    @Test
    void extractionRefusesANonZeroUOctetAndAddressesOutsideThePrefix() throws Exception {
        Pref64 pref64 = Pref64.parse("2001:db8:122:344::/64");

        assertThat(pref64.extract(v6("2001:db8:122:344:0100:c000:221:0"))).isEmpty(); // u octet 0x01
        assertThat(pref64.extract(v6("2001:db8:122:345:c0:2:2100:0"))).isEmpty();
    }

    @Test
    void theWellKnownPrefixRepresentsOnlyGlobalIpv4() throws Exception {
        assertThat(Pref64.WELL_KNOWN.isWellKnown()).isTrue();
        assertThat(Pref64.WELL_KNOWN.mayRepresent(v4("192.0.43.10"))).isTrue();
        assertThat(Pref64.WELL_KNOWN.mayRepresent(v4("10.1.2.3"))).isFalse();
        assertThat(Pref64.WELL_KNOWN.mayRepresent(v4("198.51.100.10"))).isFalse();
        Pref64 site = Pref64.parse("fd64:ff9b::/96");
        assertThat(site.isWellKnown()).isFalse();
        assertThat(site.mayRepresent(v4("10.1.2.3"))).isTrue();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "2001:db8::/33|RFC 6052 prefixes are /32, /40, /48, /56, /64 or /96, not /33",
        "2001:db8::1/32|has bits set after /32",
        "2001:db8:122:344:ff00::/96|bits 64-71 (the u octet) must be zero",
        "::ffff:0:0/96|IPv4-mapped",
        "fd64:ff9b::|has no length",
        "198.51.100.0/96|is not an IPv6 address",
        "fd64:ff9b::/x|the length is not a number",
    })
    void refusesPrefixesRfc6052DoesNotAllow(String text, String reason) {
        assertThatThrownBy(() -> Pref64.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(reason).hasMessageContaining(text);
    }

    @Test
    void reverseZoneOfThePrefix() {
        assertThat(Pref64.parse("fd64:ff9b::/96").reverseZone().toString())
                .isEqualTo("0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.b.9.f.f.4.6.d.f.ip6.arpa.");
        assertThat(Pref64.parse("2001:db8::/32").reverseZone().toString()).isEqualTo("8.b.d.0.1.0.0.2.ip6.arpa.");
    }

    @Test
    void printsInRfc5952Form() {
        assertThat(Pref64.parse("FD64:FF9B:0::/96")).hasToString("fd64:ff9b::/96");
        assertThat(Pref64.parse("2001:db8:122:344::/64")).hasToString("2001:db8:122:344::/64");
    }

    static Inet4Address v4(String text) throws Exception {
        return (Inet4Address) InetAddress.getByAddress(Address.toByteArray(text, Address.IPv4));
    }

    static Inet6Address v6(String text) throws Exception {
        return Inet6Address.getByAddress(null, Address.toByteArray(text, Address.IPv6), null);
    }
}
