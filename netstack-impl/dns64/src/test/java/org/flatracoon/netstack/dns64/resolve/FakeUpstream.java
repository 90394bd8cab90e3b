package org.flatracoon.netstack.dns64.resolve;

import java.io.IOException;
import java.net.SocketTimeoutException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/** An upstream that answers from a table of responses given by each test, and remembers what it was asked. */
final class FakeUpstream implements Upstream {
    static final String SOA = "lab.test. 120 IN SOA ns.lab.test. host.lab.test. 1 3600 900 604800 120";

    private final Map<Question, Response> responses = new HashMap<>();
    private final List<Question> asked = new ArrayList<>();

    /** {@code records} in master-file syntax, one per string, all in ANSWER. */
    FakeUpstream answer(String name, int type, String... records) {
        return respond(name, type, new Response(Rcode.NOERROR, false, parse(records), List.of(), List.of()));
    }

    FakeUpstream nodata(String name, int type, String... answer) {
        return respond(name, type, new Response(Rcode.NOERROR, false, parse(answer), parse(SOA), List.of()));
    }

    FakeUpstream rcode(String name, int type, int rcode, String... authority) {
        return respond(name, type, new Response(rcode, false, List.of(), parse(authority), List.of()));
    }

    FakeUpstream respond(String name, int type, Response response) {
        responses.put(Question.of(name(name), type), response);
        return this;
    }

    @Override
    public Response ask(Question question) throws IOException {
        asked.add(question);
        Response response = responses.get(Question.of(question.name(), question.type()));
        if (response == null) {
            throw new SocketTimeoutException("no answer for " + question);
        }
        return response;
    }

    List<Question> asked() {
        return asked;
    }

    boolean wasAsked(String name, int type) {
        return asked.stream().anyMatch(q -> q.name().equals(name(name)) && q.type() == type);
    }

    static Name name(String text) {
        try {
            return Name.fromString(text, Name.root);
        } catch (TextParseException e) {
            throw new IllegalArgumentException(e);
        }
    }

    static List<Record> parse(String... records) {
        List<Record> parsed = new ArrayList<>();
        for (String text : records) {
            String[] f = text.split("\\s+", 5);
            try {
                parsed.add(Record.fromString(name(f[0]), Type.value(f[3]), DClass.IN, Long.parseLong(f[1]), f[4],
                        Name.root));
            } catch (IOException e) {
                throw new IllegalArgumentException(text, e);
            }
        }
        return parsed;
    }
}
