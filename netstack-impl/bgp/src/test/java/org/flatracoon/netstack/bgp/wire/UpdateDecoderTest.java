package org.flatracoon.netstack.bgp.wire;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.ByteBuffer;
import java.util.EnumSet;
import java.util.List;
import org.flatracoon.netstack.bgp.wire.UpdateError.Action;
import org.junit.jupiter.api.Test;

/** Golden UPDATE bodies, one per attribute and per RFC 4271 / RFC 7606 error path. */
class UpdateDecoderTest {
    private static final UpdateDecoder.Context EBGP = new UpdateDecoder.Context(true, true, 65002,
            EnumSet.of(Family.IPV4, Family.IPV6));
    private static final UpdateDecoder.Context IBGP = new UpdateDecoder.Context(true, false, 65001,
            EnumSet.of(Family.IPV4, Family.IPV6));
    private static final UpdateDecoder.Context OLD_SPEAKER = new UpdateDecoder.Context(false, true, 65002,
            EnumSet.of(Family.IPV4));

    /** ORIGIN IGP, AS_PATH [65002 65010] (4-octet), NEXT_HOP 198.51.100.2. */
    private static final String BASE = "40 01 01 00" + "40 02 0a 02 02 0000fdea 0000fdf2" + "40 03 04 c6336402";
    private static final String NLRI = "18 cb0071" + "19 cb007180";

    private final UpdateDecoder decoder = new UpdateDecoder(new AttributeInterner());

    private UpdateMessage decode(ByteBuffer body, UpdateDecoder.Context ctx) {
        return decoder.decode(body, ctx);
    }

    @Test
    void ipv4AnnouncementWithTheMandatoryAttributes() {
        UpdateMessage m = decode(Hex.update("", BASE, NLRI), EBGP);
        assertThat(m.error()).isNull();
        assertThat(m.announced(Family.IPV4).toString()).isEqualTo("[203.0.113.0/24, 203.0.113.128/25]");
        PathAttributes a = m.attributes(Family.IPV4);
        assertThat(a.originName()).isEqualTo("igp");
        assertThat(AsPath.format(a.asPath())).isEqualTo("65002 65010");
        assertThat(a.nextHopText()).isEqualTo("198.51.100.2");
        assertThat(a.med()).isEqualTo(-1);
    }

    @Test
    void hostBitsOfAPrefixAreCleared() {
        UpdateMessage m = decode(Hex.update("", BASE, "18 cb0071"), EBGP);
        assertThat(m.announced(Family.IPV4).format(0)).isEqualTo("203.0.113.0/24");
        m = decode(Hex.update("", BASE, "17 cb0071"), EBGP);
        assertThat(m.announced(Family.IPV4).format(0)).isEqualTo("203.0.112.0/23");
    }

    @Test
    void equalAttributeSetsAreOneObject() {
        PathAttributes first = decode(Hex.update("", BASE, "18 cb0071"), EBGP).attributes(Family.IPV4);
        PathAttributes second = decode(Hex.update("", BASE, "18 c63364"), EBGP).attributes(Family.IPV4);
        assertThat(second).isSameAs(first);
    }

    @Test
    void withdrawnRoutesAndEndOfRib() {
        UpdateMessage m = decode(Hex.update("18 cb0071", "", ""), EBGP);
        assertThat(m.withdrawn(Family.IPV4).toString()).isEqualTo("[203.0.113.0/24]");
        assertThat(m.endOfRib()).isNull();
        assertThat(decode(Hex.update("", "", ""), EBGP).endOfRib()).isEqualTo(Family.IPV4);
        assertThat(decode(Hex.update("", "80 0f 03 000201", ""), EBGP).endOfRib()).isEqualTo(Family.IPV6);
        assertThat(decode(Hex.update("", "90 0f 0003 000201", ""), EBGP).endOfRib()).as("ExaBGP's extended-length EoR")
                .isEqualTo(Family.IPV6);
    }

