package org.flatracoon.lab.topology;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Turns topology.links into {@link LinkSpec}s. Accepts both endpoint forms: {@code "ws1:eth1"}
 * with addresses in the link's ipv4/ipv6 lists (one per endpoint, same order), and
 * {@code {node: ws1, interface: eth1, ipv4: …}}. Checks what concerns one link or one
 * interface; checks across all addresses belong to {@link AddressPlan}.
 */
final class LinkResolver {

    private static final Set<String> LINK_KEYS = Set.of("endpoints", "ipv4", "ipv6");
    private static final Set<String> CONTAINERLAB_LINK_KEYS = Set.of("mtu", "vars", "labels", "type", "endpoint");
    private static final Set<String> ENDPOINT_KEYS = Set.of("node", "interface", "ipv4", "ipv6");
    private static final Set<String> CONTAINERLAB_ENDPOINT_KEYS = Set.of("mac", "vars");

    /** An endpoint as written, before it is known whether its link is complete. */
    private record Draft(String node, String iface, int line,
            Optional<Located<InterfaceAddress>> ipv4, Optional<Located<InterfaceAddress>> ipv6) {
    }

    private final Set<String> nodeNames;
    private final ProblemCollector problems;
    /** "node:iface" → line of the endpoint that first used it. */
    private final Map<String, Integer> usedInterfaces = new HashMap<>();

    LinkResolver(Set<String> nodeNames, ProblemCollector problems) {
        this.nodeNames = nodeNames;
        this.problems = problems;
    }

    /** Every link with two well-formed endpoints; all problems found on the way are reported. */
    List<PlacedLink> resolve(RawNode.Sequence links) {
        List<PlacedLink> placed = new ArrayList<>();
        for (RawNode item : links.items()) {
            MappingReader.of(item, "a link", problems).flatMap(this::resolve).ifPresent(placed::add);
        }
        return placed;
    }

