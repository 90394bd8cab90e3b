package org.flatracoon.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.datatable.DataTable;
import io.cucumber.java.Before;
import io.cucumber.java.ParameterType;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.assertj.core.api.SoftAssertions;
import org.flatracoon.lab.probe.DnsQuery;
import org.flatracoon.lab.probe.DnsQuery.DnsAnswer;
import org.flatracoon.lab.probe.DnsQuery.ResourceRecord;
import org.flatracoon.lab.probe.Nat64Address;
import org.flatracoon.lab.topology.InterfaceAddress;
import org.flatracoon.lab.topology.LinkSpec;

/**
 * Asks three DNS64 resolvers — ours, BIND's and Unbound's — the same questions from one client with the real
 * {@code dig}, and compares what they answer. The resolvers are the lab nodes {@code ours}, {@code bind} and
 * {@code unbound}; the client asks each at its address on the link between them.
 */
public final class Dns64Steps {
    private static final String CLIENT = "client";
    private static final Pattern TTL = Pattern.compile("\\s*\\(TTL (\\d+)\\)\\s*$");

    private final LabWorld world;
    private Scenario scenario;
    /** The answers, by resolver, then by question ("name type"). */
    private final Map<String, Map<String, DnsAnswer>> answers = new LinkedHashMap<>();

    public Dns64Steps(LabWorld world) {
        this.world = world;
    }

    @Before
    public void remember(Scenario scenario) {
        this.scenario = scenario;
    }

    /** ours, BIND or Unbound, as the feature says; the lab node of that name. */
    @ParameterType("ours|BIND|Unbound")
    public String dns64Resolver(String resolver) {
        return resolver.toLowerCase(Locale.ROOT);
    }

    @When("the client asks ours, BIND and Unbound each of these questions:")
    public void asksEachQuestion(DataTable questions) {
        for (Map<String, String> row : questions.asMaps()) {
            for (String resolver : List.of("ours", "bind", "unbound")) {
                ask(resolver, row.get("question"), row.get("type"), List.of());
            }
        }
        logAnswers();
    }

    @When("the client asks ours, BIND and Unbound for the AAAA records of {word} with DO and CD set")
    public void asksWithDoAndCd(String name) {
        for (String resolver : List.of("ours", "bind", "unbound")) {
            ask(resolver, name, "AAAA", List.of("+dnssec", "+cd"));
        }
        logAnswers();
    }

    @When("the {word} node can no longer be reached")
    public void canNoLongerBeReached(String node) {
        for (LinkSpec link : world.lab().topology().linksOf(node)) {
            world.lab().link(node, link.peerOf(node).node()).down();
        }
    }

    @Then("ours and BIND both answer, with TTLs within {int} seconds:")
    public void oursAndBindAnswer(int tolerance, DataTable expected) {
        SoftAssertions softly = new SoftAssertions();
        for (Map<String, String> row : expected.asMaps()) {
            String question = question(row.get("question"), row.get("type"));
            Expected want = Expected.parse(row.get("status"), row.get("answer"));
            for (String resolver : List.of("ours", "bind")) {
                want.check(softly, resolver + " for " + question, answer(resolver, question), tolerance);
            }
        }
        softly.assertAll();
    }

    @Then("ours and BIND agree on every record's owner and TTL, within {int} seconds, and on which answers are"
            + " authoritative")
    public void oursAndBindAgreeOnTtls(int tolerance) {
        SoftAssertions softly = new SoftAssertions();
        for (String question : answers.get("ours").keySet()) {
            softly.assertThat(answer("ours", question).authoritative()).as("AA flag of the answer to %s", question)
                    .isEqualTo(answer("bind", question).authoritative());
            List<ResourceRecord> ours = sorted(answer("ours", question).answers());
            List<ResourceRecord> bind = sorted(answer("bind", question).answers());
            softly.assertThat(ours.stream().map(Dns64Steps::ownerTypeData).toList()).as("owners of %s", question)
                    .isEqualTo(bind.stream().map(Dns64Steps::ownerTypeData).toList());
            for (int i = 0; i < Math.min(ours.size(), bind.size()); i++) {
                softly.assertThat(ours.get(i).ttl()).as("TTL of %s in the answer to %s (BIND: %s)",
                        ownerTypeData(ours.get(i)), question, bind.get(i).ttl())
                        .isBetween(bind.get(i).ttl() - tolerance, bind.get(i).ttl() + tolerance);
            }
        }
        softly.assertAll();
    }

