package org.flatracoon.netstack.hesiod.tsig;

import org.xbill.DNS.Rcode;
import org.xbill.DNS.TSIG;
import org.xbill.DNS.TSIGRecord;

/**
 * The outcome of checking a request's TSIG.
 *
 * @param status  unsigned, valid or failed
 * @param error   the TSIG error (BADKEY, BADSIG, BADTIME, FORMERR…) when failed, else NOERROR
 * @param key     the key that signed it (valid only)
 * @param signer  what signs the response: set when valid, and for BADTIME (RFC 8945 §5.2.3 signs that error)
 * @param request the request's TSIG record, which a signed response's MAC covers
 */
public record TsigVerdict(Status status, int error, TsigKey key, TSIG signer, TSIGRecord request) {

    public enum Status { UNSIGNED, VALID, FAILED }

    static TsigVerdict unsigned() {
        return new TsigVerdict(Status.UNSIGNED, Rcode.NOERROR, null, null, null);
    }

    static TsigVerdict valid(TsigKey key, TSIG signer, TSIGRecord request) {
        return new TsigVerdict(Status.VALID, Rcode.NOERROR, key, signer, request);
    }

    static TsigVerdict failed(int error, TSIG signer, TSIGRecord request) {
        return new TsigVerdict(Status.FAILED, error, null, signer, request);
    }

    public boolean isSigned() {
        return status == Status.VALID;
    }

    public boolean failed() {
        return status == Status.FAILED;
    }

    /** True if the request was validly signed with exactly this key. */
    public boolean signedWith(TsigKey expected) {
        return status == Status.VALID && key.equals(expected);
    }

    /** For metric labels: BADSIG, BADKEY, BADTIME, or the RCODE name. */
    public String errorLabel() {
        return Rcode.TSIGstring(error);
    }
}
