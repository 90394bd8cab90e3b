package org.flatracoon.netstack.dns64.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.flatracoon.netstack.dns64.resolve.Question;
import org.flatracoon.netstack.dns64.resolve.Response;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

class AnswerCacheTest {
    private final MutableClock clock = new MutableClock();
    private final AnswerCache cache = new AnswerCache(clock, 100, Duration.ofDays(1));

    @Test
    void aPositiveAnswerLivesForItsSmallestTtlAndAgesWhileCached() throws Exception {
        Question q = question("v4only.lab.test.", Type.A);
        cache.put(q, positive("v4only.lab.test. 300 IN A 198.51.100.10", "v4only.lab.test. 60 IN A 198.51.100.11"));

        clock.advance(Duration.ofSeconds(25));
        assertThat(cache.get(q)).hasValueSatisfying(r ->
                assertThat(r.answer()).extracting(Record::getTTL).containsExactly(275L, 35L));

        clock.advance(Duration.ofSeconds(35));
        assertThat(cache.get(q)).isEmpty();
        assertThat(cache.size()).isZero();
    }

    @Test
    void negativeAnswersLiveForTheSoaNegativeTtl() throws Exception {
        Question q = question("nx.lab.test.", Type.AAAA);
        // SOA TTL 300 but MINIMUM 120: RFC 2308 says 120
        cache.put(q, new Response(Rcode.NXDOMAIN, false, List.of(),
                records("lab.test. 300 IN SOA ns.lab.test. host.lab.test. 1 3600 900 604800 120"), List.of()));

        clock.advance(Duration.ofSeconds(119));
        assertThat(cache.get(q)).hasValueSatisfying(r -> assertThat(r.rcode()).isEqualTo(Rcode.NXDOMAIN));
        clock.advance(Duration.ofSeconds(1));
        assertThat(cache.get(q)).isEmpty();
    }

    @Test
    void aCnameChainEndingInNodataLivesForTheNegativeTtl() throws Exception {
        Question q = question("alias.lab.test.", Type.AAAA);
        cache.put(q, new Response(Rcode.NOERROR, false, records("alias.lab.test. 300 IN CNAME v4only.lab.test."),
                records("lab.test. 120 IN SOA ns.lab.test. host.lab.test. 1 3600 900 604800 120"), List.of()));

        clock.advance(Duration.ofSeconds(120));
        assertThat(cache.get(q)).isEmpty();
    }

    @Test
    void negativeAnswersWithoutSoaAndErrorsAreNotCached() throws Exception {
        cache.put(question("a.lab.test.", Type.AAAA), new Response(Rcode.NOERROR, false, List.of(), List.of(), List.of()));
        cache.put(question("b.lab.test.", Type.AAAA), new Response(Rcode.SERVFAIL, false, List.of(), List.of(), List.of()));
        cache.put(question("c.lab.test.", Type.A), positive("c.lab.test. 0 IN A 198.51.100.12"));

        assertThat(cache.size()).isZero();
    }

    @Test
    void theDnssecBitsArePartOfTheKey() throws Exception {
        Name name = Name.fromString("v4only.lab.test.");
        cache.put(new Question(name, Type.A, true, false), positive("v4only.lab.test. 300 IN A 198.51.100.10"));

        assertThat(cache.get(new Question(name, Type.A, false, false))).isEmpty();
        assertThat(cache.get(new Question(Name.fromString("V4ONLY.lab.test."), Type.A, true, false))).isPresent();
    }

    @Test
    void theLeastRecentlyUsedEntryGoesFirstWhenFull() throws Exception {
        AnswerCache small = new AnswerCache(clock, 2, Duration.ofDays(1));
        Question a = question("a.lab.test.", Type.A);
        Question b = question("b.lab.test.", Type.A);
        Question c = question("c.lab.test.", Type.A);
        small.put(a, positive("a.lab.test. 300 IN A 198.51.100.1"));
        small.put(b, positive("b.lab.test. 300 IN A 198.51.100.2"));
        small.get(a);
        small.put(c, positive("c.lab.test. 300 IN A 198.51.100.3"));

        assertThat(small.size()).isEqualTo(2);
        assertThat(small.get(a)).isPresent();
        assertThat(small.get(b)).isEmpty();
        assertThat(small.get(c)).isPresent();
    }

    @Test
    void nothingStaysLongerThanTheCap() throws Exception {
        AnswerCache capped = new AnswerCache(clock, 10, Duration.ofSeconds(60));
        Question q = question("long.lab.test.", Type.A);
        capped.put(q, positive("long.lab.test. 86400 IN A 198.51.100.4"));

        clock.advance(Duration.ofSeconds(60));
        assertThat(capped.get(q)).isEmpty();
    }

    @Test
    void theCachingUpstreamAsksOnlyOnMissesAndCountsBoth() throws Exception {
        List<Question> asked = new ArrayList<>();
        List<Boolean> lookups = new ArrayList<>();
        CachingUpstream upstream = new CachingUpstream(q -> {
            asked.add(q);
            return positive("v4only.lab.test. 300 IN A 198.51.100.10");
        }, cache, lookups::add);
        Question q = question("v4only.lab.test.", Type.A);

        upstream.ask(q);
        clock.advance(Duration.ofSeconds(10));
        Response second = upstream.ask(q);

        assertThat(asked).hasSize(1);
        assertThat(lookups).containsExactly(false, true);
        assertThat(second.answer().get(0).getTTL()).isEqualTo(290);
    }

    private static Question question(String name, int type) throws IOException {
        return Question.of(Name.fromString(name), type);
    }

    private static Response positive(String... records) throws IOException {
        return new Response(Rcode.NOERROR, false, records(records), List.of(), List.of());
    }

    private static List<Record> records(String... texts) throws IOException {
        List<Record> records = new ArrayList<>();
        for (String text : texts) {
            String[] f = text.split("\\s+", 5);
            records.add(Record.fromString(Name.fromString(f[0]), Type.value(f[3]), DClass.IN, Long.parseLong(f[1]), f[4],
                    Name.root));
        }
        return records;
    }
}
