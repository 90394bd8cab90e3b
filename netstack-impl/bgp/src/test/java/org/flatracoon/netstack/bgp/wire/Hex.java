package org.flatracoon.netstack.bgp.wire;

import java.nio.ByteBuffer;
import java.util.HexFormat;

/** Test bytes written as spaced hex, the way captures show them. */
public final class Hex {
    private Hex() {
    }

    public static byte[] bytes(String hex) {
        return HexFormat.of().parseHex(hex.replaceAll("\\s+", ""));
    }

    public static ByteBuffer buffer(String hex) {
        return ByteBuffer.wrap(bytes(hex));
    }

    public static String of(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    /** An UPDATE body from withdrawn, attributes and NLRI hex, with both lengths computed. */
    public static ByteBuffer update(String withdrawn, String attributes, String nlri) {
        byte[] w = bytes(withdrawn);
        byte[] a = bytes(attributes);
        byte[] n = bytes(nlri);
        return ByteBuffer.allocate(4 + w.length + a.length + n.length).putShort((short) w.length).put(w)
                .putShort((short) a.length).put(a).put(n).flip();
    }
}
