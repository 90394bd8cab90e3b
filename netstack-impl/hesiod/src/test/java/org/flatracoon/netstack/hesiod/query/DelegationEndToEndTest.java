package org.flatracoon.netstack.hesiod.query;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.flatracoon.netstack.hesiod.server.HesiodServer;
import org.flatracoon.netstack.hesiod.server.HesiodServerConfig;
import org.flatracoon.netstack.hesiod.zone.HesiodZones;
import org.flatracoon.netstack.hesiod.zone.ZoneLoader;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.CNAMERecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.NSRecord;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

/**
 * Two of our servers on 127.0.0.1: example.org delegating ns.example.org (NS + glue 127.0.0.1), and the Hesiod
 * zone ns.example.org itself. A tiny iterative resolver that knows only the parent follows the referral's glue
 * and gets the passwd entry from the child, as a recursive resolver in front of Hesiod clients would.
 */
class DelegationEndToEndTest {
    private static final InetAddress LOOPBACK = InetAddress.getLoopbackAddress();

    private static final String PARENT = String.join("\n",
            "$ORIGIN example.org.",
            "$TTL 300",
            "@       SOA  ns1.example.org. hostmaster.example.org. 1 3600 900 604800 60",
            "@       NS   ns1.example.org.",
            "ns1     A    127.0.0.1",
            "ns      NS   ns1.ns.example.org.",
            "ns1.ns  A    127.0.0.1",
            "ns1.ns  AAAA ::1",
            "");
    private static final String CHILD = String.join("\n",
            "$ORIGIN ns.example.org.",
            "$TTL 300",
            "@           HS SOA   ns1.ns.example.org. hostmaster.example.org. 1 3600 900 604800 60",
            "@           HS NS    ns1.ns.example.org.",
            "ns1         HS A     127.0.0.1",
            "alice.passwd HS TXT  \"alice:*:1001:1001:Alice Liddell,,,:/home/alice:/bin/bash\"",
            "1001.uid    HS CNAME alice.passwd",
            "");

    private final List<HesiodServer> servers = new ArrayList<>();
    private int parentPort;
    private int childPort;

    @BeforeEach
    void start() throws Exception {
        HesiodServerConfig config = HesiodServerConfig.defaults().withListenAddresses(List.of(LOOPBACK))
                .withPorts(0, 0);
        HesiodServer child = HesiodServer.start(HesiodZones.of(ZoneLoader.parse("child.db", CHILD)), config);
        servers.add(child);
        childPort = child.dnsPort();
        HesiodServer parent = HesiodServer.start(HesiodZones.of(ZoneLoader.parse("parent.db", PARENT)), config);
        servers.add(parent);
        parentPort = parent.dnsPort();
        assertThat(LOOPBACK.getHostAddress()).isEqualTo("127.0.0.1");
    }

    @AfterEach
    void stop() throws Exception {
        for (HesiodServer s : servers) {
            s.close();
        }
    }

    /** One iteration step: a non-recursive query to one server. */
    private static Message send(InetAddress address, int port, Name name, int type, int dclass) throws IOException {
        SimpleResolver resolver = new SimpleResolver(address);
        resolver.setPort(port);
        resolver.setTimeout(Duration.ofSeconds(5));
        Message query = Message.newQuery(Record.newRecord(name, type, dclass));
        query.getHeader().unsetFlag(Flags.RD);
        return resolver.send(query);
    }

    /** The address of a referral's first name server, from its glue. */
    private static Optional<InetAddress> glueAddress(Message referral) {
        for (Record ns : referral.getSection(Section.AUTHORITY)) {
            if (ns instanceof NSRecord nsRecord) {
                for (Record glue : referral.getSection(Section.ADDITIONAL)) {
                    if (glue instanceof ARecord a && a.getName().equals(nsRecord.getTarget())) {
                        return Optional.of(a.getAddress());
                    }
                }
            }
        }
        return Optional.empty();
    }

