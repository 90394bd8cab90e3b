package org.flatracoon.netstack.app.hesinfo;

import java.io.IOException;
import java.net.IDN;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flatracoon.netstack.app.hesinfo.HesiodException.Errno;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * libhesiod 3.2.1's {@code hesiod_to_bind()} and {@code hesiod_resolve()} on top of dnsjava.
 *
 * <p>Like the C library: one TXT query (class IN unless told otherwise, RD set, no EDNS) through the name servers of
 * resolv.conf in turn, {@code attempts} rounds; SERVFAIL, NOTIMP and REFUSED mean "try the next server" as in the
 * glibc stub resolver; any other answer is final. Every TXT record of the ANSWER section is one result, whatever
 * its owner (so the server's CNAME chain {@code 1001.uid → jdoe.passwd} is followed) and class; the strings of one
 * TXT are concatenated, up to a NUL byte. No TXT at all is "not found".
 */
public final class HesiodResolver {
    /** MAXDNAME - 1 in libhesiod: the longest name it builds. */
    static final int MAX_BIND_NAME = 1024;

    private final HesiodConfig config;
    private final ResolvConf resolvConf;
    private final int dclass;

    public HesiodResolver(HesiodConfig config, ResolvConf resolvConf, int dclass) {
        if (dclass != DClass.IN && dclass != DClass.HS) {
            throw new IllegalArgumentException("class must be IN or HS");
        }
        this.config = config;
        this.resolvConf = resolvConf;
        this.dclass = dclass;
    }

    /** {@code hesiod_to_bind(name, type)}: {@code name.type<lhs><rhs>}, or the realm after '@' as rhs. */
    public String toBind(String name, String type) throws HesiodException {
        if (name.length() > MAX_BIND_NAME) {
            throw new HesiodException(Errno.EMSGSIZE, "name too long");
        }
        String key = name;
        String rhs = config.rhs();
        int at = name.indexOf('@');
        if (at >= 0) {
            key = name.substring(0, at);
            String realm = name.substring(at + 1);
            if (realm.contains(".")) {
                rhs = realm;
            } else {
                try {
                    rhs = resolve(realm, "rhs-extension").get(0);
                } catch (HesiodException e) {
                    throw new HesiodException(Errno.ENOENT, "unknown rhs-extension " + realm);
                }
            }
        }
        StringBuilder bind = new StringBuilder(key).append('.').append(type);
        String lhs = config.lhs();
        if (lhs != null) {
            if (!lhs.startsWith(".")) {
                bind.append('.');
            }
            bind.append(lhs);
        }
        if (!rhs.startsWith(".")) {
            bind.append('.');
        }
        bind.append(rhs);
        if (bind.length() > MAX_BIND_NAME) {
            throw new HesiodException(Errno.EMSGSIZE, "name too long");
        }
        return idnToAscii(bind.toString());
    }

    /** {@code hesiod_resolve(name, type)}: the TXT strings, one per record; never empty. */
    public List<String> resolve(String name, String type) throws HesiodException {
        return txtRecords(toBind(name, type));
    }

    /** libhesiod converts the whole name with libidn: ASCII names stay as they are, but empty or overlong labels fail. */
    private static String idnToAscii(String bindName) throws HesiodException {
        try {
            return IDN.toASCII(bindName, IDN.ALLOW_UNASSIGNED);
        } catch (IllegalArgumentException e) {
            throw new HesiodException(Errno.EINVAL, e.getMessage());
        }
    }

    /** The TXT records for a DNS name, as libhesiod's get_txt_records() and hesiod_parse_result(). */
    public List<String> txtRecords(String bindName) throws HesiodException {
        Name qname;
        try {
            qname = Name.fromString(bindName, Name.root);
        } catch (TextParseException e) {
            throw new HesiodException(Errno.EMSGSIZE, e.getMessage());
        }
        Message answer = query(qname).orElseThrow(
                () -> new HesiodException(Errno.ECONNREFUSED, "no usable answer from " + resolvConf.nameservers()));
        List<String> results = new ArrayList<>();
        for (Record r : answer.getSection(Section.ANSWER)) {
            if (r instanceof TXTRecord txt) {
                results.add(concatenate(txt));
            }
        }
        if (results.isEmpty()) {
            throw new HesiodException(Errno.ENOENT, bindName + ": no TXT record (" + Rcode.string(answer.getRcode()) + ")");
        }
        return results;
    }

    private Optional<Message> query(Name qname) {
        Message query = Message.newQuery(Record.newRecord(qname, Type.TXT, dclass));
        for (int attempt = 0; attempt < resolvConf.attempts(); attempt++) {
            for (var server : resolvConf.nameservers()) {
                SimpleResolver resolver = new SimpleResolver(server);
                resolver.setEDNS(-1, 0, 0, List.of()); // libhesiod sends plain queries
                resolver.setTimeout(resolvConf.timeout());
                try {
                    Message reply = resolver.send(query);
                    int rcode = reply.getRcode();
                    if (rcode != Rcode.SERVFAIL && rcode != Rcode.NOTIMP && rcode != Rcode.REFUSED) {
                        return Optional.of(reply);
                    }
                } catch (IOException e) {
                    // timeout or network error: next server, as the stub resolver does
                }
            }
        }
        return Optional.empty();
    }

    /** The character-strings of one TXT record joined; C stops at a NUL byte. */
    static String concatenate(TXTRecord txt) {
        var bytes = new java.io.ByteArrayOutputStream();
        for (byte[] s : txt.getStringsAsByteArrays()) {
            bytes.writeBytes(s);
        }
        byte[] all = bytes.toByteArray();
        int end = 0;
        while (end < all.length && all[end] != 0) {
            end++;
        }
        return new String(all, 0, end, StandardCharsets.UTF_8);
    }
}
