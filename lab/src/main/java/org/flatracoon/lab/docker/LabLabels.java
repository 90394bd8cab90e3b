package org.flatracoon.lab.docker;

import java.util.LinkedHashMap;
import java.util.Map;
import org.flatracoon.lab.backend.LabOwner;

/** The labels every container and network of a lab carries, so nothing it creates can be lost. */
public final class LabLabels {

    public static final String LAB = "org.flatracoon.lab";
    public static final String RUN = "org.flatracoon.lab.run";
    public static final String OWNER = "org.flatracoon.lab.owner";
    /** Process id of the test run that owns the lab; a dead pid means the lab can be swept. */
    public static final String PID = "org.flatracoon.lab.pid";
    /**
     * The process-id namespace the pid belongs to: a pid means nothing outside its namespace, and
     * several test runs (CI jobs, sandboxes) may share one Docker engine from different ones.
     */
    public static final String PID_NAMESPACE = "org.flatracoon.lab.pidns";
    public static final String TOPOLOGY_FILE = "org.flatracoon.lab.topology";
    public static final String NODE = "org.flatracoon.lab.node";
    public static final String KIND = "org.flatracoon.lab.kind";
    public static final String ADDRESSES = "org.flatracoon.lab.addresses";
    public static final String LINK = "org.flatracoon.lab.link";
    public static final String ROLE = "org.flatracoon.lab.role";

    private LabLabels() {
    }

    /** This process's pid namespace ("pid:[4026531836]"), or "unknown" where /proc does not tell. */
    static String pidNamespace() {
        try {
            return java.nio.file.Files.readSymbolicLink(java.nio.file.Path.of("/proc/self/ns/pid")).toString();
        } catch (java.io.IOException | UnsupportedOperationException | SecurityException e) {
            return "unknown";
        }
    }

    static Map<String, String> forLab(String lab, String runId, LabOwner owner, String topologyFile) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(LAB, lab);
        labels.put(RUN, runId);
        labels.put(OWNER, owner.label());
        labels.put(PID, String.valueOf(ProcessHandle.current().pid()));
        labels.put(PID_NAMESPACE, pidNamespace());
        labels.put(TOPOLOGY_FILE, topologyFile);
        return labels;
    }
}
