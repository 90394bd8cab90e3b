package org.flatracoon.netstack.bgp.fsm;

/** The six session states of RFC 4271 §8.2.2, named as BIRD, FRR and the RFC print them. */
public enum State {
    IDLE("Idle"),
    CONNECT("Connect"),
    ACTIVE("Active"),
    OPEN_SENT("OpenSent"),
    OPEN_CONFIRM("OpenConfirm"),
    ESTABLISHED("Established");

    private final String label;

    State(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
