package org.flatracoon.netstack.dns64.resolve;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.flatracoon.netstack.dns64.prefix.Ipv6Range;
import org.flatracoon.netstack.dns64.prefix.Ipv6Text;
import org.flatracoon.netstack.dns64.prefix.Pref64;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/** RFC 6147 §5 case by case, with an upstream that answers from a table. */
class Dns64ResolverTest {
    private static final Pref64 SITE = Pref64.parse("fd64:ff9b::/96");

    private final FakeUpstream upstream = new FakeUpstream();
    private Dns64Resolver resolver = new Dns64Resolver(upstream, new Synthesis(SITE, List.of(Ipv6Range.IPV4_MAPPED)));

    @Test
    void synthesisesAaaaForAnIpv4OnlyNameWithTheSmallerOfATtlAndNegativeTtl() {
        upstream.nodata("v4only.lab.test.", Type.AAAA)
                .answer("v4only.lab.test.", Type.A, "v4only.lab.test. 300 IN A 198.51.100.10");

        Answer answer = aaaa("v4only.lab.test.");

        assertThat(answer.rcode()).isEqualTo(Rcode.NOERROR);
        assertThat(text(answer.answer())).containsExactly("v4only.lab.test. 120 IN AAAA fd64:ff9b::c633:640a");
        assertThat(answer.outcome()).isEqualTo(Outcome.SYNTHESIZED_AAAA);
        assertThat(answer.authenticData()).isFalse();
        assertThat(answer.authoritative()).isFalse();
    }

    @Test
    void aShortATtlWinsOverTheNegativeTtl() {
        upstream.nodata("v4ttl.lab.test.", Type.AAAA).answer("v4ttl.lab.test.", Type.A, "v4ttl.lab.test. 30 IN A 198.51.100.11");

        assertThat(text(aaaa("v4ttl.lab.test.").answer())).containsExactly("v4ttl.lab.test. 30 IN AAAA fd64:ff9b::c633:640b");
    }

    @Test
    void withoutAnSoaInTheNegativeAnswerTheTtlIsAtMost600Seconds() {
        upstream.answer("nosoa.lab.test.", Type.AAAA)
                .answer("nosoa.lab.test.", Type.A, "nosoa.lab.test. 3600 IN A 198.51.100.12");

        assertThat(text(aaaa("nosoa.lab.test.").answer())).containsExactly("nosoa.lab.test. 600 IN AAAA fd64:ff9b::c633:640c");
    }

    @Test
    void realAaaaIsReturnedAndNoAIsAsked() {
        upstream.answer("dual.lab.test.", Type.AAAA, "dual.lab.test. 300 IN AAAA 2001:db8:6a::20");

        Answer answer = aaaa("dual.lab.test.");

        assertThat(text(answer.answer())).containsExactly("dual.lab.test. 300 IN AAAA 2001:db8:6a::20");
        assertThat(answer.outcome()).isEqualTo(Outcome.FORWARDED);
        assertThat(upstream.wasAsked("dual.lab.test.", Type.A)).isFalse();
    }

    @Test
    void ipv4MappedAaaaIsExcludedSoTheAddressIsSynthesisedFromA() {
        upstream.answer("mapped.lab.test.", Type.AAAA, "mapped.lab.test. 300 IN AAAA ::ffff:198.51.100.40")
                .answer("mapped.lab.test.", Type.A, "mapped.lab.test. 300 IN A 198.51.100.40");

        assertThat(text(aaaa("mapped.lab.test.").answer()))
                .containsExactly("mapped.lab.test. 300 IN AAAA fd64:ff9b::c633:6428");
    }

    @Test
    void excludedAaaaIsDroppedFromAnAnswerThatAlsoHasARealOne() {
        upstream.answer("mixed.lab.test.", Type.AAAA, "mixed.lab.test. 300 IN AAAA ::ffff:198.51.100.41",
                "mixed.lab.test. 300 IN AAAA 2001:db8:6a::41");

        assertThat(text(aaaa("mixed.lab.test.").answer())).containsExactly("mixed.lab.test. 300 IN AAAA 2001:db8:6a::41");
        assertThat(upstream.wasAsked("mixed.lab.test.", Type.A)).isFalse();
    }

