package org.flatracoon.netstack.dns64.resolve;

import org.xbill.DNS.Name;
import org.xbill.DNS.Type;

/**
 * What a client asks (class IN), with the two DNSSEC bits that change the answer: DO (RFC 3225) and CD
 * (RFC 4035). Also the key of the answer cache, so a DO answer never reaches a client that did not ask for one.
 */
public record Question(Name name, int type, boolean dnssecOk, boolean checkingDisabled) {

    public static Question of(Name name, int type) {
        return new Question(name, type, false, false);
    }

    /** The same question for another name and type, with the same DNSSEC bits. */
    public Question with(Name otherName, int otherType) {
        return new Question(otherName, otherType, dnssecOk, checkingDisabled);
    }

    @Override
    public String toString() {
        return name + " " + Type.string(type) + (dnssecOk ? " +do" : "") + (checkingDisabled ? " +cd" : "");
    }
}
