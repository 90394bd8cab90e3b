package org.flatracoon.lab.probe.bgp;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** AS paths as the daemons print them ("65003 65002", "65001 {65004 65005}"): the numbers, in order. */
final class AsPaths {

    private static final Pattern ASN = Pattern.compile("\\d+");

    private AsPaths() {
    }

    static List<Long> parse(String text) {
        List<Long> asns = new ArrayList<>();
        Matcher matcher = ASN.matcher(text);
        while (matcher.find()) {
            asns.add(Long.parseLong(matcher.group()));
        }
        return asns;
    }
}
