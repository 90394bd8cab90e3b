package org.flatracoon.netstack.bgp.wire;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Builds UPDATEs, packing as many prefixes per message as fit in 4096 bytes. IPv4 unicast goes in the NLRI
 * field with NEXT_HOP; IPv6 in MP_REACH_NLRI/MP_UNREACH_NLRI, which comes first (RFC 7606 §5.1). Towards a
 * speaker without four-octet AS support the AS_PATH is 2-octet with AS_TRANS and an AS4_PATH (RFC 6793 §4.2.2).
 */
public final class UpdateEncoder {
    private final boolean fourOctetAs;

    public UpdateEncoder(boolean fourOctetAs) {
        this.fourOctetAs = fourOctetAs;
    }

    /** End-of-RIB (RFC 4724 §2). */
    public static byte[] endOfRib(Family family) {
        if (family == Family.IPV4) {
            return Messages.message(Messages.UPDATE, new byte[4]);
        }
        byte[] attr = UpdateDecoder.attributeBytes(UpdateDecoder.OPTIONAL, UpdateDecoder.MP_UNREACH,
                new byte[] {0, (byte) family.afi(), (byte) family.safi()});
        ByteBuffer body = ByteBuffer.allocate(4 + attr.length);
        body.putShort((short) 0).putShort((short) attr.length).put(attr);
        return Messages.message(Messages.UPDATE, body.array());
    }

    /** UPDATEs that announce {@code prefixes[from, to)} with {@code attributes} (which carry the next hop). */
    public List<byte[]> announce(Family family, PathAttributes attributes, PrefixBuffer prefixes, int from, int to) {
        List<byte[]> out = new ArrayList<>();
        byte[] common = attributes(attributes, family);
        int i = from;
        while (i < to) {
            ByteArrayOutputStream nlri = new ByteArrayOutputStream();
            int room = Messages.MAX_LENGTH - Messages.HEADER_LENGTH - 4 - common.length
                    - (family == Family.IPV4 ? 0 : 4 + 5 + Prefixes.asIpv6(attributes.nextHop()).length);
            while (i < to && nlri.size() + 1 + (prefixes.length(i) + 7) / 8 <= room) {
                writePrefix(nlri, family, prefixes.hi(i), prefixes.lo(i), prefixes.length(i));
                i++;
            }
            if (nlri.size() == 0) {
                throw new IllegalStateException("attributes too large for one UPDATE: " + common.length + " bytes");
            }
            byte[] attrs;
            byte[] nlriField;
            if (family == Family.IPV4) {
                attrs = common;
                nlriField = nlri.toByteArray();
            } else {
                byte[] hop = Prefixes.asIpv6(attributes.nextHop());
                ByteBuffer mp = ByteBuffer.allocate(5 + hop.length + nlri.size());
                mp.putShort((short) family.afi()).put((byte) family.safi()).put((byte) hop.length).put(hop).put((byte) 0)
                        .put(nlri.toByteArray());
                byte[] mpAttr = UpdateDecoder.attributeBytes(UpdateDecoder.OPTIONAL | UpdateDecoder.EXTENDED,
                        UpdateDecoder.MP_REACH, mp.array());
                attrs = concat(mpAttr, common);
                nlriField = new byte[0];
            }
            out.add(update(new byte[0], attrs, nlriField));
        }
        return out;
    }

    /** UPDATEs that withdraw {@code prefixes[from, to)}. */
    public List<byte[]> withdraw(Family family, PrefixBuffer prefixes, int from, int to) {
        List<byte[]> out = new ArrayList<>();
        int i = from;
        while (i < to) {
            ByteArrayOutputStream field = new ByteArrayOutputStream();
            int room = Messages.MAX_LENGTH - Messages.HEADER_LENGTH - 4 - (family == Family.IPV4 ? 0 : 4 + 3);
            while (i < to && field.size() + 1 + (prefixes.length(i) + 7) / 8 <= room) {
                writePrefix(field, family, prefixes.hi(i), prefixes.lo(i), prefixes.length(i));
                i++;
            }
            if (family == Family.IPV4) {
                out.add(update(field.toByteArray(), new byte[0], new byte[0]));
            } else {
                ByteBuffer mp = ByteBuffer.allocate(3 + field.size());
                mp.putShort((short) family.afi()).put((byte) family.safi()).put(field.toByteArray());
                out.add(update(new byte[0], UpdateDecoder.attributeBytes(UpdateDecoder.OPTIONAL | UpdateDecoder.EXTENDED,
                        UpdateDecoder.MP_UNREACH, mp.array()), new byte[0]));
            }
        }
        return out;
    }

    private static byte[] update(byte[] withdrawn, byte[] attrs, byte[] nlri) {
        ByteBuffer body = ByteBuffer.allocate(4 + withdrawn.length + attrs.length + nlri.length);
        body.putShort((short) withdrawn.length).put(withdrawn).putShort((short) attrs.length).put(attrs).put(nlri);
        return Messages.message(Messages.UPDATE, body.array());
    }

