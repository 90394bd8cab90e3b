package org.flatracoon.lab.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** Reading a datagram's payload out of tcpdump -x, and what the recorder runs. */
class UdpRecorderTest {

    // tcpdump -nn -x of a 12-byte UDP payload "overlay-test" from 198.51.100.10:9993 to 198.51.100.18:9993
    private static final String CAPTURE = """
            04:31:07.000000 IP 198.51.100.10.9993 > 198.51.100.18.9993: UDP, length 12
            \t0x0000:  4500 0028 1c46 4000 3f11 0000 c633 640a
            \t0x0010:  c633 6412 2709 2709 0014 0000 6f76 6572
            \t0x0020:  6c61 792d 7465 7374 0000 0000 0000
            """;

    @Test
    void thePayloadIsWhatFollowsTheIpAndUdpHeadersWithoutEthernetPadding() {
        assertThat(new String(UdpRecorder.udpPayload(CAPTURE))).isEqualTo("overlay-test");
    }

    @Test
    void somethingThatIsNotUdpIsRefusedWithWhatWasSeen() {
        String tcp = CAPTURE.replace("3f11", "3f06");
        assertThatThrownBy(() -> UdpRecorder.udpPayload(tcp)).isInstanceOf(ProbeException.class)
                .hasMessageContaining("not an IPv4 UDP datagram");
    }

    @Test
    void recordsWithTcpdumpAndSendsTheSameBytes() {
        FakeNode router = new FakeNode("underlay").answers("timeout", FakeNode.ok(CAPTURE)).answers("bash", FakeNode.ok(""));
        UdpRecorder recorder = new UdpRecorder(router);

        byte[] payload = recorder.recordOne("eth3", "udp and src host 198.51.100.10", Duration.ofSeconds(10));
        recorder.send(payload, "198.51.100.18", 9993);

        assertThat(router.commands().get(0)).containsSubsequence("tcpdump", "-i", "eth3")
                .contains("udp and src host 198.51.100.10");
        assertThat(router.commands().get(1)).contains(HexFormat.of().formatHex("overlay-test".getBytes()),
                "198.51.100.18", "9993");
    }

    @Test
    void nothingRecordedInTimeSaysWhatWasAwaited() {
        FakeNode router = new FakeNode("underlay").answers("timeout", FakeNode.failed(124, "", "0 packets captured"));
        assertThatThrownBy(() -> new UdpRecorder(router).recordOne("eth3", "udp port 9993", Duration.ofSeconds(2)))
                .hasMessageContaining("udp port 9993").hasMessageContaining("eth3").hasMessageContaining("2 s");
    }
}
