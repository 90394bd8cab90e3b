package org.flatracoon.lab.probe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading what tcpdump -w wrote: frames, ICMP echoes by direction, and files that are not captures. */
class PcapFileTest {

    /** An Ethernet frame carrying an IPv4 ICMP message of the given type. */
    private static byte[] icmpFrame(int type, int[] from, int[] to) {
        byte[] frame = new byte[14 + 20 + 8];
        frame[12] = 0x08; // IPv4
        frame[14] = 0x45; // version 4, header 5 words
        frame[23] = 1; // ICMP
        for (int i = 0; i < 4; i++) {
            frame[26 + i] = (byte) from[i];
            frame[30 + i] = (byte) to[i];
        }
        frame[34] = (byte) type;
        return frame;
    }

    private static byte[] pcap(ByteOrder order, byte[]... frames) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteBuffer header = ByteBuffer.allocate(24).order(order);
        header.putInt(0xa1b2c3d4).putShort((short) 2).putShort((short) 4).putInt(0).putInt(0).putInt(262144).putInt(1);
        out.writeBytes(header.array());
        for (byte[] frame : frames) {
            ByteBuffer record = ByteBuffer.allocate(16).order(order);
            record.putInt(1).putInt(0).putInt(frame.length).putInt(frame.length);
            out.writeBytes(record.array());
            out.writeBytes(frame);
        }
        return out.toByteArray();
    }

    private static final int[] A = {198, 51, 100, 193};
    private static final int[] B = {198, 51, 100, 194};

    @Test
    void countsEchoRequestsAndRepliesByDirectionInEitherByteOrder(@TempDir Path dir) throws IOException {
        for (ByteOrder order : new ByteOrder[] {ByteOrder.LITTLE_ENDIAN, ByteOrder.BIG_ENDIAN}) {
            Path file = Files.write(dir.resolve("a.pcap"), pcap(order, icmpFrame(8, A, B), icmpFrame(0, B, A),
                    icmpFrame(8, A, B), icmpFrame(0, B, A)));

            PcapFile capture = PcapFile.read(file);

            assertThat(capture.linkType()).isEqualTo(PcapFile.ETHERNET);
            assertThat(capture.frames()).hasSize(4);
            assertThat(capture.icmp(8, "198.51.100.193", "198.51.100.194")).isEqualTo(2);
            assertThat(capture.icmp(0, "198.51.100.194", "198.51.100.193")).isEqualTo(2);
            assertThat(capture.icmp(8, "198.51.100.194", "198.51.100.193")).isZero();
            assertThat(capture.icmpFrom(8, "198.51.100.193")).isEqualTo(2);
        }
    }

    @Test
    void aPacketCutOffAtTheEndIsLeftOut(@TempDir Path dir) throws IOException {
        byte[] whole = pcap(ByteOrder.LITTLE_ENDIAN, icmpFrame(8, A, B), icmpFrame(8, A, B));
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 5);

        assertThat(PcapFile.read(Files.write(dir.resolve("cut.pcap"), cut)).frames()).hasSize(1);
    }

    @Test
    void aFileThatIsNotACaptureIsRefusedByName(@TempDir Path dir) throws IOException {
        Path text = Files.writeString(dir.resolve("notes.pcap"), "this is not a packet capture at all");
        Path empty = Files.write(dir.resolve("empty.pcap"), new byte[0]);

        assertThatThrownBy(() -> PcapFile.read(text)).hasMessageContaining("notes.pcap is not a pcap file");
        assertThatThrownBy(() -> PcapFile.read(empty)).hasMessageContaining("empty.pcap is too short");
    }
}
