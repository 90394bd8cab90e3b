package org.flatracoon.lab.docker;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class HostBridgesTest {

    @Test
    void aBridgeIsNamedAfterTheFirstTwelveHexDigitsOfItsNetwork() {
        assertThat(HostBridges.ofNetworks(List.of("0123456789abcdef0123")).names()).containsExactly("br-0123456789ab");
    }

    @Test
    void anInterfaceStillOnTheMachineIsReportedAndAMissingOneIsNot() {
        // The loopback interface stands in for a bridge that was not removed.
        boolean linux = Files.isDirectory(Path.of("/sys/class/net/lo"));
        HostBridges bridges = new HostBridges(List.of("lo", "br-000000000000"));
        assertThat(bridges.stillPresent()).isEqualTo(linux ? List.of("lo") : List.of());
    }
}
