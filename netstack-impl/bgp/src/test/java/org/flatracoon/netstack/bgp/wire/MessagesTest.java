package org.flatracoon.netstack.bgp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessagesTest {
    private static final String MARKER = "ffffffffffffffffffffffffffffffff";

    @Test
    void keepaliveIsTheNineteenByteHeader() {
        assertThat(Hex.of(Messages.keepalive())).isEqualTo(MARKER + "001304");
        assertThat(Messages.checkHeader(ByteBuffer.wrap(Messages.keepalive())).value()).isEqualTo(19);
    }

    @Test
    void aBrokenMarkerIsConnectionNotSynchronized() {
        Decoded<Integer> d = Messages.checkHeader(Hex.buffer("ff".repeat(15) + "fe 0013 04"));
        assertThat(d.error()).isEqualTo(Notification.of(1, 1));
    }

    @Test
    void badLengthsAreReportedWithTheLength() {
        assertThat(Messages.checkHeader(Hex.buffer(MARKER + "0012 04")).error())
                .isEqualTo(Notification.of(1, 2, Hex.bytes("0012")));
        assertThat(Messages.checkHeader(Hex.buffer(MARKER + "1001 02")).error())
                .isEqualTo(Notification.of(1, 2, Hex.bytes("1001")));
        assertThat(Messages.checkHeader(Hex.buffer(MARKER + "0014 04")).error()).as("KEEPALIVE must be exactly 19")
                .isEqualTo(Notification.of(1, 2, Hex.bytes("0014")));
        assertThat(Messages.checkHeader(Hex.buffer(MARKER + "0016 02")).error()).as("UPDATE is at least 23")
                .isEqualTo(Notification.of(1, 2, Hex.bytes("0016")));
        assertThat(Messages.checkHeader(Hex.buffer(MARKER + "001c 01")).error()).as("OPEN is at least 29")
                .isEqualTo(Notification.of(1, 2, Hex.bytes("001c")));
    }

    @Test
    void anUnknownTypeIsBadMessageTypeWithTheType() {
        assertThat(Messages.checkHeader(Hex.buffer(MARKER + "0013 09")).error()).isEqualTo(Notification.of(1, 3, Hex.bytes("09")));
    }

    @Test
    void notificationRoundTrip() {
        byte[] m = Messages.notification(Notification.of(6, 2, Hex.bytes("05 6279 6520 21")));
        assertThat(Hex.of(m)).isEqualTo(MARKER + "001b03 0602 05627965 2021".replace(" ", ""));
        Notification n = Messages.decodeNotification(ByteBuffer.wrap(m, 19, m.length - 19));
        assertThat(n.describe()).startsWith("6/2 (Cease, Administrative Shutdown)");
    }

    @Test
    void routeRefreshEncodesAfiSubtypeSafi() {
        assertThat(Hex.of(Messages.routeRefresh(Family.IPV6, Messages.REFRESH_BEGIN))).isEqualTo(MARKER + "0017050002" + "0101");
        Decoded<Messages.RouteRefresh> d = Messages.decodeRouteRefresh(Hex.buffer("0001 02 01"), new byte[0]);
        assertThat(d.value()).isEqualTo(new Messages.RouteRefresh(1, Messages.REFRESH_END, 1));
    }

    @Test
    void aRouteRefreshOfWrongLengthIsError7Subcode1WithTheMessage() {
        byte[] whole = Hex.bytes(MARKER + "0018 05 0001000100");
        Decoded<Messages.RouteRefresh> d = Messages.decodeRouteRefresh(ByteBuffer.wrap(whole, 19, 5), whole);
        assertThat(d.error().code()).isEqualTo(7);
        assertThat(d.error().subcode()).isEqualTo(1);
        assertThat(d.error().data()).isEqualTo(whole);
    }

    @Test
    void openRoundTripWithCapabilitiesAndAsTrans() {
        OpenMessage open = OpenMessage.of(4_200_000_000L, 90, 0x0A000001L, List.of(Capability.multiprotocol(Family.IPV4),
                Capability.multiprotocol(Family.IPV6), Capability.routeRefresh(), Capability.fourOctetAs(4_200_000_000L),
                Capability.enhancedRouteRefresh(), Capability.gracefulRestartHelper(120)));
        byte[] m = open.encode();
        assertThat(Hex.of(m)).isEqualTo(MARKER + "0039" + "01" + "04" + "5ba0" + "005a" + "0a000001" + "1c" + "021a"
                + "010400010001" + "010400020001" + "0200" + "4104fa56ea00" + "4600" + "40020078");
        OpenMessage back = OpenMessage.decode(ByteBuffer.wrap(m, 19, m.length - 19)).value();
        assertThat(back.asn()).isEqualTo(4_200_000_000L);
        assertThat(back.myAs()).isEqualTo(AsPath.AS_TRANS);
        assertThat(back.families()).containsExactlyInAnyOrder(Family.IPV4, Family.IPV6);
        assertThat(back.capabilityNames()).containsExactly("ipv4-unicast", "ipv6-unicast", "route-refresh",
                "four-octet-as", "enhanced-route-refresh", "graceful-restart");
    }

    /** FRR 8.4's OPEN capabilities (PROTOCOLS §1.2): unknown ones are kept and ignored, not refused. */
    @Test
    void unknownCapabilitiesAreKept() {
        String caps = "010400010001" + "8000" + "0200" + "4600" + "410400000fdb" + "0600" + "4504000101" + "01" + "4905016672" + "72" + "00";
        String param = "02" + String.format("%02x", caps.length() / 2) + caps;
        String body = "04 fdeb 00b4 0a000003" + String.format("%02x", param.length() / 2) + param;
        OpenMessage open = OpenMessage.decode(Hex.buffer(body)).value();
        assertThat(open.asn()).isEqualTo(4059);
        assertThat(open.holdTime()).isEqualTo(180);
        assertThat(open.capabilityNames()).contains("unknown-128", "add-path", "unknown-73", "extended-message");
        assertThat(open.families()).containsExactly(Family.IPV4);
    }

    @Test
    void noCapabilitiesMeansIpv4Only() {
        OpenMessage open = OpenMessage.decode(Hex.buffer("04 fdea 005a 0a000002 00")).value();
        assertThat(open.families()).containsExactly(Family.IPV4);
        assertThat(open.fourOctetAs()).isFalse();
        assertThat(open.asn()).isEqualTo(65002);
    }

    @Test
    void openErrors() {
        assertThat(OpenMessage.decode(Hex.buffer("03 fdea 005a 0a000002 00")).error())
                .isEqualTo(Notification.of(2, 1, Hex.bytes("0004")));
        assertThat(OpenMessage.decode(Hex.buffer("04 fdea 0002 0a000002 00")).error()).isEqualTo(Notification.of(2, 6));
        assertThat(OpenMessage.decode(Hex.buffer("04 fdea 0001 0a000002 00")).error()).isEqualTo(Notification.of(2, 6));
        assertThat(OpenMessage.decode(Hex.buffer("04 fdea 005a 00000000 00")).error()).isEqualTo(Notification.of(2, 3));
        assertThat(OpenMessage.decode(Hex.buffer("04 fdea 005a 0a000002 03 010100")).error())
                .as("optional parameter other than capabilities").isEqualTo(Notification.of(2, 4));
        assertThat(OpenMessage.decode(Hex.buffer("04 fdea 005a 0a000002 05 0203 0104")).error())
                .as("parameter length lies").isEqualTo(Notification.of(2, 0));
        assertThat(OpenMessage.decode(Hex.buffer("04 fdea 005a 0a000002 04 0202 4109")).error())
                .as("capability length overruns").isEqualTo(Notification.of(2, 0));
        assertThat(OpenMessage.decode(Hex.buffer("04 fdea 005a 0a000002 08 0206 410400000000")).error())
                .as("four-octet AS 0").isEqualTo(Notification.of(2, 2));
        assertThat(OpenMessage.decode(Hex.buffer("04 fdea 00")).error().code()).as("truncated").isEqualTo(1);
    }

    @Test
    void holdTimeZeroIsAccepted() {
        assertThat(OpenMessage.decode(Hex.buffer("04 fdea 0000 0a000002 00")).value().holdTime()).isZero();
    }

    @Test
    void extendedOptionalParameterLengthRfc9072() {
        OpenMessage open = OpenMessage.decode(Hex.buffer("04 fdea 005a 0a000002 ff ff 0009 02 0006 010400020001")).value();
        assertThat(open.families()).containsExactly(Family.IPV6);
    }
}
