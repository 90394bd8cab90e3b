package org.flatracoon.netstack.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.flatracoon.netstack.app.hesinfo.HesinfoEnvironment;
import org.flatracoon.netstack.hesiod.server.HesiodServer;
import org.flatracoon.netstack.hesiod.server.HesiodServerConfig;
import org.flatracoon.netstack.hesiod.zone.ZoneLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/** {@code netstack hesinfo} against an in-process HesiodServer on 127.0.0.1, and against a scripted fake server. */
class HesinfoCommandTest {
    private static final String JDOE = "jdoe:*:1001:1001:Jane Doe:/home/jdoe:/bin/bash";
    private static final String NOT_FOUND = "hesiod_resolve: Hesiod name not found.";
    private static final List<String> USAGE = List.of(
            "Usage: hesinfo [-bl] name type", "\t-l selects long format", "\t-b also does hes_to_bind conversion");

    private static HesiodServer server;
    private static String serverArg;

    @TempDir
    Path dir;
    private Path hesiodConf;
    private final Map<String, String> env = new HashMap<>();

    record Run(int code, String out, String err) {
        List<String> outLines() {
            return out.lines().toList();
        }

        List<String> errLines() {
            return err.lines().toList();
        }
    }

    @BeforeAll
    static void startServer() throws Exception {
        HesiodServerConfig config = HesiodServerConfig.defaults()
                .withListenAddresses(List.of(InetAddress.getByName("127.0.0.1"))).withPorts(0, 0);
        server = HesiodServer.start(ZoneLoader.loadAll(List.of(resource("/hesinfo.zone"), resource("/hesinfo-other.zone"))),
                config);
        serverArg = "127.0.0.1:" + server.dnsPort();
    }

    @AfterAll
    static void stopServer() throws IOException {
        server.close();
    }

    @BeforeEach
    void writeConfig() throws IOException {
        hesiodConf = Files.writeString(dir.resolve("hesiod.conf"),
                "# written by debconf\nlhs=.ns\nrhs=.example.org\nclasses=IN,HS\n");
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(HesinfoCommandTest.class.getResource(name).toURI());
    }

    private Run hesinfo(String... args) {
        return hesinfoVia(serverArg, args);
    }

