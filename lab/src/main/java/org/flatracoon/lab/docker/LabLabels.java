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
    public static final String TOPOLOGY_FILE = "org.flatracoon.lab.topology";
    public static final String NODE = "org.flatracoon.lab.node";
    public static final String KIND = "org.flatracoon.lab.kind";
    public static final String ADDRESSES = "org.flatracoon.lab.addresses";
    public static final String LINK = "org.flatracoon.lab.link";
    public static final String ROLE = "org.flatracoon.lab.role";

    private LabLabels() {
    }

    static Map<String, String> forLab(String lab, String runId, LabOwner owner, String topologyFile) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(LAB, lab);
        labels.put(RUN, runId);
        labels.put(OWNER, owner.label());
        labels.put(PID, String.valueOf(ProcessHandle.current().pid()));
        labels.put(TOPOLOGY_FILE, topologyFile);
        return labels;
    }
}
