package org.flatracoon.netstack.bgp.wire;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * A NOTIFICATION (RFC 4271 §4.5): error code, subcode and data. Also the value that every decoding error
 * produces, so that whoever finds a problem hands the session exactly what must be sent.
 */
public record Notification(int code, int subcode, byte[] data) {
    public static final int HEADER_ERROR = 1;
    public static final int OPEN_ERROR = 2;
    public static final int UPDATE_ERROR = 3;
    public static final int HOLD_TIMER_EXPIRED = 4;
    public static final int FSM_ERROR = 5;
    public static final int CEASE = 6;
    public static final int ROUTE_REFRESH_ERROR = 7;

    // 1: message header
    public static final int CONNECTION_NOT_SYNCHRONIZED = 1;
    public static final int BAD_MESSAGE_LENGTH = 2;
    public static final int BAD_MESSAGE_TYPE = 3;
    // 2: OPEN
    public static final int UNSUPPORTED_VERSION = 1;
    public static final int BAD_PEER_AS = 2;
    public static final int BAD_BGP_IDENTIFIER = 3;
    public static final int UNSUPPORTED_OPTIONAL_PARAMETER = 4;
    public static final int UNACCEPTABLE_HOLD_TIME = 6;
    public static final int UNSUPPORTED_CAPABILITY = 7;
    // 3: UPDATE
    public static final int MALFORMED_ATTRIBUTE_LIST = 1;
    public static final int UNRECOGNIZED_WELL_KNOWN = 2;
    public static final int MISSING_WELL_KNOWN = 3;
    public static final int ATTRIBUTE_FLAGS_ERROR = 4;
    public static final int ATTRIBUTE_LENGTH_ERROR = 5;
    public static final int INVALID_ORIGIN = 6;
    public static final int INVALID_NEXT_HOP = 8;
    public static final int OPTIONAL_ATTRIBUTE_ERROR = 9;
    public static final int INVALID_NETWORK_FIELD = 10;
    public static final int MALFORMED_AS_PATH = 11;
    // 5: FSM (RFC 6608)
    public static final int FSM_UNSPECIFIED = 0;
    public static final int FSM_IN_OPEN_SENT = 1;
    public static final int FSM_IN_OPEN_CONFIRM = 2;
    public static final int FSM_IN_ESTABLISHED = 3;
    // 6: Cease (RFC 4486)
    public static final int MAX_PREFIXES = 1;
    public static final int ADMINISTRATIVE_SHUTDOWN = 2;
    public static final int PEER_DECONFIGURED = 3;
    public static final int ADMINISTRATIVE_RESET = 4;
    public static final int CONNECTION_REJECTED = 5;
    public static final int OTHER_CONFIGURATION_CHANGE = 6;
    public static final int CONNECTION_COLLISION = 7;
    public static final int OUT_OF_RESOURCES = 8;
    // 7: ROUTE-REFRESH (RFC 7313)
    public static final int INVALID_MESSAGE_LENGTH = 1;

    private static final byte[] NONE = new byte[0];

    public Notification {
        data = data == null ? NONE : data.clone();
    }

    public static Notification of(int code, int subcode) {
        return new Notification(code, subcode, NONE);
    }

    public static Notification of(int code, int subcode, byte[] data) {
        return new Notification(code, subcode, data);
    }

    /** A notification whose data is a 2-byte value (a bad length, a supported version). */
    public static Notification withShort(int code, int subcode, int value) {
        return new Notification(code, subcode, new byte[] {(byte) (value >>> 8), (byte) value});
    }

    @Override
    public byte[] data() {
        return data.clone();
    }

    /** {@code 6/2 (Cease, Administrative Shutdown)}, for logs and the status API. */
    public String describe() {
        String text = code + "/" + subcode + " (" + codeName() + (subcodeName().isEmpty() ? "" : ", " + subcodeName()) + ")";
        return data.length == 0 ? text : text + " data " + HexFormat.of().formatHex(data, 0, Math.min(data.length, 32));
    }

    public String codeName() {
        return switch (code) {
            case HEADER_ERROR -> "Message Header Error";
            case OPEN_ERROR -> "OPEN Message Error";
            case UPDATE_ERROR -> "UPDATE Message Error";
            case HOLD_TIMER_EXPIRED -> "Hold Timer Expired";
            case FSM_ERROR -> "Finite State Machine Error";
            case CEASE -> "Cease";
            case ROUTE_REFRESH_ERROR -> "ROUTE-REFRESH Message Error";
            default -> "unknown error code";
        };
    }

    public String subcodeName() {
        String[] names = switch (code) {
            case HEADER_ERROR -> new String[] {"", "Connection Not Synchronized", "Bad Message Length", "Bad Message Type"};
            case OPEN_ERROR -> new String[] {"", "Unsupported Version Number", "Bad Peer AS", "Bad BGP Identifier",
                "Unsupported Optional Parameter", "", "Unacceptable Hold Time", "Unsupported Capability"};
            case UPDATE_ERROR -> new String[] {"", "Malformed Attribute List", "Unrecognized Well-known Attribute",
                "Missing Well-known Attribute", "Attribute Flags Error", "Attribute Length Error", "Invalid ORIGIN Attribute",
                "", "Invalid NEXT_HOP Attribute", "Optional Attribute Error", "Invalid Network Field", "Malformed AS_PATH"};
            case FSM_ERROR -> new String[] {"", "Unexpected Message in OpenSent", "Unexpected Message in OpenConfirm",
                "Unexpected Message in Established"};
            case CEASE -> new String[] {"", "Maximum Number of Prefixes Reached", "Administrative Shutdown",
                "Peer De-configured", "Administrative Reset", "Connection Rejected", "Other Configuration Change",
                "Connection Collision Resolution", "Out of Resources", "Hard Reset"};
            case ROUTE_REFRESH_ERROR -> new String[] {"", "Invalid Message Length"};
            default -> new String[0];
        };
        return subcode < names.length ? names[subcode] : "";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Notification n && n.code == code && n.subcode == subcode && Arrays.equals(n.data, data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * code + subcode) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "NOTIFICATION " + describe();
    }
}
