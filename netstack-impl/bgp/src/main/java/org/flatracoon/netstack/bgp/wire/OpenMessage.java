package org.flatracoon.netstack.bgp.wire;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * An OPEN (RFC 4271 §4.2) with its capabilities (RFC 5492). {@code myAs} is the 2-octet field; {@link #asn()} is
 * the real ASN (from capability 65 when present, RFC 6793).
 */
public record OpenMessage(int version, int myAs, int holdTime, long bgpId, List<Capability> capabilities) {
    public static final int VERSION = 4;
    private static final int CAPABILITIES_PARAMETER = 2;

    public OpenMessage {
        capabilities = List.copyOf(capabilities);
    }

    /** Our OPEN: version 4, AS_TRANS in My AS when the ASN needs four octets. */
    public static OpenMessage of(long asn, int holdTime, long bgpId, List<Capability> capabilities) {
        int my = asn > 0xFFFF ? AsPath.AS_TRANS : (int) asn;
        return new OpenMessage(VERSION, my, holdTime, bgpId, capabilities);
    }

    public long asn() {
        for (Capability c : capabilities) {
            if (c.code() == Capability.FOUR_OCTET_AS && c.value().length == 4) {
                return ByteBuffer.wrap(c.value()).getInt() & 0xFFFF_FFFFL;
            }
        }
        return myAs;
    }

    public boolean has(int code) {
        return capabilities.stream().anyMatch(c -> c.code() == code);
    }

    public boolean fourOctetAs() {
        return has(Capability.FOUR_OCTET_AS);
    }

    /**
     * Families offered with capability 1. RFC 4760 §8: a speaker that sends no capability at all is taken to
     * offer IPv4 unicast only.
     */
    public Set<Family> families() {
        Set<Family> out = EnumSet.noneOf(Family.class);
        boolean anyMp = false;
        for (Capability c : capabilities) {
            if (c.code() == Capability.MULTIPROTOCOL && c.value().length == 4) {
                anyMp = true;
                byte[] v = c.value();
                Family.of(((v[0] & 0xFF) << 8) | (v[1] & 0xFF), v[3] & 0xFF).ifPresent(out::add);
            }
        }
        if (!anyMp) {
            out.add(Family.IPV4);
        }
        return out;
    }

    public List<String> capabilityNames() {
        return capabilities.stream().map(Capability::name).toList();
    }

    public byte[] encode() {
        ByteArrayOutputStream caps = new ByteArrayOutputStream();
        for (Capability c : capabilities) {
            byte[] v = c.value();
            caps.write(c.code());
            caps.write(v.length);
            caps.writeBytes(v);
        }
        byte[] capBytes = caps.toByteArray();
        ByteBuffer body = ByteBuffer.allocate(10 + (capBytes.length > 0 ? 2 + capBytes.length : 0));
        body.put((byte) version).putShort((short) myAs).putShort((short) holdTime).putInt((int) bgpId);
        if (capBytes.length > 0) {
            body.put((byte) (capBytes.length + 2)).put((byte) CAPABILITIES_PARAMETER).put((byte) capBytes.length)
                    .put(capBytes);
        } else {
            body.put((byte) 0);
        }
        return Messages.message(Messages.OPEN, body.array());
    }

    /**
     * Decodes an OPEN body and checks what can be checked without configuration (RFC 4271 §6.2): version,
     * hold time, identifier, parameter layout. The peer's AS is checked by the session, which knows what it
     * expects. Supports RFC 9072 extended parameter lengths.
     */
    public static Decoded<OpenMessage> decode(ByteBuffer body) {
        if (body.remaining() < 10) {
            return Decoded.error(Notification.withShort(Notification.HEADER_ERROR, Notification.BAD_MESSAGE_LENGTH,
                    body.remaining() + Messages.HEADER_LENGTH));
        }
        int version = body.get() & 0xFF;
        if (version != VERSION) {
            return Decoded.error(Notification.withShort(Notification.OPEN_ERROR, Notification.UNSUPPORTED_VERSION, VERSION));
        }
        int myAs = body.getShort() & 0xFFFF;
        int hold = body.getShort() & 0xFFFF;
        long id = body.getInt() & 0xFFFF_FFFFL;
        int paramsLength = body.get() & 0xFF;
        boolean extended = false;
        if (paramsLength == 255 && body.remaining() >= 3 && (body.get(body.position()) & 0xFF) == 255) {
            body.get();
            paramsLength = body.getShort() & 0xFFFF;
            extended = true;
        }
        if (paramsLength != body.remaining()) {
            return Decoded.error(Notification.of(Notification.OPEN_ERROR, 0));
        }
        List<Capability> caps = new ArrayList<>();
        while (body.hasRemaining()) {
            int need = extended ? 3 : 2;
            if (body.remaining() < need) {
                return Decoded.error(Notification.of(Notification.OPEN_ERROR, 0));
            }
            int type = body.get() & 0xFF;
            int len = extended ? body.getShort() & 0xFFFF : body.get() & 0xFF;
            if (len > body.remaining()) {
                return Decoded.error(Notification.of(Notification.OPEN_ERROR, 0));
            }
            if (type != CAPABILITIES_PARAMETER) {
                return Decoded.error(Notification.of(Notification.OPEN_ERROR, Notification.UNSUPPORTED_OPTIONAL_PARAMETER));
            }
            ByteBuffer p = body.slice(body.position(), len);
            body.position(body.position() + len);
            while (p.hasRemaining()) {
                if (p.remaining() < 2) {
                    return Decoded.error(Notification.of(Notification.OPEN_ERROR, 0));
                }
                int code = p.get() & 0xFF;
                int clen = p.get() & 0xFF;
                if (clen > p.remaining()) {
                    return Decoded.error(Notification.of(Notification.OPEN_ERROR, 0));
                }
                byte[] value = new byte[clen];
                p.get(value);
                caps.add(new Capability(code, value));
            }
        }
        if (hold == 1 || hold == 2) {
            return Decoded.error(Notification.of(Notification.OPEN_ERROR, Notification.UNACCEPTABLE_HOLD_TIME));
        }
        if (id == 0) {
            return Decoded.error(Notification.of(Notification.OPEN_ERROR, Notification.BAD_BGP_IDENTIFIER));
        }
        for (Capability c : caps) {
            if (c.code() == Capability.FOUR_OCTET_AS && (c.value().length != 4 || ByteBuffer.wrap(c.value()).getInt() == 0)) {
                return Decoded.error(Notification.of(Notification.OPEN_ERROR, Notification.BAD_PEER_AS));
            }
        }
        return Decoded.ok(new OpenMessage(version, myAs, hold, id, caps));
    }
}
