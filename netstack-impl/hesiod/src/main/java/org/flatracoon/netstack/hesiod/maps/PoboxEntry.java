package org.flatracoon.netstack.hesiod.maps;

import java.util.List;

/** A {@code pobox} map entry: {@code TYPE host user}, e.g. {@code POP mail.example.org jdoe}. */
public record PoboxEntry(String type, String host, String user) implements HesiodEntry {

    public PoboxEntry {
        Fields.requireToken(type, "pobox type");
        Fields.requireToken(host, "mail host");
        Fields.requireToken(user, "mailbox user");
    }

    public static PoboxEntry parse(String txt) {
        List<String> t = Fields.tokens(txt);
        if (t.size() != 3) {
            throw new HesiodFormatException("expected 3 fields (type host user), got " + t.size());
        }
        return new PoboxEntry(t.get(0), t.get(1), t.get(2));
    }

    @Override
    public String format() {
        return type + " " + host + " " + user;
    }
}