    private Optional<PlacedLink> resolve(MappingReader link) {
        link.checkKeys(LINK_KEYS, CONTAINERLAB_LINK_KEYS, Map.of());
        Optional<RawNode.Sequence> endpointList = link.sequence("endpoints");
        if (link.entry("endpoints").isEmpty()) {
            problems.report(link.line(), "link has no 'endpoints'");
        }
        List<Optional<Draft>> drafts = new ArrayList<>();
        endpointList.ifPresent(list -> list.items().forEach(item -> drafts.add(endpoint(item))));
        boolean twoEndpoints = drafts.size() == 2;
        if (endpointList.isPresent() && !twoEndpoints) {
            problems.report(endpointList.get().line(),
                    "a link needs exactly two endpoints, found " + drafts.size());
        }
        // Without an endpoint list there is nothing to count the addresses against.
        int endpoints = endpointList.isPresent() ? drafts.size() : -1;
        Optional<List<Optional<Located<InterfaceAddress>>>> ipv4 = addressList(link, "ipv4", true, endpoints);
        Optional<List<Optional<Located<InterfaceAddress>>>> ipv6 = addressList(link, "ipv6", false, endpoints);

        List<Draft> complete = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            if (drafts.get(i).isEmpty()) {
                continue;
            }
            Draft draft = drafts.get(i).get();
            final int index = i;
            complete.add(new Draft(draft.node(), draft.iface(), draft.line(),
                    pick(draft, draft.ipv4(), ipv4.map(list -> list.get(index)), "ipv4"),
                    pick(draft, draft.ipv6(), ipv6.map(list -> list.get(index)), "ipv6")));
        }
        complete.forEach(this::checkEndpoint);
        if (twoEndpoints && complete.size() == 2 && complete.get(0).node().equals(complete.get(1).node())) {
            problems.report(complete.get(1).line(), "a link cannot connect node '" + complete.get(0).node()
                    + "' to itself; each link joins two different nodes");
        }
        // Placed even if an endpoint has problems, so its addresses still go through AddressPlan;
        // the loader never returns a model while any problem is reported.
        if (!twoEndpoints || complete.size() != 2) {
            return Optional.empty();
        }
        return Optional.of(place(link.line(), complete.get(0), complete.get(1)));
    }

    /** Either {@code "node:interface"} or the extended map form. */
    private Optional<Draft> endpoint(RawNode item) {
        if (item instanceof RawNode.Scalar scalar && !scalar.isNull()) {
            String[] parts = scalar.text().split(":", -1);
            if (parts.length != 2 || parts[0].isEmpty() || parts[1].isEmpty()) {
                problems.report(scalar.line(), "endpoint '" + scalar.text() + "' must be node:interface");
                return Optional.empty();
            }
            return Optional.of(new Draft(parts[0], parts[1], scalar.line(), Optional.empty(), Optional.empty()));
        }
        if (!(item instanceof RawNode.Mapping)) {
            problems.report(item.line(), "an endpoint must be node:interface or a map with node and interface, found "
                    + item.describe());
            return Optional.empty();
        }
        MappingReader endpoint = new MappingReader((RawNode.Mapping) item, "this endpoint", problems);
        endpoint.checkKeys(ENDPOINT_KEYS, CONTAINERLAB_ENDPOINT_KEYS, Map.of());
        Optional<Located<String>> node = endpoint.text("node");
        Optional<Located<String>> iface = endpoint.text("interface");
        if (endpoint.entry("node").isEmpty()) {
            problems.report(item.line(), "endpoint has no 'node'");
        }
        if (endpoint.entry("interface").isEmpty()) {
            problems.report(item.line(), "endpoint has no 'interface'");
        }
        Optional<Located<InterfaceAddress>> ipv4 = endpoint.text("ipv4").flatMap(text -> address(text, true));
        Optional<Located<InterfaceAddress>> ipv6 = endpoint.text("ipv6").flatMap(text -> address(text, false));
        if (node.isEmpty() || iface.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Draft(node.get().value(), iface.get().value(), item.line(), ipv4, ipv6));
    }

    /** The link's ipv4 or ipv6 list, one entry per endpoint; empty if absent or the wrong length. */
    private Optional<List<Optional<Located<InterfaceAddress>>>> addressList(
            MappingReader link, String key, boolean ipv4, int endpoints) {
        return link.sequence(key).flatMap(sequence -> {
            List<Optional<Located<InterfaceAddress>>> addresses = new ArrayList<>();
            for (RawNode item : sequence.items()) {
                if (item instanceof RawNode.Scalar scalar && !scalar.isNull()) {
                    addresses.add(address(new Located<>(scalar.text(), scalar.line()), ipv4));
                } else {
                    problems.report(item.line(), "items of '" + key + "' must be addresses, found " + item.describe());
                    addresses.add(Optional.empty());
                }
            }
            if (endpoints < 0) {
                return Optional.empty();
            }
            if (addresses.size() != endpoints) {
                problems.report(sequence.line(), "'" + key + "' has " + addresses.size() + " address"
                        + (addresses.size() == 1 ? "" : "es") + " for " + endpoints + " endpoint"
                        + (endpoints == 1 ? "" : "s") + "; give one per endpoint, in the same order");
                return Optional.empty();
            }
            return Optional.of(addresses);
        });
    }

    private Optional<Located<InterfaceAddress>> address(Located<String> text, boolean ipv4) {
        String key = ipv4 ? "ipv4" : "ipv6";
        InterfaceAddress address;
        try {
            address = InterfaceAddress.parse(text.value());
        } catch (IllegalArgumentException e) {
            problems.report(text.line(), "invalid address in '" + key + "': " + e.getMessage());
            return Optional.empty();
        }
        if (address.isIpv4() != ipv4) {
            problems.report(text.line(), "'" + text.value() + "' is an " + (ipv4 ? "IPv6" : "IPv4")
                    + " address but is listed under '" + key + "'");
            return Optional.empty();
        }
        return Optional.of(new Located<>(address, text.line()));
    }

    /** An address may come from the endpoint or the link's list, not both. */
    private Optional<Located<InterfaceAddress>> pick(Draft draft, Optional<Located<InterfaceAddress>> own,
            Optional<Optional<Located<InterfaceAddress>>> fromLink, String key) {
        if (own.isPresent() && fromLink.isPresent()) {
            problems.report(own.get().line(), "'" + key + "' of " + draft.node() + ":" + draft.iface()
                    + " is given both on the endpoint and in the link's '" + key + "' list");
        }
        return own.or(() -> fromLink.flatMap(address -> address));
    }

    /** Node known, interface name valid and not used by an earlier link. */
    private void checkEndpoint(Draft draft) {
        if (!nodeNames.contains(draft.node())) {
            problems.report(draft.line(), "link endpoint " + draft.node() + ":" + draft.iface()
                    + " refers to unknown node '" + draft.node() + "'");
        }
        NamingRules.interfaceNameProblem(draft.node(), draft.iface())
                .ifPresent(problem -> problems.report(draft.line(), problem));
        Integer firstUse = usedInterfaces.putIfAbsent(draft.node() + ":" + draft.iface(), draft.line());
        if (firstUse != null) {
            problems.report(draft.line(), "interface " + draft.node() + ":" + draft.iface()
                    + " is already used at line " + firstUse);
        }
    }

    private static PlacedLink place(int line, Draft first, Draft second) {
        Endpoint a = endpointOf(first);
        Endpoint b = endpointOf(second);
        List<PlacedLink.AddressUse> uses = new ArrayList<>();
        addUses(uses, a, first);
        addUses(uses, b, second);
        return new PlacedLink(new LinkSpec(a, b), line, uses);
    }

    private static Endpoint endpointOf(Draft draft) {
        return new Endpoint(draft.node(), draft.iface(),
                draft.ipv4().map(Located::value), draft.ipv6().map(Located::value));
    }

    private static void addUses(List<PlacedLink.AddressUse> uses, Endpoint endpoint, Draft draft) {
        draft.ipv4().ifPresent(address -> uses.add(new PlacedLink.AddressUse(endpoint, address.value(), address.line())));
        draft.ipv6().ifPresent(address -> uses.add(new PlacedLink.AddressUse(endpoint, address.value(), address.line())));
    }
}
