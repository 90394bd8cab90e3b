package org.flatracoon.lab.fault;

/** Everything the lab can do to disturb a running lab, and the ways back. */
public enum FaultAction {
    LINK_DOWN("link down"),
    LINK_UP("link up"),
    LINK_BLACKHOLE("link blackhole"),
    LINK_LOSS("link loss"),
    LINK_RATE("link rate"),
    LINK_DELAY("link delay"),
    LINK_CLEAR("link clear"),
    PARTITION("partition"),
    HEAL("heal"),
    NODE_KILL("node kill"),
    NODE_STOP("node stop"),
    NODE_START("node start"),
    NODE_RESTART("node restart"),
    NODE_PAUSE("node pause"),
    NODE_UNPAUSE("node unpause");

    private final String words;

    FaultAction(String words) {
        this.words = words;
    }

    /** As written in schedules and printed by `lab replay`: "link loss". */
    public String words() {
        return words;
    }

    /** @throws IllegalArgumentException listing the known actions */
    public static FaultAction ofWords(String words) {
        for (FaultAction action : values()) {
            if (action.words.equals(words)) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown fault action '" + words + "'; known: "
                + java.util.Arrays.stream(values()).map(FaultAction::words).toList());
    }
}