    /**
     * Iterative resolution starting at the parent: follows referrals (glue must be 127.0.0.1; the port of a
     * delegated server is the child's test port, since DNS has no ports in glue), returns the final answer and
     * records every server asked in {@code path}.
     */
    private Message resolve(Name name, int type, int dclass, List<String> path) throws IOException {
        InetAddress address = LOOPBACK;
        int port = parentPort;
        for (int step = 0; step < 5; step++) {
            path.add(port == parentPort ? "parent" : "child");
            Message response = send(address, port, name, type, dclass);
            if (response.getRcode() != Rcode.NOERROR || !response.getSection(Section.ANSWER).isEmpty()
                    || response.getHeader().getFlag(Flags.AA)) {
                return response;
            }
            InetAddress glue = glueAddress(response).orElseThrow(() -> new AssertionError("referral without glue"));
            assertThat(glue.getHostAddress()).as("glue").isEqualTo("127.0.0.1");
            address = glue;
            port = childPort;
        }
        throw new AssertionError("too many referrals: " + path);
    }

    private static List<String> txt(Message response) {
        return response.getSection(Section.ANSWER).stream().filter(TXTRecord.class::isInstance)
                .flatMap(r -> ((TXTRecord) r).getStrings().stream()).toList();
    }

    @Test
    void theParentRefersToTheChildInsteadOfAnswering() throws IOException {
        Message referral = send(LOOPBACK, parentPort, Name.fromString("alice.passwd.ns.example.org."), Type.TXT,
                DClass.IN);
        assertThat(referral.getRcode()).isEqualTo(Rcode.NOERROR);
        assertThat(referral.getHeader().getFlag(Flags.AA)).isFalse();
        assertThat(referral.getSection(Section.ANSWER)).isEmpty();
        assertThat(referral.getSection(Section.AUTHORITY)).singleElement().isInstanceOf(NSRecord.class);
        assertThat(referral.getSection(Section.ADDITIONAL)).extracting(Record::getType)
                .contains(Type.A, Type.AAAA);
    }

    @Test
    void aResolverFollowingTheDelegationGetsTheHesiodRecordInBothClasses() throws IOException {
        for (int dclass : new int[] {DClass.IN, DClass.HS}) {
            List<String> path = new ArrayList<>();
            Message answer = resolve(Name.fromString("alice.passwd.ns.example.org."), Type.TXT, dclass, path);

            assertThat(path).as("servers asked").containsExactly("parent", "child");
            assertThat(answer.getRcode()).isEqualTo(Rcode.NOERROR);
            assertThat(answer.getHeader().getFlag(Flags.AA)).isTrue();
            assertThat(answer.getSection(Section.ANSWER)).allSatisfy(r -> assertThat(r.getDClass()).isEqualTo(dclass));
            assertThat(txt(answer)).containsExactly("alice:*:1001:1001:Alice Liddell,,,:/home/alice:/bin/bash");
        }
    }

    @Test
    void uidLookupsAndMissingNamesAreAnsweredByTheChild() throws IOException {
        List<String> path = new ArrayList<>();
        Message uid = resolve(Name.fromString("1001.uid.ns.example.org."), Type.TXT, DClass.HS, path);
        assertThat(path).containsExactly("parent", "child");
        assertThat(uid.getSection(Section.ANSWER).get(0)).isInstanceOf(CNAMERecord.class);
        assertThat(txt(uid)).hasSize(1);

        path.clear();
        Message missing = resolve(Name.fromString("nobody.passwd.ns.example.org."), Type.TXT, DClass.IN, path);
        assertThat(path).containsExactly("parent", "child");
        assertThat(missing.getRcode()).isEqualTo(Rcode.NXDOMAIN);
        assertThat(missing.getSection(Section.AUTHORITY)).singleElement()
                .satisfies(soa -> assertThat(soa.getName()).isEqualTo(Name.fromString("ns.example.org.")));
    }
}