    @Then("Unbound answers as BIND does, TTLs aside, except for these questions, with TTLs within {int} seconds:")
    public void unboundAnswersAsBindExcept(int tolerance, DataTable deviations) {
        SoftAssertions softly = new SoftAssertions();
        Map<String, Map<String, String>> named = new LinkedHashMap<>();
        deviations.asMaps().forEach(row -> named.put(question(row.get("question"), row.get("type")), row));
        for (String question : answers.get("unbound").keySet()) {
            DnsAnswer unbound = answer("unbound", question);
            Map<String, String> deviation = named.get(question);
            if (deviation == null) {
                DnsAnswer bind = answer("bind", question);
                softly.assertThat(unbound.status()).as("Unbound's status for %s", question).isEqualTo(bind.status());
                softly.assertThat(typeAndData(unbound.answers())).as("Unbound's answer to %s", question)
                        .isEqualTo(typeAndData(bind.answers()));
            } else {
                String cell = deviation.get("Unbound answers");
                boolean statusOnly = cell.matches("[A-Z]+");
                Expected.parse(statusOnly ? cell : "NOERROR", statusOnly ? "nothing" : cell)
                        .check(softly, "Unbound for " + question + " (where the RFCs say: "
                                + deviation.get("what the RFCs say") + ")", unbound, tolerance);
            }
        }
        named.keySet().forEach(question -> softly.assertThat(answers.get("unbound")).as("asked " + question)
                .containsKey(question));
        softly.assertAll();
    }

    @Then("{dns64Resolver} answers NOERROR with no AAAA record{}")
    public void answersWithoutAaaa(String resolver, String why) {
        DnsAnswer answer = onlyAnswer(resolver);
        assertThat(answer.status()).as("%s's status", resolver).isEqualTo("NOERROR");
        assertThat(answer.answers()).as("%s's answer", resolver).noneMatch(r -> r.type().equals("AAAA"));
    }

    @Then("BIND still answers {word}, a synthesised address RFC 6147 §5.5 advises against here")
    public void bindStillAnswers(String address) {
        assertThat(typeAndData(onlyAnswer("bind").answers())).as("BIND's answer").containsExactly("AAAA " + address);
    }

    @Then("the client discovers the prefix {word} from {dns64Resolver} through ipv4only.arpa")
    public void discoversThePrefix(String prefix, String resolver) {
        DnsAnswer answer = ask(resolver, "ipv4only.arpa", "AAAA", List.of());
        assertThat(answer.status()).as("%s: AAAA of ipv4only.arpa", resolver).isEqualTo("NOERROR");
        List<String> discovered = answer.answers().stream().filter(r -> r.type().equals("AAAA"))
                .map(r -> Nat64Address.discoveredFrom(r.data()).orElseThrow(() -> new AssertionError(r.data()
                        + " does not embed 192.0.0.170 or 192.0.0.171 at any RFC 6052 length")))
                .distinct().toList();
        scenario.log("from " + resolver + ": " + typeAndData(answer.answers()) + " → prefix " + discovered);
        assertThat(discovered).hasSize(1);
        String[] found = discovered.get(0).split("/");
        String[] wanted = prefix.split("/");
        assertThat(found[1]).as("prefix length").isEqualTo(wanted[1]);
        assertThat(Nat64Address.parse(found[0])).isEqualTo(Nat64Address.parse(wanted[0]));
    }

    @Then("{dns64Resolver} answers {word} for {word}")
    public void answersStatusFor(String resolver, String status, String name) {
        DnsAnswer answer = ask(resolver, name, "AAAA", List.of());
        scenario.log(resolver + " for " + name + " AAAA: " + answer.status() + " " + typeAndData(answer.answers()));
        assertThat(answer.status()).as("%s's status for %s AAAA", resolver, name).isEqualTo(status);
    }

    // ---- asking ---------------------------------------------------------------------------------

    private DnsAnswer ask(String resolver, String name, String type, List<String> digOptions) {
        String question = question(name, type);
        String qname = type.equals("PTR") && name.contains(":") ? reverseName(name) : name;
        DnsAnswer answer = new DnsQuery(world.node(CLIENT)).resolveWith(addressOf(resolver), qname, type, digOptions);
        answers.computeIfAbsent(resolver, r -> new LinkedHashMap<>()).put(question, answer);
        return answer;
    }

