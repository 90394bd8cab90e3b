package org.flatracoon.lab.backend;

import java.time.Duration;
import org.flatracoon.lab.topology.NodeSpec;

/** One running node of a lab. */
public interface LabNode {

    String name();

    NodeSpec spec();

    /** The id of the image the node runs (e.g. sha256:…): the same tag may name another build elsewhere. */
    String imageId();

    /** Runs a command inside the node (no shell unless the command asks for one) and waits for it. */
    ExecResult exec(Duration timeout, String... command);

    default ExecResult exec(String... command) {
        return exec(Duration.ofSeconds(30), command);
    }

    /**
     * Runs a program of the lab's tool image (ip, nft, tcpdump, netstack) inside this node's network
     * namespace, so it sees the node's interfaces, routes and sockets whatever the node's own image holds.
     */
    ExecResult execInNetworkNamespace(Duration timeout, String... command);

    /** Everything the node's main process wrote to stdout and stderr so far. */
    String logs();

    /** SIGKILL to the node's processes, as a crash or `kill -9` would: nothing gets to clean up. */
    void kill();

    /** An orderly shutdown: SIGTERM, then SIGKILL for what is still running after 10 s. */
    void stop();

    /**
     * Starts a stopped or killed node again and returns once it is ready: same interfaces and
     * addresses, same resolver, and the link faults that were in force on its links; its
     * filesystem (journals, state) is as the node left it. The node's startup `exec` commands
     * are not run again (like a reboot, not a rebuild).
     */
    void start();

    /** {@link #stop()} then {@link #start()}, as a reboot. */
    void restart();

    /** Freezes every process of the node (nothing runs, nothing answers; the kernel still holds its sockets). */
    void pause();

    /** Lets a paused node run on from where it was frozen. */
    void unpause();
}
