package org.flatracoon.lab.docker;

import com.github.dockerjava.api.model.AccessMode;
import com.github.dockerjava.api.model.Bind;
import com.github.dockerjava.api.model.Capability;
import com.github.dockerjava.api.model.HostConfig;
import com.github.dockerjava.api.model.Volume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flatracoon.lab.backend.CaptureFiles;
import org.flatracoon.lab.backend.LabException;
import org.flatracoon.lab.topology.Endpoint;
import org.flatracoon.lab.topology.LinkSpec;
import org.flatracoon.lab.wait.Budgets;
import org.flatracoon.lab.wait.Waits;

/**
 * One packet capture per link: tcpdump in a helper container that shares the network namespace
 * of the link's first node to come up (no change to any node's image), writing
 * {@code <nodeA>-<ifA>--<nodeB>-<ifB>.pcap} into a folder of the machine running the engine.
 * Packet-buffered (-U), so even a capture killed with its lab leaves a readable file; immediate
 * mode, because with libpcap's default buffering a capture sees nothing more once its interface
 * has gone down and up again (a link fault), which is when it matters most. If the
 * capturing node is started again (its interfaces are new), the capture follows it into a new
 * file with "-2", "-3"… before ".pcap".
 */
final class LinkCaptures {

    static final String ROLE = "capture";
    private static final String INSIDE = "/captures";

    private final HelperContainer helper;
    private final Path folder;
    private final Map<String, String> labels;
    private final Map<LinkSpec, Capture> byLink = new LinkedHashMap<>();
    private List<Path> stopped;

    /** A link's capture: where it runs and its files so far (one per start of the capturing node). */
    private static final class Capture {
        final Endpoint endpoint;
        final List<String> helperIds = new ArrayList<>();
        final List<Path> files = new ArrayList<>();

        Capture(Endpoint endpoint) {
            this.endpoint = endpoint;
        }
    }

    LinkCaptures(HelperContainer helper, Path folder, Map<String, String> labels) {
        this.helper = helper;
        this.folder = folder;
        this.labels = labels;
        try {
            Files.createDirectories(folder);
        } catch (IOException e) {
            throw new LabException("cannot create the capture folder " + folder + ": " + e.getMessage(), e);
        }
    }

    /**
     * After {@code node} came up (or up again): captures each of its links nobody captures yet,
     * and again those it captured before it restarted; returns once each new tcpdump listens.
     */
    synchronized void follow(DockerNode node, List<LinkNetwork> attached) {
        List<String> started = new ArrayList<>();
        for (LinkNetwork network : attached) {
            LinkSpec link = network.link();
            Capture capture = byLink.get(link);
            if (capture != null && !capture.endpoint.node().equals(node.name())) {
                continue; // captured on the other end, which did not restart
            }
            if (capture == null) {
                capture = new Capture(link.endpointOf(node.name()));
                byLink.put(link, capture);
            }
            String file = segmentName(CaptureFiles.nameOf(link), capture.files.size() + 1);
            String id = helper.start(placement(node), labels, ROLE, List.of("tcpdump", "-n", "-U", "--immediate-mode", "-Z", "root",
                    "-i", capture.endpoint.iface(), "-w", INSIDE + "/" + file));
            capture.helperIds.add(id);
            capture.files.add(folder.resolve(file));
            started.add(id);
        }
        for (String id : started) {
            Waits.until(Budgets.defaults().get("capture start"), "packet capture " + id.substring(0, 12) + " on "
                    + node.name() + " listening", () -> helper.output(id, ROLE).stderr(),
                    stderr -> stderr.contains("listening on"));
        }
    }

    /** Stops every capture (tcpdump flushes and closes its file) and returns the files that exist. */
    synchronized List<Path> stop() {
        if (stopped == null) {
            byLink.values().forEach(capture -> capture.helperIds.forEach(helper::stop));
            stopped = byLink.values().stream().flatMap(capture -> capture.files.stream()).filter(Files::isRegularFile).toList();
        }
        return stopped;
    }

    private HostConfig placement(DockerNode node) {
        return HostConfig.newHostConfig()
                .withNetworkMode("container:" + node.containerId())
                .withCapAdd(Capability.NET_ADMIN, Capability.NET_RAW)
                .withBinds(new Bind(folder.toString(), new Volume(INSIDE), AccessMode.rw));
    }

    private static String segmentName(String fileName, int segment) {
        return segment == 1 ? fileName : fileName.replaceFirst("\\.pcap$", "-" + segment + ".pcap");
    }
}
