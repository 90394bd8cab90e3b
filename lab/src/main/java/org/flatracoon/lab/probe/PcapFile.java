package org.flatracoon.lab.probe;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A packet capture as tcpdump -w writes it (classic pcap: a global header, then per packet a
 * 16-byte record header and the frame), read just far enough to count ICMP echoes on an
 * Ethernet link. A capture still being written (packet-buffered) reads up to its last whole packet.
 */
public record PcapFile(int linkType, List<byte[]> frames) {

    public static final int ETHERNET = 1;

    public PcapFile {
        frames = List.copyOf(frames);
    }

    public static PcapFile read(Path file) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(file));
        if (in.remaining() < 24) {
            throw new IOException(file + " is too short for a pcap file (" + in.remaining() + " bytes)");
        }
        int magic = in.order(ByteOrder.LITTLE_ENDIAN).getInt(0);
        if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
            in.order(ByteOrder.BIG_ENDIAN);
            magic = in.getInt(0);
            if (magic != 0xa1b2c3d4 && magic != 0xa1b23c4d) {
                throw new IOException(file + " is not a pcap file (magic " + Integer.toHexString(magic) + ")");
            }
        }
        int linkType = in.getInt(20);
        in.position(24);
        List<byte[]> frames = new ArrayList<>();
        while (in.remaining() >= 16) {
            in.getInt(); // seconds
            in.getInt(); // micro- or nanoseconds
            int captured = in.getInt();
            in.getInt(); // original length
            if (captured < 0 || captured > in.remaining()) {
                break; // the packet being written when the file was read
            }
            byte[] frame = new byte[captured];
            in.get(frame);
            frames.add(frame);
        }
        return new PcapFile(linkType, frames);
    }

    /** Frames that are IPv4 ICMP messages of {@code icmpType} (8 echo request, 0 echo reply) from → to. */
    public long icmp(int icmpType, String from, String to) {
        return frames.stream().filter(frame -> isIcmp(frame, icmpType)
                && address(frame, 26).equals(from) && address(frame, 30).equals(to)).count();
    }

    /** Frames that are IPv4 ICMP messages of {@code icmpType} from {@code from}, to anywhere. */
    public long icmpFrom(int icmpType, String from) {
        return frames.stream().filter(frame -> isIcmp(frame, icmpType) && address(frame, 26).equals(from)).count();
    }

    private static boolean isIcmp(byte[] frame, int icmpType) {
        return frame.length > 34
                && (frame[12] & 0xff) == 0x08 && frame[13] == 0x00                 // EtherType IPv4
                && frame[23] == 1                                                      // protocol ICMP
                && frame.length > 14 + (frame[14] & 0x0f) * 4
                && (frame[14 + (frame[14] & 0x0f) * 4] & 0xff) == icmpType;
    }

    private static String address(byte[] frame, int at) {
        return (frame[at] & 0xff) + "." + (frame[at + 1] & 0xff) + "." + (frame[at + 2] & 0xff) + "." + (frame[at + 3] & 0xff);
    }
}
