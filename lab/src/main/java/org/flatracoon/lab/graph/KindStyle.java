package org.flatracoon.lab.graph;

import java.util.Map;

/**
 * How a node kind looks in every rendering, so a reader learns it once: our services are green
 * rounded boxes, third-party servers blue cylinders-as-ellipses, clients grey boxes, any other
 * image a purple hexagon.
 */
enum KindStyle {
    SERVICE("#d8f3dc", "#2d6a4f"),
    PEER("#dbe9f6", "#1d4e89"),
    CLIENT("#eeeeee", "#555555"),
    OTHER("#ece2f7", "#5a3d8a");

    private static final Map<String, KindStyle> BY_KIND = Map.of(
            "hesiod", SERVICE,
            "bind", PEER,
            "host", CLIENT,
            "linux", OTHER);

    final String fill;
    final String stroke;

    KindStyle(String fill, String stroke) {
        this.fill = fill;
        this.stroke = stroke;
    }

    static KindStyle of(String kind) {
        return BY_KIND.getOrDefault(kind, OTHER);
    }
}