    static void writePrefix(ByteArrayOutputStream out, Family family, long hi, long lo, int length) {
        out.write(length);
        byte[] address = Prefixes.toBytes(family, hi, lo);
        out.write(address, 0, (length + 7) / 8);
    }

    /** Every attribute except MP_REACH, in type order. */
    byte[] attributes(PathAttributes a, Family family) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(attr(UpdateDecoder.TRANSITIVE, UpdateDecoder.ORIGIN, new byte[] {(byte) a.origin()}));
        boolean needsAs4 = !fourOctetAs && AsPath.hasFourOctet(a.asPath());
        out.writeBytes(attr(UpdateDecoder.TRANSITIVE, UpdateDecoder.AS_PATH, asPath(a.asPath(), fourOctetAs ? 4 : 2)));
        if (family == Family.IPV4 && a.nextHop().length == 4) {
            out.writeBytes(attr(UpdateDecoder.TRANSITIVE, UpdateDecoder.NEXT_HOP, a.nextHop()));
        }
        if (a.med() >= 0) {
            out.writeBytes(attr(UpdateDecoder.OPTIONAL, UpdateDecoder.MED, int32(a.med())));
        }
        if (a.localPref() >= 0) {
            out.writeBytes(attr(UpdateDecoder.TRANSITIVE, UpdateDecoder.LOCAL_PREF, int32(a.localPref())));
        }
        if (a.atomicAggregate()) {
            out.writeBytes(attr(UpdateDecoder.TRANSITIVE, UpdateDecoder.ATOMIC_AGGREGATE, new byte[0]));
        }
        if (a.aggregatorAs() >= 0) {
            boolean bigAs = a.aggregatorAs() > 0xFFFF;
            ByteBuffer v = ByteBuffer.allocate(fourOctetAs ? 8 : 6);
            if (fourOctetAs) {
                v.putInt((int) a.aggregatorAs());
            } else {
                v.putShort((short) (bigAs ? AsPath.AS_TRANS : a.aggregatorAs()));
            }
            v.putInt(a.aggregatorAddress());
            out.writeBytes(attr(UpdateDecoder.OPTIONAL | UpdateDecoder.TRANSITIVE, UpdateDecoder.AGGREGATOR, v.array()));
            if (!fourOctetAs && bigAs) {
                out.writeBytes(attr(UpdateDecoder.OPTIONAL | UpdateDecoder.TRANSITIVE, UpdateDecoder.AS4_AGGREGATOR,
                        ByteBuffer.allocate(8).putInt((int) a.aggregatorAs()).putInt(a.aggregatorAddress()).array()));
            }
        }
        if (a.communities().length > 0) {
            out.writeBytes(attr(UpdateDecoder.OPTIONAL | UpdateDecoder.TRANSITIVE, UpdateDecoder.COMMUNITIES,
                    ints(a.communities())));
        }
        if (a.originatorId() >= 0) {
            out.writeBytes(attr(UpdateDecoder.OPTIONAL, UpdateDecoder.ORIGINATOR_ID, int32(a.originatorId())));
        }
        if (a.clusterList().length > 0) {
            out.writeBytes(attr(UpdateDecoder.OPTIONAL, UpdateDecoder.CLUSTER_LIST, ints(a.clusterList())));
        }
        if (needsAs4) {
            out.writeBytes(attr(UpdateDecoder.OPTIONAL | UpdateDecoder.TRANSITIVE, UpdateDecoder.AS4_PATH,
                    asPath(a.asPath(), 4)));
        }
        if (a.largeCommunities().length > 0) {
            out.writeBytes(attr(UpdateDecoder.OPTIONAL | UpdateDecoder.TRANSITIVE, UpdateDecoder.LARGE_COMMUNITY,
                    ints(a.largeCommunities())));
        }
        out.writeBytes(a.unknownTransitive());
        return out.toByteArray();
    }

    private static byte[] attr(int flags, int type, byte[] value) {
        return UpdateDecoder.attributeBytes(flags, type, value);
    }

    private static byte[] int32(long v) {
        return ByteBuffer.allocate(4).putInt((int) v).array();
    }

    private static byte[] ints(int[] values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 4);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    private static byte[] asPath(int[] path, int asSize) {
        ByteBuffer b = ByteBuffer.allocate(path.length * 4);
        for (int i = 0; i < path.length; i += path[i + 1] + 2) {
            b.put((byte) path[i]).put((byte) path[i + 1]);
            for (int j = 0; j < path[i + 1]; j++) {
                long asn = path[i + 2 + j] & 0xFFFF_FFFFL;
                if (asSize == 4) {
                    b.putInt((int) asn);
                } else {
                    b.putShort((short) (asn > 0xFFFF ? AsPath.AS_TRANS : asn));
                }
            }
        }
        return Arrays.copyOf(b.array(), b.position());
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
