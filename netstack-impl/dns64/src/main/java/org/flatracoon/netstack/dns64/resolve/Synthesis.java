package org.flatracoon.netstack.dns64.resolve;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.List;
import org.flatracoon.netstack.dns64.prefix.Ipv6Range;
import org.flatracoon.netstack.dns64.prefix.Pref64;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DNAMERecord;
import org.xbill.DNS.Record;

/** The pure rules of RFC 6147 §5.1: which AAAA records count as real, and how AAAA records are made from A records. */
public final class Synthesis {
    /** RFC 6147 §5.1.7: the TTL cap when the negative AAAA response carried no SOA. */
    public static final long DEFAULT_NEGATIVE_TTL = 600;

    private final Pref64 prefix;
    private final List<Ipv6Range> exclude;

    public Synthesis(Pref64 prefix, List<Ipv6Range> exclude) {
        this.prefix = prefix;
        this.exclude = List.copyOf(exclude);
    }

    public Pref64 prefix() {
        return prefix;
    }

    /** Whether an AAAA record falls in an exclusion range (§5.1.4), i.e. is treated as if it were not there. */
    public boolean excluded(Record record) {
        return record instanceof AAAARecord aaaa && exclude.stream().anyMatch(r -> r.contains(address(aaaa)));
    }

    /** The answer section without excluded AAAA records. */
    public List<Record> withoutExcluded(List<Record> answer) {
        return answer.stream().filter(r -> !excluded(r)).toList();
    }

    /** Whether the answer holds at least one AAAA record that is not excluded: then there is nothing to synthesise. */
    public boolean hasRealAaaa(List<Record> answer) {
        return answer.stream().anyMatch(r -> r instanceof AAAARecord && !excluded(r));
    }

    /**
     * The synthesised answer section from the answer to the A query (§5.1.6, §5.1.7): the CNAME/DNAME chain as
     * received, then one AAAA per A record that the prefix may represent, with TTL min(A TTL, {@code ttlCap}).
     * Signatures are dropped: they do not cover the records we make. Empty if no A record could be mapped.
     */
    public List<Record> fromA(List<Record> aAnswer, long ttlCap) {
        List<Record> chain = new ArrayList<>();
        List<Record> synthesized = new ArrayList<>();
        for (Record r : aAnswer) {
            if (r instanceof CNAMERecord || r instanceof DNAMERecord) {
                chain.add(r);
            } else if (r instanceof ARecord a && a.getAddress() instanceof Inet4Address v4 && prefix.mayRepresent(v4)) {
                synthesized.add(new AAAARecord(a.getName(), a.getDClass(), Math.min(a.getTTL(), ttlCap),
                        prefix.embed(v4)));
            }
        }
        if (synthesized.isEmpty()) {
            return List.of();
        }
        chain.addAll(synthesized);
        return chain;
    }

    /** The CNAME/DNAME records of an answer section, in order. */
    static List<Record> chain(List<Record> answer) {
        return answer.stream().filter(r -> r instanceof CNAMERecord || r instanceof DNAMERecord).toList();
    }

    private static Inet6Address address(AAAARecord aaaa) {
        // dnsjava gives ::ffff:a.b.c.d back as an Inet4Address; rebuild the sixteen bytes from the RDATA
        byte[] rdata = aaaa.rdataToWireCanonical();
        try {
            return Inet6Address.getByAddress(null, rdata, null);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
