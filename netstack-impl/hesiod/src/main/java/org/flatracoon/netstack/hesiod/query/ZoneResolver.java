package org.flatracoon.netstack.hesiod.query;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.flatracoon.netstack.hesiod.zone.HesiodZone;
import org.flatracoon.netstack.hesiod.zone.ZoneNode;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * Authoritative lookup in one zone: exact match, CNAME chasing inside the zone (uid → passwd, gid → group),
 * ANY, RFC 2308 negative answers (NXDOMAIN or NODATA with the SOA in AUTHORITY), and referrals for names at or
 * below a zone cut (RFC 1034 §4.3.2 step 3b). No wildcards: the zone loader rejects them.
 */
final class ZoneResolver {
    /** Enough for uid → passwd style chains, small enough that a bad chain costs little. */
    static final int MAX_CNAME_HOPS = 8;

    private ZoneResolver() {
    }

    static Resolution resolve(HesiodZone zone, Name qname, int qtype, int dclass) {
        List<Record> answers = new ArrayList<>();
        Set<Name> visited = new HashSet<>();
        Name name = qname;
        for (int hop = 0; hop <= MAX_CNAME_HOPS && visited.add(name); hop++) {
            Optional<Name> cut = zone.delegationFor(name);
            // the DS RRset at a cut is the parent's (RFC 4035 §2.4): answered here, NODATA if there is none
            if (cut.isPresent() && !(qtype == Type.DS && name.equals(cut.get()))) {
                return referral(zone, cut.get(), answers, dclass);
            }
            ZoneNode node = zone.node(name, dclass);
            if (node == null) {
                // RFC 6604: after a CNAME the RCODE describes the last name of the chain
                return negative(zone, Rcode.NXDOMAIN, answers, dclass);
            }
            if (qtype == Type.ANY) {
                node.rrsets().forEach(answers::addAll);
                return answers.isEmpty() ? negative(zone, Rcode.NOERROR, answers, dclass) : positive(answers);
            }
            List<Record> rrset = node.rrset(qtype);
            if (!rrset.isEmpty()) {
                answers.addAll(rrset);
                return positive(answers);
            }
            List<Record> cname = node.rrset(Type.CNAME);
            if (cname.isEmpty()) {
                return negative(zone, Rcode.NOERROR, answers, dclass);
            }
            answers.addAll(cname);
            name = ((CNAMERecord) cname.get(0)).getTarget();
            if (!zone.contains(name)) {
                return positive(answers); // the client resolves the rest elsewhere
            }
        }
        // a CNAME loop or a chain longer than we follow: return what we have, as BIND does
        return positive(answers);
    }

    /**
     * The child's NS RRset in AUTHORITY and the A/AAAA glue we hold for its name servers in ADDITIONAL. Not
     * authoritative, unless a CNAME chain of ours led here: AA then vouches for the CNAMEs in ANSWER.
     */
    private static Resolution referral(HesiodZone zone, Name cut, List<Record> answers, int dclass) {
        List<Record> ns = zone.node(cut, dclass).rrset(Type.NS);
        Set<Name> targets = new LinkedHashSet<>();
        ns.forEach(r -> targets.add(((NSRecord) r).getTarget()));
        List<Record> glue = new ArrayList<>();
        for (Name target : targets) {
            ZoneNode node = zone.contains(target) ? zone.node(target, dclass) : null;
            if (node != null) {
                glue.addAll(node.rrset(Type.A));
                glue.addAll(node.rrset(Type.AAAA));
            }
        }
        return new Resolution(Rcode.NOERROR, answers, ns, glue, !answers.isEmpty());
    }

    private static Resolution positive(List<Record> answers) {
        return new Resolution(Rcode.NOERROR, answers, List.of());
    }

    private static Resolution negative(HesiodZone zone, int rcode, List<Record> answers, int dclass) {
        return new Resolution(rcode, answers, List.of(zone.negativeSoa(dclass)));
    }
}
