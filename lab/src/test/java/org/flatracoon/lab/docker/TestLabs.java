package org.flatracoon.lab.docker;

import com.github.dockerjava.api.DockerClient;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.flatracoon.lab.LabVersion;
import org.flatracoon.lab.backend.LabNode;
import org.flatracoon.lab.backend.LabOwner;
import org.flatracoon.lab.backend.RunningLab;
import org.flatracoon.lab.kind.KindRegistry;
import org.flatracoon.lab.probe.Ping;
import org.flatracoon.lab.topology.Topology;
import org.flatracoon.lab.topology.TopologyException;
import org.flatracoon.lab.topology.TopologyLoader;
import org.flatracoon.lab.wait.Budgets;
import org.flatracoon.lab.wait.Waits;

/**
 * What the Docker-backed tests share: the topologies under src/test/resources/labs-it, the
 * backend, and a look at what a lab left on the engine. Lab names there start with "it-" and are
 * unique per test class, so no two classes (or a scenario run) ever share a lab.
 */
public final class TestLabs {

    public static final String HOST_IMAGE = "flatracoon/host:" + LabVersion.get();
    public static final String NETSTACK_IMAGE = "flatracoon/netstack:" + LabVersion.get();

    private TestLabs() {
    }

    public static DockerClient docker() {
        return DockerEngine.client();
    }

    public static DockerLabBackend backend() {
        return new DockerLabBackend(docker(), KindRegistry.standard());
    }

    public static LabInventory inventory() {
        return new LabInventory(docker());
    }

    /**
     * Starts labs-it/FILE as a test run's lab, after sweeping what killed test runs left behind
     * (a killed run of this very class would otherwise block the lab's name).
     */
    public static RunningLab start(String relative) {
        inventory().sweepAbandonedTestRuns();
        return backend().start(topology(relative), LabOwner.TEST_RUN);
    }

    /** Waits, within the link-change budget, until {@code from} gets an echo reply from {@code address}. */
    public static Ping.PingResult awaitReply(LabNode from, String address) {
        return Waits.until(Budgets.defaults().get("link change"), from.name() + " gets a reply from " + address,
                () -> new Ping(from).send(address, 1), Ping.PingResult::anyReply).value();
    }

    /** A file or folder under src/test/resources/labs-it. */
    public static Path resource(String relative) {
        URL url = TestLabs.class.getResource("/labs-it/" + relative);
        if (url == null) {
            throw new IllegalStateException("labs-it/" + relative + " is not on the test classpath");
        }
        try {
            return Path.of(url.toURI()).toAbsolutePath().normalize();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Loads labs-it/NAME with the kinds the lab really has. */
    public static Topology topology(String relative) {
        return load(resource(relative));
    }

    public static Topology load(Path file) {
        try {
            return new TopologyLoader(KindRegistry.standard()).load(file);
        } catch (TopologyException e) {
            throw new IllegalStateException("test topology " + file + " is invalid:\n" + e.getMessage(), e);
        }
    }

    /** Containers and networks on the engine that carry the lab name, whichever run created them. */
    public static List<String> leftoversOfLab(String labName) {
        List<String> left = new ArrayList<>();
        docker().listContainersCmd().withShowAll(true).withLabelFilter(Map.of(LabLabels.LAB, labName)).exec()
                .forEach(c -> left.add("container " + String.join(",", c.getNames())));
        docker().listNetworksCmd().withFilter("label", List.of(LabLabels.LAB + "=" + labName)).exec()
                .forEach(n -> left.add("network " + n.getName()));
        return left;
    }
}