    @Test
    void everyOptionalAttribute() {
        String attrs = BASE + "80 04 04 00000032" // MED 50
                + "40 06 00" // ATOMIC_AGGREGATE
                + "c0 07 08 0000fdf4 c6336401" // AGGREGATOR 65012 198.51.100.1
                + "c0 08 08 fdea0007 ffffff01" // COMMUNITIES 65002:7 no-export
                + "c0 20 0c 0000fdea 00000001 00000002" // LARGE_COMMUNITY 65002:1:2
                + "e0 f0 05 68656c6c6f"; // unknown optional transitive, already partial
        PathAttributes a = decode(Hex.update("", attrs, NLRI), EBGP).attributes(Family.IPV4);
        assertThat(a.med()).isEqualTo(50);
        assertThat(a.atomicAggregate()).isTrue();
        assertThat(a.aggregatorAs()).isEqualTo(65012);
        assertThat(a.communityTexts()).containsExactly("65002:7", "no-export");
        assertThat(a.largeCommunityTexts()).containsExactly("65002:1:2");
        assertThat(Hex.of(a.unknownTransitive())).isEqualTo("e0f00568656c6c6f");
    }

    @Test
    void unknownOptionalTransitiveGetsThePartialBit() {
        PathAttributes a = decode(Hex.update("", BASE + "c0 f0 02 abcd", NLRI), EBGP).attributes(Family.IPV4);
        assertThat(Hex.of(a.unknownTransitive())).isEqualTo("e0f002abcd");
    }

    @Test
    void unknownOptionalNonTransitiveIsDropped() {
        UpdateMessage m = decode(Hex.update("", BASE + "80 f1 02 abcd", NLRI), EBGP);
        assertThat(m.error()).isNull();
        assertThat(m.attributes(Family.IPV4).unknownTransitive()).isEmpty();
    }

    @Test
    void routeReflectionAttributesFromIbgp() {
        String attrs = "40 01 01 00" + "40 02 00" + "40 03 04 c6336402" + "40 05 04 000000c8" + "80 09 04 0a000009"
                + "80 0a 08 01010101 02020202";
        PathAttributes a = decode(Hex.update("", attrs, NLRI), IBGP).attributes(Family.IPV4);
        assertThat(a.localPref()).isEqualTo(200);
        assertThat(a.originatorId()).isEqualTo(0x0A000009L);
        assertThat(a.clusterList()).containsExactly(0x01010101, 0x02020202);
        assertThat(a.asPath()).isEmpty();
    }

    @Test
    void ebgpLocalPrefOriginatorAndClusterListAreDiscarded() {
        UpdateMessage m = decode(Hex.update("", BASE + "40 05 04 000000c8" + "80 09 04 0a000009" + "80 0a 04 01010101",
                NLRI), EBGP);
        assertThat(m.error()).isNull();
        assertThat(m.attributes(Family.IPV4).localPref()).isEqualTo(-1);
        assertThat(m.attributes(Family.IPV4).originatorId()).isEqualTo(-1);
        assertThat(m.discarded()).hasSize(3);
    }

    @Test
    void ipv6MpReachWithLinkLocalNextHopAndMpUnreach() {
        String mp = "90 0e 0035 0002 01 20 20010db8000000000000000000000002 fe800000000000000000000000000002 00"
                + "30 20010db80001" + "40 20010db800020000";
        String unreach = "80 0f 0a 0002 01 30 20010db80009";
        UpdateMessage m = decode(Hex.update("", mp + unreach + "40 01 01 00" + "40 02 06 02 01 0000fdea", ""), EBGP);
        assertThat(m.error()).isNull();
        assertThat(m.announced(Family.IPV6).toString()).isEqualTo("[2001:db8:1::/48, 2001:db8:2::/64]");
        assertThat(m.withdrawn(Family.IPV6).toString()).isEqualTo("[2001:db8:9::/48]");
        PathAttributes a = m.attributes(Family.IPV6);
        assertThat(a.nextHopText()).isEqualTo("2001:db8::2");
        assertThat(a.linkLocalNextHopText()).isEqualTo("fe80::2");
        assertThat(m.attributes(Family.IPV4)).isNull();
    }

