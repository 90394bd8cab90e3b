package org.flatracoon.netstack.hesiod.maps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ServiceEntryTest {

    @Test
    void parsesWhitespaceOrSemicolonSeparatedFields() {
        ServiceEntry expected = new ServiceEntry("ldap", "tcp", 389, List.of("ldap-server", "directory"));
        assertThat(ServiceEntry.parse("ldap tcp 389 ldap-server directory")).isEqualTo(expected);
        assertThat(ServiceEntry.parse("ldap;tcp;389;ldap-server;directory")).isEqualTo(expected);
        assertThat(ServiceEntry.parse(" ldap ; tcp\t389  ldap-server;directory; ")).isEqualTo(expected);
    }

    @Test
    void roundTrips() {
        for (String txt : List.of("zephyr udp 2102", "web tcp 443 https", "any tcp 0", "max udp 65535 a b c")) {
            assertThat(ServiceEntry.parse(txt).format()).isEqualTo(txt);
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "zephyr udp              | expected at least 3 fields (name proto port), got 2",
        "''                      | expected at least 3 fields (name proto port), got 0",
        "zephyr udp port         | port 'port' is not a number",
        "zephyr udp -1           | port '-1' is negative",
        "zephyr udp 65536        | port '65536' is out of range (0..65535)",
        "twingate.svc:443:tcp    | expected at least 3 fields (name proto port), got 1"
    })
    void rejectsBadPayloads(String txt, String message) {
        assertThatThrownBy(() -> ServiceEntry.parse(txt)).isInstanceOf(HesiodFormatException.class).hasMessage(message);
    }

    @Test
    void constructorChecksThePortRange() {
        assertThatThrownBy(() -> new ServiceEntry("x", "tcp", 70000, List.of()))
                .hasMessage("port 70000 is out of range (0..65535)");
    }
}
