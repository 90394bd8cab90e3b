package org.flatracoon.netstack.bgp.wire;

import java.nio.ByteBuffer;
import java.util.Arrays;

/**
 * The BGP message header (RFC 4271 §4.1) and the small fixed messages: KEEPALIVE, NOTIFICATION,
 * ROUTE-REFRESH (RFC 2918/7313).
 */
public final class Messages {
    public static final int HEADER_LENGTH = 19;
    public static final int MAX_LENGTH = 4096;
    public static final int OPEN = 1;
    public static final int UPDATE = 2;
    public static final int NOTIFICATION = 3;
    public static final int KEEPALIVE = 4;
    public static final int ROUTE_REFRESH = 5;

    private Messages() {
    }

    public static String typeName(int type) {
        return switch (type) {
            case OPEN -> "open";
            case UPDATE -> "update";
            case NOTIFICATION -> "notification";
            case KEEPALIVE -> "keepalive";
            case ROUTE_REFRESH -> "route-refresh";
            default -> "type-" + type;
        };
    }

    /**
     * Checks the header at {@code buffer}'s position (at least 19 bytes available) without consuming it and
     * returns the message length, or the NOTIFICATION the header calls for (RFC 4271 §6.1).
     */
    public static Decoded<Integer> checkHeader(ByteBuffer buffer) {
        int p = buffer.position();
        for (int i = 0; i < 16; i++) {
            if (buffer.get(p + i) != (byte) 0xFF) {
                return Decoded.error(Notification.of(Notification.HEADER_ERROR, Notification.CONNECTION_NOT_SYNCHRONIZED));
            }
        }
        int length = buffer.getShort(p + 16) & 0xFFFF;
        int type = buffer.get(p + 18) & 0xFF;
        if (type < OPEN || type > ROUTE_REFRESH) {
            return Decoded.error(Notification.of(Notification.HEADER_ERROR, Notification.BAD_MESSAGE_TYPE,
                    new byte[] {(byte) type}));
        }
        int min = switch (type) {
            case OPEN -> 29;
            case UPDATE -> 23;
            case NOTIFICATION -> 21;
            default -> HEADER_LENGTH;
        };
        boolean bad = length < min || length > MAX_LENGTH || (type == KEEPALIVE && length != HEADER_LENGTH);
        if (bad) {
            return Decoded.error(Notification.withShort(Notification.HEADER_ERROR, Notification.BAD_MESSAGE_LENGTH, length));
        }
        return Decoded.ok(length);
    }

    /** A message with the marker, length and type filled in; the body is copied after the header. */
    public static byte[] message(int type, byte[] body) {
        byte[] m = new byte[HEADER_LENGTH + body.length];
        Arrays.fill(m, 0, 16, (byte) 0xFF);
        m[16] = (byte) (m.length >>> 8);
        m[17] = (byte) m.length;
        m[18] = (byte) type;
        System.arraycopy(body, 0, m, HEADER_LENGTH, body.length);
        return m;
    }

    public static byte[] keepalive() {
        return message(KEEPALIVE, new byte[0]);
    }

    public static byte[] notification(Notification n) {
        byte[] data = n.data();
        // a NOTIFICATION must fit in one message; truncated data is still better than none
        int len = Math.min(data.length, MAX_LENGTH - HEADER_LENGTH - 2);
        byte[] body = new byte[2 + len];
        body[0] = (byte) n.code();
        body[1] = (byte) n.subcode();
        System.arraycopy(data, 0, body, 2, len);
        return message(NOTIFICATION, body);
    }

    /** The body of a NOTIFICATION (after the header). */
    public static Notification decodeNotification(ByteBuffer body) {
        int code = body.get() & 0xFF;
        int subcode = body.get() & 0xFF;
        byte[] data = new byte[body.remaining()];
        body.get(data);
        return Notification.of(code, subcode, data);
    }

    /** RFC 7313 subtypes of ROUTE-REFRESH. */
    public static final int REFRESH_REQUEST = 0;
    public static final int REFRESH_BEGIN = 1;
    public static final int REFRESH_END = 2;

    public static byte[] routeRefresh(Family family, int subtype) {
        return message(ROUTE_REFRESH, new byte[] {0, (byte) family.afi(), (byte) subtype, (byte) family.safi()});
    }

    /** A ROUTE-REFRESH body: AFI, subtype, SAFI. Unknown families and subtypes are the caller's to ignore. */
    public record RouteRefresh(int afi, int subtype, int safi) {
    }

    /**
     * The body of a ROUTE-REFRESH. RFC 7313 §5: a length other than 4 is error 7/1 with the whole message as data.
     */
    public static Decoded<RouteRefresh> decodeRouteRefresh(ByteBuffer body, byte[] wholeMessage) {
        if (body.remaining() != 4) {
            return Decoded.error(Notification.of(Notification.ROUTE_REFRESH_ERROR, Notification.INVALID_MESSAGE_LENGTH,
                    wholeMessage));
        }
        int afi = body.getShort() & 0xFFFF;
        int subtype = body.get() & 0xFF;
        int safi = body.get() & 0xFF;
        return Decoded.ok(new RouteRefresh(afi, subtype, safi));
    }
}
