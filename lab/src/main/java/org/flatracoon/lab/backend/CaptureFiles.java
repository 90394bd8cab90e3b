package org.flatracoon.lab.backend;

import org.flatracoon.lab.topology.LinkSpec;

/** How a link's packet capture file is named, wherever it is captured. */
public final class CaptureFiles {

    private CaptureFiles() {
    }

    /** {@code <nodeA>-<ifA>--<nodeB>-<ifB>.pcap}, the endpoints as the topology file writes them. */
    public static String nameOf(LinkSpec link) {
        return link.a().node() + "-" + link.a().iface() + "--" + link.b().node() + "-" + link.b().iface() + ".pcap";
    }
}