    @Test
    void ipv6OverIpv4SessionWithMappedNextHopLikeFrr() {
        String mp = "80 0e 1c 0002 01 10 00000000000000000000ffffc6336402 00 30 20010db80001";
        UpdateMessage m = decode(Hex.update("", mp + "40 01 01 00" + "50 02 0006 02 01 0000fdea", ""), EBGP);
        assertThat(m.attributes(Family.IPV6).nextHopText()).isEqualTo("198.51.100.2");
    }

    @Test
    void mpReachOfAFamilyNotNegotiatedIsIgnored() {
        String mp = "80 0e 1c 0002 01 10 20010db8000000000000000000000002 00 30 20010db80001";
        String twoOctet = "40 01 01 00" + "40 02 04 02 01 fdea" + "40 03 04 c6336402";
        UpdateMessage m = decode(Hex.update("", mp + twoOctet, NLRI), OLD_SPEAKER);
        assertThat(m.error()).isNull();
        assertThat(m.announced(Family.IPV6).isEmpty()).isTrue();
        assertThat(m.announced(Family.IPV4).size()).isEqualTo(2);
    }

    @Test
    void twoOctetAsPathFromAnOldSpeakerMergedWithAs4Path() {
        // AS_PATH [65002 23456] and AS4_PATH [4200000000]
        String attrs = "40 01 01 00" + "40 02 06 02 02 fdea 5ba0" + "40 03 04 c6336402" + "c0 11 06 02 01 fa56ea00";
        PathAttributes a = decode(Hex.update("", attrs, NLRI), OLD_SPEAKER).attributes(Family.IPV4);
        assertThat(AsPath.format(a.asPath())).isEqualTo("65002 4200000000");
    }

    @Test
    void as4PathFromANewSpeakerIsDiscarded() {
        UpdateMessage m = decode(Hex.update("", BASE + "c0 11 06 02 01 fa56ea00", NLRI), EBGP);
        assertThat(AsPath.format(m.attributes(Family.IPV4).asPath())).isEqualTo("65002 65010");
        assertThat(m.discarded()).anyMatch(s -> s.contains("AS4_PATH"));
    }

    @Test
    void extendedLengthFlagOnShortAttributesIsHonoured() {
        String attrs = "50 01 0001 00" + "50 02 000a 02 02 0000fdea 0000fdf4" + "50 03 0004 c6336402";
        assertThat(decode(Hex.update("", attrs, NLRI), EBGP).error()).isNull();
    }

    // ---- treat-as-withdraw (RFC 7606) ----

    private static void assertWithdrawn(UpdateMessage m, int subcode) {
        assertThat(m.error()).isNotNull();
        assertThat(m.error().action()).isEqualTo(Action.TREAT_AS_WITHDRAW);
        assertThat(m.error().notification().subcode()).isEqualTo(subcode);
        assertThat(m.announced(Family.IPV4).isEmpty()).isTrue();
        assertThat(m.withdrawn(Family.IPV4).toString()).isEqualTo("[203.0.113.0/24, 203.0.113.128/25]");
    }

    @Test
    void communitiesOfLengthThreeWithdrawLikeBirdAndFrr() {
        assertWithdrawn(decode(Hex.update("", BASE + "c0 08 03 fdea00", NLRI), EBGP), Notification.OPTIONAL_ATTRIBUTE_ERROR);
    }

    @Test
    void missingNextHopWithdraws() {
        assertWithdrawn(decode(Hex.update("", "40 01 01 00" + "40 02 06 02 01 0000fdea", NLRI), EBGP),
                Notification.MISSING_WELL_KNOWN);
    }

