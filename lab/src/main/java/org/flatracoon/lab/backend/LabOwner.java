package org.flatracoon.lab.backend;

/**
 * Who a lab belongs to, which decides how long it may live: a lab brought up by `lab up` lives
 * until `lab down`; a lab started by a test run dies with that run (and is swept if the run was killed).
 */
public enum LabOwner {
    CLI("cli"),
    TEST_RUN("test");

    private final String label;

    LabOwner(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
