package org.flatracoon.lab.probe;

import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.HexFormat;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;

/**
 * An attacker with a tap on a link, from a node at one of its ends: records one UDP
 * datagram with tcpdump, and sends bytes of its choosing to a UDP port (bash's /dev/udp). Both are
 * in every lab image.
 */
public final class UdpRecorder {

    private final LabNode node;

    public UdpRecorder(LabNode node) {
        this.node = node;
    }

    /**
     * Waits (up to {@code timeout}) for one IPv4 UDP datagram matching the tcpdump {@code filter} on
     * {@code device} and returns its payload.
     */
    public byte[] recordOne(String device, String filter, Duration timeout) {
        ExecResult result = node.exec(timeout.plusSeconds(5), "timeout", String.valueOf(timeout.toSeconds()),
                "tcpdump", "-i", device, "-nn", "-c", "1", "-x", filter);
        if (!result.succeeded()) {
            throw new ProbeException(node.name() + ": no datagram matching `" + filter + "` on " + device + " within "
                    + timeout.toSeconds() + " s: " + result.output().strip());
        }
        return udpPayload(result.stdout());
    }

    /** Sends {@code payload} as one datagram to {@code address}:{@code port} from this node. */
    public void send(byte[] payload, String address, int port) {
        // One write to bash's /dev/udp socket is one datagram (Debian's busybox nc has no UDP).
        ExecResult result = node.exec("bash", "-c", "printf '%s' \"$0\" | busybox xxd -r -p > /tmp/datagram"
                + " && cat /tmp/datagram > \"/dev/udp/$1/$2\"", HexFormat.of().formatHex(payload), address,
                String.valueOf(port));
        if (!result.succeeded()) {
            throw new ProbeException(node.name() + ": could not send a datagram to " + address + ":" + port + ": "
                    + result.output().strip());
        }
    }

    /**
     * The UDP payload of the first packet in tcpdump's {@code -x} output (hex from the IPv4 header on,
     * 16 bytes a line after an offset): the IPv4 header's own length, then 8 bytes of UDP header.
     */
    static byte[] udpPayload(String tcpdumpHex) {
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        boolean started = false;
        for (String line : tcpdumpHex.split("\n")) {
            String trimmed = line.strip();
            if (trimmed.startsWith("0x")) {
                started = true;
                String hex = trimmed.substring(trimmed.indexOf(':') + 1).replace(" ", "");
                packet.writeBytes(HexFormat.of().parseHex(hex));
            } else if (started) {
                break;
            }
        }
        byte[] bytes = packet.toByteArray();
        if (bytes.length < 28 || (bytes[0] & 0xf0) != 0x40 || bytes[9] != 17) {
            throw new ProbeException("the recorded packet is not an IPv4 UDP datagram: " + HexFormat.of().formatHex(bytes));
        }
        int headerLength = (bytes[0] & 0x0f) * 4;
        int udpLength = ((bytes[headerLength + 4] & 0xff) << 8) | (bytes[headerLength + 5] & 0xff);
        int payloadStart = headerLength + 8;
        int payloadEnd = Math.min(bytes.length, headerLength + udpLength);
        byte[] payload = new byte[payloadEnd - payloadStart];
        System.arraycopy(bytes, payloadStart, payload, 0, payload.length);
        return payload;
    }
}