    @Test
    void missingOriginOrAsPathWithdraws() {
        assertWithdrawn(decode(Hex.update("", "40 02 06 02 01 0000fdea" + "40 03 04 c6336402", NLRI), EBGP),
                Notification.MISSING_WELL_KNOWN);
        assertWithdrawn(decode(Hex.update("", "40 01 01 00" + "40 03 04 c6336402", NLRI), EBGP),
                Notification.MISSING_WELL_KNOWN);
    }

    @Test
    void originSevenWithdraws() {
        assertWithdrawn(decode(Hex.update("", BASE.replace("40 01 01 00", "40 01 01 07"), NLRI), EBGP),
                Notification.INVALID_ORIGIN);
    }

    @Test
    void wellKnownAttributeWithOptionalFlagWithdraws() {
        assertWithdrawn(decode(Hex.update("", BASE.replace("40 01 01 00", "c0 01 01 00"), NLRI), EBGP),
                Notification.ATTRIBUTE_FLAGS_ERROR);
    }

    @Test
    void malformedAsPaths() {
        assertWithdrawn(decode(Hex.update("", BASE.replace("0a 02 02 0000fdea 0000fdf2", "0a 02 03 0000fdea 0000fdf2"),
                NLRI), EBGP), Notification.MALFORMED_AS_PATH);
        assertWithdrawn(decode(Hex.update("", BASE.replace("0a 02 02 0000fdea 0000fdf2", "0a 07 02 0000fdea 0000fdf2"),
                NLRI), EBGP), Notification.MALFORMED_AS_PATH);
        assertWithdrawn(decode(Hex.update("", BASE.replace("0a 02 02 0000fdea 0000fdf2", "0a 02 00 0000fdea 0000fdf2"),
                NLRI), EBGP), Notification.MALFORMED_AS_PATH);
    }

    @Test
    void ebgpAsPathMustStartWithThePeersAs() {
        assertWithdrawn(decode(Hex.update("", BASE.replace("0000fdea 0000fdf2", "0000fdf2 0000fdea"), NLRI), EBGP),
                Notification.MALFORMED_AS_PATH);
    }

    @Test
    void martianNextHopsWithdraw() {
        for (String hop : List.of("7f000004", "00000001", "e0000001", "f0000001")) {
            assertWithdrawn(decode(Hex.update("", BASE.replace("c6336402", hop), NLRI), EBGP), Notification.INVALID_NEXT_HOP);
        }
    }

    @Test
    void wrongLengthsOfMedAndNextHopAndLargeCommunityWithdraw() {
        assertWithdrawn(decode(Hex.update("", BASE + "80 04 03 000032", NLRI), EBGP), Notification.ATTRIBUTE_LENGTH_ERROR);
        assertWithdrawn(decode(Hex.update("", BASE.replace("40 03 04 c6336402", "40 03 05 c633640200"), NLRI), EBGP),
                Notification.ATTRIBUTE_LENGTH_ERROR);
        assertWithdrawn(decode(Hex.update("", BASE + "c0 20 08 0000fdea 00000001", NLRI), EBGP),
                Notification.OPTIONAL_ATTRIBUTE_ERROR);
        assertWithdrawn(decode(Hex.update("", BASE.replace("40 01 01 00", "40 01 02 0000"), NLRI), EBGP),
                Notification.ATTRIBUTE_LENGTH_ERROR);
    }

    @Test
    void malformedClusterListAndOriginatorFromIbgpWithdraw() {
        String ibgp = "40 01 01 00" + "40 02 00" + "40 03 04 c6336402";
        assertWithdrawn(decode(Hex.update("", ibgp + "80 0a 03 010101", NLRI), IBGP), Notification.OPTIONAL_ATTRIBUTE_ERROR);
        assertWithdrawn(decode(Hex.update("", ibgp + "80 09 05 0a00000900", NLRI), IBGP),
                Notification.OPTIONAL_ATTRIBUTE_ERROR);
    }

    @Test
    void attributeOverrunWithNlriWithdraws() {
        assertWithdrawn(decode(Hex.update("", BASE + "c0 08 09 fdea0007", NLRI), EBGP), Notification.MALFORMED_ATTRIBUTE_LIST);
    }

