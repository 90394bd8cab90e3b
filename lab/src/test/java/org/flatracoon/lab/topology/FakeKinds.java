package org.flatracoon.lab.topology;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** The three kinds the lab knows today, as plain data, so loader tests do not depend on the kind package. */
final class FakeKinds implements KindCatalog {

    static final String NETSTACK_IMAGE = "flatracoon/netstack:0.1.0";
    static final String HOST_IMAGE = "flatracoon/host:0.1.0";

    private record Kind(Optional<String> defaultImage, boolean acceptsStartupConfig) {
    }

    private final Map<String, Kind> kinds = Map.of(
            "hesiod", new Kind(Optional.of(NETSTACK_IMAGE), true),
            "host", new Kind(Optional.of(HOST_IMAGE), false),
            "linux", new Kind(Optional.empty(), true));

    @Override
    public boolean knows(String kind) {
        return kinds.containsKey(kind);
    }

    @Override
    public Set<String> names() {
        return kinds.keySet();
    }

    @Override
    public Optional<String> defaultImage(String kind) {
        return kinds.get(kind).defaultImage();
    }

    @Override
    public boolean acceptsStartupConfig(String kind) {
        return kinds.get(kind).acceptsStartupConfig();
    }
}
