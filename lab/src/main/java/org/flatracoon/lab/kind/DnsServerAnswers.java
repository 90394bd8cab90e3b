package org.flatracoon.lab.kind;

import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;

/**
 * A DNS server of unknown configuration is ready when it answers at all: dig exits 0 for any
 * response (even REFUSED) and 9 when nothing answers.
 */
final class DnsServerAnswers implements ReadinessCheck {

    @Override
    public Readiness check(LabNode node) {
        ExecResult result = node.exec("dig", "+time=1", "+tries=1", "@127.0.0.1", "-c", "CH", "-t", "TXT", "version.bind");
        return result.succeeded()
                ? Readiness.ready("answers DNS queries")
                : Readiness.notYet("no DNS answer on 127.0.0.1: " + result.output().strip());
    }
}