    // ---- attribute-discard ----

    @Test
    void brokenAggregatorsAndAtomicAggregateAreDiscardedAndTheRouteKept() {
        UpdateMessage m = decode(Hex.update("", BASE + "40 06 01 00" + "c0 07 05 0000fdf4c6" + "c0 12 03 000000", NLRI), EBGP);
        assertThat(m.error()).isNull();
        assertThat(m.announced(Family.IPV4).size()).isEqualTo(2);
        assertThat(m.attributes(Family.IPV4).atomicAggregate()).isFalse();
        assertThat(m.attributes(Family.IPV4).aggregatorAs()).isEqualTo(-1);
        assertThat(m.discarded()).hasSize(3);
    }

    @Test
    void aDuplicateAttributeKeepsTheFirst() {
        UpdateMessage m = decode(Hex.update("", BASE + "80 04 04 00000001" + "80 04 04 00000002", NLRI), EBGP);
        assertThat(m.error()).isNull();
        assertThat(m.attributes(Family.IPV4).med()).isEqualTo(1);
        assertThat(m.discarded()).anyMatch(s -> s.contains("duplicate"));
    }

    // ---- session reset ----

    private static void assertReset(UpdateMessage m, int subcode) {
        assertThat(m.error()).isNotNull();
        assertThat(m.error().action()).isEqualTo(Action.SESSION_RESET);
        assertThat(m.error().notification().code()).isEqualTo(Notification.UPDATE_ERROR);
        assertThat(m.error().notification().subcode()).isEqualTo(subcode);
    }

    @Test
    void lengthFieldsThatOverrunTheMessageReset() {
        assertReset(decode(Hex.buffer("0010 0000"), EBGP), Notification.MALFORMED_ATTRIBUTE_LIST);
        assertReset(decode(Hex.buffer("0000 0010 400101"), EBGP), Notification.MALFORMED_ATTRIBUTE_LIST);
        assertReset(decode(Hex.buffer("00"), EBGP), Notification.MALFORMED_ATTRIBUTE_LIST);
    }

    @Test
    void unparsableNlriResets() {
        assertReset(decode(Hex.update("", BASE, "21 cb007100 00"), EBGP), Notification.INVALID_NETWORK_FIELD);
        assertReset(decode(Hex.update("", BASE, "18 cb00"), EBGP), Notification.INVALID_NETWORK_FIELD);
        assertReset(decode(Hex.update("19 cb00", "", ""), EBGP), Notification.MALFORMED_ATTRIBUTE_LIST);
    }

    @Test
    void malformedOrDuplicateMpAttributesReset() {
        assertReset(decode(Hex.update("", "80 0e 03 000201", ""), EBGP), Notification.OPTIONAL_ATTRIBUTE_ERROR);
        assertReset(decode(Hex.update("", "80 0e 0a 0002 01 05 2001db8000 00 00", ""), EBGP),
                Notification.OPTIONAL_ATTRIBUTE_ERROR);
        assertReset(decode(Hex.update("", "80 0f 05 0002 01 81 20", ""), EBGP), Notification.OPTIONAL_ATTRIBUTE_ERROR);
        assertReset(decode(Hex.update("", "80 0f 03 000201" + "80 0f 03 000201", ""), EBGP),
                Notification.MALFORMED_ATTRIBUTE_LIST);
    }

    @Test
    void unrecognizedWellKnownAttributeResetsWithTheAttributeAsData() {
        UpdateMessage m = decode(Hex.update("", BASE + "40 63 01 00", NLRI), EBGP);
        assertReset(m, Notification.UNRECOGNIZED_WELL_KNOWN);
        assertThat(Hex.of(m.error().notification().data())).isEqualTo("40630100");
    }

    @Test
    void attributeOverrunWithoutAnyNlriResets() {
        assertReset(decode(Hex.update("", "40 01 05 00", ""), EBGP), Notification.MALFORMED_ATTRIBUTE_LIST);
    }
}
