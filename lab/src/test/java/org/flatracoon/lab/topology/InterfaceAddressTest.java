package org.flatracoon.lab.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class InterfaceAddressTest {

    @Test
    void parsesIpv4WithItsSubnet() {
        InterfaceAddress address = InterfaceAddress.parse("192.0.2.10/24");

        assertThat(address.address()).isInstanceOf(Inet4Address.class);
        assertThat(address.address().getHostAddress()).isEqualTo("192.0.2.10");
        assertThat(address.prefixLength()).isEqualTo(24);
        assertThat(address.subnet()).isEqualTo(IpPrefix.parse("192.0.2.0/24"));
        assertThat(address.isIpv4()).isTrue();
        assertThat(address).hasToString("192.0.2.10/24");
    }

    @Test
    void parsesIpv6AsInet6Address() {
        InterfaceAddress address = InterfaceAddress.parse("2001:db8:1::10/64");

        assertThat(address.address()).isInstanceOf(Inet6Address.class);
        assertThat(address.subnet()).hasToString("2001:db8:1::/64");
        assertThat(address.addressText()).isEqualTo("2001:db8:1::10");
        assertThat(address.isIpv4()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
            "2001:0db8:0001:0000:0000:0000:0000:0010/64, 2001:db8:1::10/64",
            "2001:DB8:1:0:0:0:0:10/64,                   2001:db8:1::10/64",
            "2001:db8:0:0:1:0:0:1/64,                    2001:db8::1:0:0:1/64",
            "2001:db8:0:1:1:1:1:1/64,                    2001:db8:0:1:1:1:1:1/64",
            "::1/128,                                    ::1/128",
            "::/0,                                       ::/0",
            "2001:db8::/32,                              2001:db8::/32",
            "fe80::1:2/64,                               fe80::1:2/64",
            "2001:db8::192.0.2.1/96,                     2001:db8::c000:201/96",
            "::ffff:192.0.2.1/128,                       ::ffff:192.0.2.1/128",
    })
    void printsIpv6InRfc5952Form(String written, String printed) {
        assertThat(InterfaceAddress.parse(written)).hasToString(printed);
    }

    @Test
    void ipv4MappedIpv6StaysIpv6() {
        assertThat(InterfaceAddress.parse("::ffff:192.0.2.1/128").isIpv4()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "192.0.2.10", "192.0.2.10/", "192.0.2.10/33", "192.0.2.10/-1", "192.0.2.10/2x",
            "192.0.2.256/24", "192.0.2/24", "10.1/8", "192.0.2.010/24", "192.0.2.1.5/24",
            "2001:db8:::1/64", "2001:db8::1::2/64", "2001:db8:1:2:3:4:5:6:7/64", "2001:db8::12345/64",
            "2001:db8::1/129", "fe80::1%eth0/64", "[2001:db8::1]/64", "example.org/24", "/24", "",
    })
    void rejectsWhatIsNotAnAddressWithPrefix(String text) {
        assertThatThrownBy(() -> InterfaceAddress.parse(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void missingPrefixLengthSuggestsTheForm() {
        assertThatThrownBy(() -> InterfaceAddress.parse("198.51.100.2"))
                .hasMessageContaining("no prefix length").hasMessageContaining("192.0.2.10/24");
    }

    @Test
    void equalityDependsOnlyOnBytesAndLength() throws Exception {
        InetAddress named = InetAddress.getByAddress("ns.example.org", new byte[] {(byte) 192, 0, 2, 53});

        assertThat(new InterfaceAddress(named, 24)).isEqualTo(InterfaceAddress.parse("192.0.2.53/24"));
        assertThat(new InterfaceAddress(named, 24)).hasToString("192.0.2.53/24");
    }

    @Test
    void constructorRejectsPrefixLengthOutOfRange() {
        InetAddress v4 = InterfaceAddress.parse("192.0.2.1/24").address();

        assertThatThrownBy(() -> new InterfaceAddress(v4, 33)).isInstanceOf(IllegalArgumentException.class);
    }
}
