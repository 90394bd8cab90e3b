package org.flatracoon.lab.kind;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.flatracoon.lab.topology.KindCatalog;

/** The node kinds this lab knows, by name; the topology loader validates against it. */
public final class KindRegistry implements KindCatalog {

    private final Map<String, NodeKind> kinds = new LinkedHashMap<>();

    private KindRegistry(List<NodeKind> kinds) {
        kinds.forEach(kind -> this.kinds.put(kind.name(), kind));
    }

    public static KindRegistry standard() {
        return new KindRegistry(List.of(new HesiodKind(), new HostKind(), new BindKind(), new BirdKind(), new FrrKind(),
                new BgpKind(), new LinuxKind(), new Nat64Kind(), new Dns64Kind(), new UnboundKind(),
                new OverlayControllerKind(), new OverlayNodeKind()));
    }

    public NodeKind get(String name) {
        NodeKind kind = kinds.get(name);
        if (kind == null) {
            throw new IllegalArgumentException("unknown kind '" + name + "'; known kinds: " + names());
        }
        return kind;
    }

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
        return Optional.ofNullable(kinds.get(kind)).flatMap(NodeKind::defaultImage);
    }

    @Override
    public boolean acceptsStartupConfig(String kind) {
        return Optional.ofNullable(kinds.get(kind)).flatMap(NodeKind::startupConfigTarget).isPresent();
    }
}
