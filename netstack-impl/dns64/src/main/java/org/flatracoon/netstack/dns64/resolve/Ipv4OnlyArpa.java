package org.flatracoon.netstack.dns64.resolve;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.flatracoon.netstack.dns64.prefix.Pref64;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Type;

/**
 * The special-use zone {@code ipv4only.arpa} answered locally (RFC 8880 §7.2), so that hosts can discover our prefix
 * (RFC 7050) even when the resolver cannot reach the Internet: A 192.0.0.170 and 192.0.0.171, AAAA synthesised from
 * them with our prefix — also with the Well-Known Prefix, for which these non-global addresses are the one exception
 * RFC 7050 relies on. The SOA, NS and TTLs are those BIND 9.18 serves for its built-in zone.
 */
public final class Ipv4OnlyArpa {
    public static final Name ZONE = Name.fromConstantString("ipv4only.arpa.");
    static final long TTL = 3600;
    private static final long SOA_TTL = 86400;
    private static final List<Inet4Address> ADDRESSES = List.of(v4(192, 0, 0, 170), v4(192, 0, 0, 171));

    private Ipv4OnlyArpa() {
    }

    public static boolean covers(Name name) {
        return name.subdomain(ZONE);
    }

    static Answer answer(Question question, Pref64 prefix) {
        SOARecord soa = new SOARecord(ZONE, DClass.IN, SOA_TTL, ZONE, Name.root, 0, 28800, 7200, 604800, SOA_TTL);
        if (!question.name().equals(ZONE)) {
            return local(Rcode.NXDOMAIN, List.of(), List.of(soa));
        }
        List<Record> records = switch (question.type()) {
            case Type.A -> ADDRESSES.stream().map(a -> (Record) new ARecord(ZONE, DClass.IN, TTL, a)).toList();
            case Type.AAAA -> ADDRESSES.stream()
                    .map(a -> (Record) new AAAARecord(ZONE, DClass.IN, TTL, prefix.embed(a))).toList();
            case Type.SOA -> List.of(soa);
            case Type.NS -> List.of(new NSRecord(ZONE, DClass.IN, SOA_TTL, ZONE));
            default -> List.of();
        };
        return records.isEmpty() ? local(Rcode.NOERROR, List.of(), List.of(soa)) : local(Rcode.NOERROR, records, List.of());
    }

    private static Answer local(int rcode, List<Record> answer, List<Record> authority) {
        return new Answer(rcode, true, false, answer, authority, List.of(), Outcome.LOCAL);
    }

    private static Inet4Address v4(int a, int b, int c, int d) {
        try {
            return (Inet4Address) InetAddress.getByAddress(new byte[] {(byte) a, (byte) b, (byte) c, (byte) d});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