    /** The resolver's IPv6 address on its link with the client. */
    private String addressOf(String resolver) {
        LinkSpec link = world.lab().topology().linkBetween(resolver, CLIENT).orElseThrow(() -> new IllegalStateException(
                "lab " + world.lab().name() + " has no link between " + resolver + " and " + CLIENT));
        return link.endpointOf(resolver).ipv6().map(InterfaceAddress::address).map(InetAddress::getHostAddress)
                .orElseThrow(() -> new IllegalStateException(resolver + " has no IPv6 address towards " + CLIENT));
    }

    private DnsAnswer answer(String resolver, String question) {
        DnsAnswer answer = answers.getOrDefault(resolver, Map.of()).get(question);
        assertThat(answer).as("%s was asked %s", resolver, question).isNotNull();
        return answer;
    }

    private DnsAnswer onlyAnswer(String resolver) {
        Map<String, DnsAnswer> asked = answers.getOrDefault(resolver, Map.of());
        assertThat(asked).as("questions asked of %s", resolver).hasSize(1);
        return asked.values().iterator().next();
    }

    private void logAnswers() {
        StringBuilder log = new StringBuilder();
        answers.forEach((resolver, byQuestion) -> byQuestion.forEach((question, answer) -> log.append(resolver)
                .append(": ").append(question).append(" → ").append(answer.status()).append(' ')
                .append(answer.answers().stream().map(r -> r.owner() + " " + r.ttl() + " " + r.type() + " " + r.data())
                        .collect(Collectors.joining(", "))).append('\n')));
        scenario.log(log.toString());
    }

    private static String question(String name, String type) {
        return name + " " + type;
    }

    /** The ip6.arpa name of an IPv6 address (RFC 3596 §2.5), as {@code dig -x} would ask. */
    static String reverseName(String address) {
        InetAddress parsed = Nat64Address.parse(address);
        if (!(parsed instanceof Inet6Address)) {
            throw new IllegalArgumentException(address + " is not an IPv6 address");
        }
        StringBuilder name = new StringBuilder();
        byte[] bytes = parsed.getAddress();
        for (int i = bytes.length - 1; i >= 0; i--) {
            name.append(Character.forDigit(bytes[i] & 0xF, 16)).append('.')
                    .append(Character.forDigit((bytes[i] >> 4) & 0xF, 16)).append('.');
        }
        return name.append("ip6.arpa.").toString();
    }

    // ---- comparing ------------------------------------------------------------------------------

    private static List<ResourceRecord> sorted(List<ResourceRecord> records) {
        return records.stream().sorted((a, b) -> ownerTypeData(a).compareTo(ownerTypeData(b))).toList();
    }

    private static String ownerTypeData(ResourceRecord r) {
        return r.owner().toLowerCase(Locale.ROOT) + " " + r.type() + " " + r.data();
    }

    /** "TYPE data" of each record, sorted: resolvers may rotate the records of a set. */
    private static List<String> typeAndData(List<ResourceRecord> records) {
        return records.stream().map(r -> r.type() + " " + r.data()).sorted().toList();
    }

    /**
     * One expected answer as the feature writes it: a status and {@code TYPE data, TYPE data (TTL n)} or
     * {@code nothing}; a TTL, if given, is that of every record of the last type listed.
     */
    private record Expected(String status, List<String> records, Optional<Long> ttl) {

        static Expected parse(String status, String answer) {
            Matcher m = TTL.matcher(answer);
            Optional<Long> ttl = m.find() ? Optional.of(Long.parseLong(m.group(1))) : Optional.empty();
            String records = TTL.matcher(answer).replaceFirst("").strip();
            List<String> list = records.equals("nothing") ? List.of()
                    : new ArrayList<>(List.of(records.split("\\s*,\\s*")));
            return new Expected(status, list.stream().sorted().toList(), ttl);
        }

        void check(SoftAssertions softly, String what, DnsAnswer answer, int tolerance) {
            softly.assertThat(answer.status()).as("status of %s", what).isEqualTo(status);
            softly.assertThat(typeAndData(answer.answers())).as("answer of %s", what).isEqualTo(records);
            ttl.ifPresent(want -> {
                String type = records.get(records.size() - 1).split(" ")[0];
                answer.answers().stream().filter(r -> r.type().equals(type)).forEach(r -> softly.assertThat(r.ttl())
                        .as("TTL of %s %s in %s", r.type(), r.data(), what)
                        .isBetween(want - tolerance, want + (long) tolerance));
            });
        }
    }
}
