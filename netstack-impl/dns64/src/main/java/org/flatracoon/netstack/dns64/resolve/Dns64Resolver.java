package org.flatracoon.netstack.dns64.resolve;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Type;

/**
 * DNS64 (RFC 6147) in front of an upstream resolver: one question in, one {@link Answer} out. Thread-safe if the
 * upstream is; never throws for a question.
 *
 * <ul>
 *   <li>{@code ipv4only.arpa} is answered locally (RFC 8880 §7.2).</li>
 *   <li>AAAA: the upstream's AAAA answer if it holds a non-excluded AAAA, or NXDOMAIN; otherwise AAAA records made
 *       from the A records (§5.1), with TTL min(A TTL, negative TTL of the AAAA answer, or 600 s without SOA).
 *       A failed AAAA query counts as "no AAAA" (§5.1.2). With DO and CD both set the client validates and does its
 *       own DNS64: nothing is synthesised (§5.5).</li>
 *   <li>PTR under the prefix: a CNAME to the in-addr.arpa name, then that name's answer (§5.3.1), as BIND does.</li>
 *   <li>Everything else goes to the upstream unchanged.</li>
 * </ul>
 */
public final class Dns64Resolver {
    private static final Logger LOG = LoggerFactory.getLogger(Dns64Resolver.class);
    /** TTL of the CNAME from a prefix PTR name into in-addr.arpa; BIND 9.18 uses the same. */
    static final long PTR_CNAME_TTL = 600;

    private final Upstream upstream;
    private final Synthesis synthesis;
    private final ReversePrefix reverse;

    public Dns64Resolver(Upstream upstream, Synthesis synthesis) {
        this.upstream = upstream;
        this.synthesis = synthesis;
        this.reverse = new ReversePrefix(synthesis.prefix());
    }

    public Answer resolve(Question question) {
        if (Ipv4OnlyArpa.covers(question.name())) {
            return Ipv4OnlyArpa.answer(question, synthesis.prefix());
        }
        if (question.type() == Type.PTR) {
            Optional<Name> ipv4Name = reverse.ipv4Name(question.name());
            if (ipv4Name.isPresent()) {
                return ptr(question, ipv4Name.get());
            }
        }
        if (question.type() == Type.AAAA && !(question.dnssecOk() && question.checkingDisabled())) {
            return aaaa(question);
        }
        return ask(question).map(Answer::forwarded).orElseGet(Answer::serverFailure);
    }

    private Answer aaaa(Question question) {
        Optional<Response> aaaa = ask(question);
        if (aaaa.isPresent() && aaaa.get().isNxdomain()) {
            return Answer.forwarded(aaaa.get()); // §5.1.2: the name does not exist, for A either
        }
        if (aaaa.isPresent() && aaaa.get().isNoerror() && synthesis.hasRealAaaa(aaaa.get().answer())) {
            return realAaaa(aaaa.get());
        }
        // NODATA, only excluded AAAA, or an error (SERVFAIL, REFUSED, timeout: §5.1.2 treats it as "no AAAA")
        Optional<Response> a = ask(question.with(question.name(), Type.A));
        Optional<Response> noAaaa = aaaa.filter(Response::isNoerror);
        if (a.isEmpty() || !a.get().isNoerror()) {
            if (noAaaa.isPresent()) {
                return realAaaa(noAaaa.get()); // what the AAAA query said: no (usable) AAAA
            }
            return a.map(Answer::forwarded).orElseGet(Answer::serverFailure);
        }
        long ttlCap = noAaaa.map(r -> r.negativeTtl().orElse(Synthesis.DEFAULT_NEGATIVE_TTL))
                .orElse(Synthesis.DEFAULT_NEGATIVE_TTL);
        List<Record> synthesized = synthesis.fromA(a.get().answer(), ttlCap);
        if (!synthesized.isEmpty()) {
            return Answer.synthesized(synthesized);
        }
        // no A record either (or none the prefix may represent): the name has no address for us
        if (noAaaa.isPresent()) {
            return realAaaa(noAaaa.get());
        }
        Response noA = a.get();
        return new Answer(Rcode.NOERROR, false, false, Synthesis.chain(noA.answer()), noA.authority(), List.of(),
                Outcome.FORWARDED);
    }

    /** The AAAA answer as received, minus excluded records (§5.1.4). */
    private Answer realAaaa(Response aaaa) {
        Response kept = new Response(aaaa.rcode(), aaaa.authenticData(), synthesis.withoutExcluded(aaaa.answer()),
                aaaa.authority(), aaaa.additional());
        return Answer.forwarded(kept);
    }

    private Answer ptr(Question question, Name ipv4Name) {
        List<Record> answer = new ArrayList<>();
        answer.add(new CNAMERecord(question.name(), DClass.IN, PTR_CNAME_TTL, ipv4Name));
        Optional<Response> target = ask(question.with(ipv4Name, Type.PTR));
        if (target.isEmpty()) {
            return Answer.serverFailure();
        }
        answer.addAll(target.get().answer());
        // authoritative for the CNAME, which is ours, as BIND is for its synthesised reverse zone
        return new Answer(target.get().rcode(), true, false, answer, target.get().authority(), List.of(),
                Outcome.SYNTHESIZED_PTR);
    }

    private Optional<Response> ask(Question question) {
        try {
            return Optional.of(upstream.ask(question));
        } catch (IOException e) {
            LOG.debug("no upstream answer for {}: {}", question, e.toString());
            return Optional.empty();
        }
    }
}