    @Test
    void anOperatorMayExcludeMoreRanges() {
        resolver = new Dns64Resolver(upstream, new Synthesis(SITE,
                List.of(Ipv6Range.IPV4_MAPPED, Ipv6Range.parse("2001:db8:bad::/48"))));
        upstream.answer("broken.lab.test.", Type.AAAA, "broken.lab.test. 300 IN AAAA 2001:db8:bad::1")
                .answer("broken.lab.test.", Type.A, "broken.lab.test. 300 IN A 198.51.100.13");

        assertThat(text(aaaa("broken.lab.test.").answer()))
                .containsExactly("broken.lab.test. 300 IN AAAA fd64:ff9b::c633:640d");
    }

    @Test
    void nxdomainPassesThroughWithoutAnAQuery() {
        upstream.rcode("nx.lab.test.", Type.AAAA, Rcode.NXDOMAIN, FakeUpstream.SOA);

        Answer answer = aaaa("nx.lab.test.");

        assertThat(answer.rcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(text(answer.authority())).containsExactly(FakeUpstream.SOA);
        assertThat(upstream.wasAsked("nx.lab.test.", Type.A)).isFalse();
    }

    @Test
    void aNameWithoutAddressesGetsTheNodataOfItsAaaaQuery() {
        upstream.nodata("txtonly.lab.test.", Type.AAAA).nodata("txtonly.lab.test.", Type.A);

        Answer answer = aaaa("txtonly.lab.test.");

        assertThat(answer.rcode()).isEqualTo(Rcode.NOERROR);
        assertThat(answer.answer()).isEmpty();
        assertThat(text(answer.authority())).containsExactly(FakeUpstream.SOA);
    }

    @Test
    void theCnameChainIsKeptAndTheSynthesisedRecordEndsIt() {
        upstream.nodata("cn.lab.test.", Type.AAAA, "cn.lab.test. 300 IN CNAME v4only.lab.test.")
                .answer("cn.lab.test.", Type.A, "cn.lab.test. 300 IN CNAME v4only.lab.test.",
                        "v4only.lab.test. 300 IN A 198.51.100.10");

        assertThat(text(aaaa("cn.lab.test.").answer())).containsExactly("cn.lab.test. 300 IN CNAME v4only.lab.test.",
                "v4only.lab.test. 120 IN AAAA fd64:ff9b::c633:640a");
    }

    @Test
    void everyARecordGetsItsAaaa() {
        upstream.nodata("multi.lab.test.", Type.AAAA).answer("multi.lab.test.", Type.A,
                "multi.lab.test. 300 IN A 198.51.100.50", "multi.lab.test. 300 IN A 198.51.100.51");

        assertThat(text(aaaa("multi.lab.test.").answer())).containsExactly(
                "multi.lab.test. 120 IN AAAA fd64:ff9b::c633:6432", "multi.lab.test. 120 IN AAAA fd64:ff9b::c633:6433");
    }

    @Test
    void aFailedAaaaQueryCountsAsNoAaaa() {
        upstream.rcode("flaky.lab.test.", Type.AAAA, Rcode.SERVFAIL)
                .answer("flaky.lab.test.", Type.A, "flaky.lab.test. 900 IN A 198.51.100.14");

        assertThat(text(aaaa("flaky.lab.test.").answer())).containsExactly("flaky.lab.test. 600 IN AAAA fd64:ff9b::c633:640e");
    }

    @Test
    void whenBothQueriesFailTheClientGetsServfail() {
        upstream.rcode("down.lab.test.", Type.AAAA, Rcode.SERVFAIL).rcode("down.lab.test.", Type.A, Rcode.SERVFAIL);

        assertThat(aaaa("down.lab.test.").rcode()).isEqualTo(Rcode.SERVFAIL);
        assertThat(aaaa("silent.lab.test.").rcode()).isEqualTo(Rcode.SERVFAIL); // no upstream answer at all
        assertThat(aaaa("silent.lab.test.").outcome()).isEqualTo(Outcome.UPSTREAM_FAILED);
    }

    @Test
    void aValidatingClientWithDoAndCdGetsTheUpstreamAnswerUnsynthesised() {
        upstream.nodata("v4only.lab.test.", Type.AAAA)
                .answer("v4only.lab.test.", Type.A, "v4only.lab.test. 300 IN A 198.51.100.10");

        Answer answer = resolver.resolve(new Question(FakeUpstream.name("v4only.lab.test."), Type.AAAA, true, true));

        assertThat(answer.answer()).isEmpty();
        assertThat(text(answer.authority())).containsExactly(FakeUpstream.SOA);
        assertThat(upstream.wasAsked("v4only.lab.test.", Type.A)).isFalse();
    }

    @Test
    void doAloneOrCdAloneStillGetsSynthesisWithoutAdAndWithoutSignatures() {
        upstream.nodata("v4only.lab.test.", Type.AAAA).respond("v4only.lab.test.", Type.A, new Response(Rcode.NOERROR,
                true, FakeUpstream.parse("v4only.lab.test. 300 IN A 198.51.100.10",
                "v4only.lab.test. 300 IN RRSIG A 13 3 300 20270101000000 20260101000000 12345 lab.test. AAAA"),
                List.of(), List.of()));

        for (boolean[] bits : new boolean[][] {{true, false}, {false, true}}) {
            Answer answer = resolver.resolve(new Question(FakeUpstream.name("v4only.lab.test."), Type.AAAA, bits[0], bits[1]));
            assertThat(text(answer.answer())).containsExactly("v4only.lab.test. 120 IN AAAA fd64:ff9b::c633:640a");
            assertThat(answer.authenticData()).isFalse();
        }
    }

    @Test
    void theWellKnownPrefixIsUsedOnlyForGlobalIpv4() {
        resolver = new Dns64Resolver(upstream, new Synthesis(Pref64.WELL_KNOWN, List.of(Ipv6Range.IPV4_MAPPED)));
        upstream.nodata("doc.lab.test.", Type.AAAA).answer("doc.lab.test.", Type.A, "doc.lab.test. 300 IN A 198.51.100.10")
                .nodata("global.lab.test.", Type.AAAA)
                .answer("global.lab.test.", Type.A, "global.lab.test. 300 IN A 192.0.43.10");

        Answer doc = aaaa("doc.lab.test.");
        assertThat(doc.rcode()).isEqualTo(Rcode.NOERROR);
        assertThat(doc.answer()).isEmpty(); // TEST-NET-2 is not global: NODATA rather than 64:ff9b::c633:640a
        assertThat(text(aaaa("global.lab.test.").answer())).containsExactly("global.lab.test. 120 IN AAAA 64:ff9b::c000:2b0a");
    }

    @Test
    void ipv4onlyArpaIsAnsweredLocallyForPrefixDiscovery() {
        Answer aaaa = aaaa("ipv4only.arpa.");
        Answer a = resolver.resolve(Question.of(FakeUpstream.name("IPv4only.ARPA."), Type.A));
        Answer txt = resolver.resolve(Question.of(FakeUpstream.name("ipv4only.arpa."), Type.TXT));
        Answer below = aaaa("www.ipv4only.arpa.");

        assertThat(text(aaaa.answer())).containsExactly("ipv4only.arpa. 3600 IN AAAA fd64:ff9b::c000:aa",
                "ipv4only.arpa. 3600 IN AAAA fd64:ff9b::c000:ab");
        assertThat(aaaa.authoritative()).isTrue();
        assertThat(text(a.answer())).containsExactly("ipv4only.arpa. 3600 IN A 192.0.0.170", "ipv4only.arpa. 3600 IN A 192.0.0.171");
        assertThat(txt.rcode()).isEqualTo(Rcode.NOERROR);
        assertThat(txt.answer()).isEmpty();
        assertThat(txt.authority()).hasSize(1);
        assertThat(below.rcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(upstream.asked()).isEmpty();
    }

    @Test
    void ipv4onlyArpaIsSynthesisedEvenWithTheWellKnownPrefix() {
        resolver = new Dns64Resolver(upstream, new Synthesis(Pref64.WELL_KNOWN, List.of(Ipv6Range.IPV4_MAPPED)));

        assertThat(text(aaaa("ipv4only.arpa.").answer())).containsExactly("ipv4only.arpa. 3600 IN AAAA 64:ff9b::c000:aa",
                "ipv4only.arpa. 3600 IN AAAA 64:ff9b::c000:ab");
    }

    @Test
    void ptrOfASynthesisedAddressIsACnameIntoInAddrArpaFollowedUpstream() {
        upstream.answer("10.100.51.198.in-addr.arpa.", Type.PTR, "10.100.51.198.in-addr.arpa. 300 IN PTR v4only.lab.test.");
        String name = "a.0.4.6.3.3.6.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.b.9.f.f.4.6.d.f.ip6.arpa.";

        Answer answer = resolver.resolve(Question.of(FakeUpstream.name(name), Type.PTR));

        assertThat(text(answer.answer())).containsExactly(name + " 600 IN CNAME 10.100.51.198.in-addr.arpa.",
                "10.100.51.198.in-addr.arpa. 300 IN PTR v4only.lab.test.");
        assertThat(answer.authoritative()).isTrue();
        assertThat(answer.outcome()).isEqualTo(Outcome.SYNTHESIZED_PTR);
    }

    @Test
    void ptrOfAnAddressWithoutReverseDataKeepsTheCnameAndTheNxdomain() {
        upstream.rcode("11.100.51.198.in-addr.arpa.", Type.PTR, Rcode.NXDOMAIN,
                "100.51.198.in-addr.arpa. 120 IN SOA ns.lab.test. host.lab.test. 1 3600 900 604800 120");

        Answer answer = resolver.resolve(Question.of(FakeUpstream.name(
                "b.0.4.6.3.3.6.c.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.b.9.f.f.4.6.d.f.ip6.arpa."), Type.PTR));

        assertThat(answer.rcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(text(answer.answer())).hasSize(1).allMatch(r -> r.contains("CNAME 11.100.51.198.in-addr.arpa."));
    }

    @Test
    void ptrOutsideThePrefixOrWithANonZeroUOctetGoesUpstreamUnchanged() {
        resolver = new Dns64Resolver(upstream, new Synthesis(Pref64.parse("2001:db8:6a:64::/64"), List.of()));
        String outside = "1.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.8.b.d.0.1.0.0.2.ip6.arpa.";
        String uOctet = "0.0.0.0.a.0.4.6.3.3.6.c.0.0.1.0.4.6.0.0.a.6.0.0.8.b.d.0.1.0.0.2.ip6.arpa.";
        upstream.answer(outside, Type.PTR, outside + " 300 IN PTR host.lab.test.").rcode(uOctet, Type.PTR, Rcode.NXDOMAIN);

        assertThat(text(resolver.resolve(Question.of(FakeUpstream.name(outside), Type.PTR)).answer()))
                .containsExactly(outside + " 300 IN PTR host.lab.test.");
        assertThat(resolver.resolve(Question.of(FakeUpstream.name(uOctet), Type.PTR)).rcode()).isEqualTo(Rcode.NXDOMAIN);
    }

    @Test
    void otherTypesAreForwardedAsTheyAre() {
        upstream.answer("lab.test.", Type.MX, "lab.test. 300 IN MX 10 mail.lab.test.");

        Answer answer = resolver.resolve(Question.of(FakeUpstream.name("lab.test."), Type.MX));

        assertThat(text(answer.answer())).containsExactly("lab.test. 300 IN MX 10 mail.lab.test.");
        assertThat(answer.outcome()).isEqualTo(Outcome.FORWARDED);
    }

    private Answer aaaa(String name) {
        return resolver.resolve(Question.of(FakeUpstream.name(name), Type.AAAA));
    }

    /** Master-file text, one space between fields, AAAA addresses in RFC 5952 form (dnsjava prints them long). */
    static List<String> text(List<Record> records) {
        return records.stream().map(r -> r instanceof AAAARecord aaaa
                ? r.getName() + " " + r.getTTL() + " IN AAAA " + Ipv6Text.format(aaaa.rdataToWireCanonical())
                : r.toString().replaceAll("\\s+", " ")).toList();
    }
}