    private Run hesinfoVia(String serverAddress, String... args) {
        List<String> all = new ArrayList<>(List.of("hesinfo"));
        if (serverAddress != null) {
            all.add("--server=" + serverAddress);
        }
        all.addAll(Arrays.asList(args));
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        HesinfoEnvironment environment = new HesinfoEnvironment(env, hesiodConf, dir.resolve("resolv.conf"));
        int code = Netstack.execute(new PrintWriter(out), new PrintWriter(err), environment, all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void printsThePasswdLineWithItsTwoStringsJoined() {
        Run run = hesinfo("jdoe", "passwd");
        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo(JDOE + "\n".replace("\n", System.lineSeparator()));
        assertThat(run.err()).isEmpty();
    }

    @Test
    void followsTheServersCnameChain() {
        Run run = hesinfo("1001", "uid");
        assertThat(run.code()).isZero();
        assertThat(run.outLines()).containsExactly(JDOE);
    }

    @Test
    void printsOneLinePerTxtRecord() {
        Run run = hesinfo("zephyr", "sloc");
        assertThat(run.code()).isZero();
        assertThat(run.outLines()).containsExactlyInAnyOrder("z1.example.org", "z2.example.org");
    }

    @Test
    void aTruncatedUdpAnswerIsRetriedOverTcp() {
        Run run = hesinfo("mirrors", "sloc");
        assertThat(run.code()).isZero();
        assertThat(run.outLines()).hasSize(40).contains("mirror-01.example.com", "mirror-40.example.com");
    }

    @Test
    void dashBPrintsTheDnsNameFirst() {
        Run run = hesinfo("-b", "jdoe", "passwd");
        assertThat(run.code()).isZero();
        assertThat(run.outLines()).containsExactly("jdoe.passwd.ns.example.org", JDOE);
    }

    @Test
    void dashLAndDashBlUseTheClassicLongFormat() {
        assertThat(hesinfo("-l", "jdoe", "passwd").outLines()).containsExactly("resolves to", JDOE);
        assertThat(hesinfo("-bl", "jdoe", "passwd").outLines()).containsExactly(
                "hes_to_bind(jdoe, passwd) expands to", "jdoe.passwd.ns.example.org", "which resolves to", JDOE);
        // getopt style: separate flags, flags after the operands
        assertThat(hesinfo("jdoe", "passwd", "-l", "-b").outLines()).containsExactly(
                "hes_to_bind(jdoe, passwd) expands to", "jdoe.passwd.ns.example.org", "which resolves to", JDOE);
    }

    @Test
    void nxdomainIsHesiodNameNotFound() {
        Run run = hesinfo("nobody", "passwd");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(NOT_FOUND);

        Run longRun = hesinfo("-l", "nobody", "passwd");
        assertThat(longRun.outLines()).containsExactly("resolves to", "nothing");
        assertThat(longRun.errLines()).containsExactly(NOT_FOUND);
    }

    @Test
    void nodataIsHesiodNameNotFoundToo() {
        // svc.service.ns.example.org is an empty non-terminal (web.svc.service exists): NOERROR without answers
        Run run = hesinfo("svc", "service");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(NOT_FOUND);
    }

    @Test
    void hesDomainReplacesTheRhs() {
        env.put("HES_DOMAIN", "example.com");
        Run run = hesinfo("-b", "jdoe", "passwd");
        assertThat(run.code()).isZero();
        assertThat(run.outLines()).containsExactly("jdoe.passwd.ns.example.com",
                "jdoe:*:2001:2001:Jane Doe (example.com):/home/jdoe:/bin/sh");
    }

    @Test
    void hesiodConfigNamesAnotherFile() throws IOException {
        Path other = Files.writeString(dir.resolve("other.conf"), "lhs .ns\nrhs .example.com\n");
        env.put("HESIOD_CONFIG", other.toString());
        assertThat(hesinfo("-b", "jdoe", "passwd").outLines()).first().isEqualTo("jdoe.passwd.ns.example.com");
    }

    @Test
    void withoutAConfigFileTheCompiledInDefaultsApply() throws IOException {
        Files.delete(hesiodConf);
        Run run = hesinfo("-b", "jdoe", "passwd");
        assertThat(run.outLines()).containsExactly("jdoe.passwd.ns.athena.mit.edu");
        // our server refuses names outside its zones: no usable answer, as a failing resolver
        assertThat(run.errLines()).containsExactly("hesiod_resolve: Connection refused");
        assertThat(run.code()).isEqualTo(1);
    }

    @Test
    void aConfigFileWithoutRhsIsInvalid() throws IOException {
        Files.writeString(hesiodConf, "lhs=.ns\n");
        Run run = hesinfo("jdoe", "passwd");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("hesiod_init: Invalid Hesiod configuration file.");
    }

    @Test
    void aDottedRealmIsTheRhs() {
        Run run = hesinfo("-b", "jdoe@example.com", "passwd");
        assertThat(run.code()).isZero();
        assertThat(run.outLines()).containsExactly("jdoe.passwd.ns.example.com",
                "jdoe:*:2001:2001:Jane Doe (example.com):/home/jdoe:/bin/sh");
    }

    @Test
    void anUndottedRealmIsLookedUpAsAnRhsExtension() {
        Run run = hesinfo("-b", "jdoe@athena", "passwd");
        assertThat(run.code()).isZero();
        assertThat(run.outLines()).first().isEqualTo("jdoe.passwd.ns.example.com");

        Run unknown = hesinfo("-bl", "jdoe@nowhere", "passwd");
        assertThat(unknown.code()).isEqualTo(1);
        assertThat(unknown.outLines()).containsExactly("hes_to_bind(jdoe@nowhere, passwd) expands to", "nothing");
        assertThat(unknown.errLines()).containsExactly("hesiod_to_bind: Unknown rhs-extension.");

        assertThat(hesinfo("jdoe@nowhere", "passwd").errLines()).containsExactly(NOT_FOUND);
    }

    @Test
    void anOverlongLabelIsAnInvalidArgument() {
        Run run = hesinfo("x".repeat(64), "passwd");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly("hesiod_resolve: Invalid argument");
    }

    @Test
    void classHsOnRequest() {
        Run run = hesinfo("--class", "HS", "jdoe", "passwd");
        assertThat(run.code()).isZero();
        assertThat(run.outLines()).containsExactly(JDOE);
    }

    @Test
    void usageErrorsPrintTheClassicUsageAndExitTwo() {
        for (String[] args : new String[][] {{}, {"jdoe"}, {"jdoe", "passwd", "extra"}}) {
            Run run = hesinfo(args);
            assertThat(run.code()).as(Arrays.toString(args)).isEqualTo(2);
            assertThat(run.errLines()).as(Arrays.toString(args)).isEqualTo(USAGE);
            assertThat(run.out()).isEmpty();
        }
        Run badFlag = hesinfo("-x", "jdoe", "passwd");
        assertThat(badFlag.code()).isEqualTo(2);
        assertThat(badFlag.errLines()).containsExactly(
                "hesinfo: invalid option -- 'x'", USAGE.get(0), USAGE.get(1), USAGE.get(2));

        Run badCluster = hesinfo("-bz", "jdoe", "passwd");
        assertThat(badCluster.errLines()).first().isEqualTo("hesinfo: invalid option -- 'z'");

        Run longOption = hesinfo("--frobnicate", "jdoe", "passwd");
        assertThat(longOption.errLines()).containsExactly(
                "hesinfo: unrecognized option '--frobnicate'", USAGE.get(0), USAGE.get(1), USAGE.get(2));

        Run badClass = hesinfo("--class", "CH", "jdoe", "passwd");
        assertThat(badClass.code()).isEqualTo(2);
        assertThat(badClass.errLines()).first().isEqualTo("hesinfo: --class must be IN or HS, not CH");
    }

    @Test
    void sendsWhatLibhesiodSendsClassInRdSetNoEdns() throws Exception {
        try (DatagramSocket fake = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
            CompletableFuture<Message> seen = CompletableFuture.supplyAsync(() -> answerOnce(fake, Rcode.NXDOMAIN));

            Run run = hesinfoVia("127.0.0.1:" + fake.getLocalPort(), "jdoe", "passwd");

            Message query = seen.get(10, TimeUnit.SECONDS);
            assertThat(query.getQuestion().getName().toString()).isEqualTo("jdoe.passwd.ns.example.org.");
            assertThat(query.getQuestion().getType()).isEqualTo(Type.TXT);
            assertThat(query.getQuestion().getDClass()).isEqualTo(DClass.IN);
            assertThat(query.getHeader().getFlag(Flags.RD)).isTrue();
            assertThat(query.getOPT()).isNull();
            assertThat(query.getHeader().getCount(Section.ADDITIONAL)).isZero();
            assertThat(run.errLines()).containsExactly(NOT_FOUND);
        }
    }

    @Test
    void noAnswerWithinTheResolvConfTimeoutIsConnectionRefused() throws Exception {
        Files.writeString(dir.resolve("resolv.conf"), "nameserver 127.0.0.1\noptions timeout:1 attempts:1\n");
        try (DatagramSocket silent = new DatagramSocket(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0))) {
            Run run = hesinfoVia("127.0.0.1:" + silent.getLocalPort(), "jdoe", "passwd");
            assertThat(run.code()).isEqualTo(1);
            assertThat(run.errLines()).containsExactly("hesiod_resolve: Connection refused");
        }
    }

    /** Receives one query and answers it with {@code rcode} and no records; returns the query. */
    private static Message answerOnce(DatagramSocket socket, int rcode) {
        try {
            socket.setSoTimeout(10_000);
            DatagramPacket packet = new DatagramPacket(new byte[512], 512);
            socket.receive(packet);
            Message query = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
            Message reply = new Message(query.getHeader().getID());
            reply.getHeader().setFlag(Flags.QR);
            reply.getHeader().setFlag(Flags.RD);
            reply.getHeader().setRcode(rcode);
            reply.addRecord(query.getQuestion(), Section.QUESTION);
            byte[] wire = reply.toWire();
            socket.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
            return query;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
