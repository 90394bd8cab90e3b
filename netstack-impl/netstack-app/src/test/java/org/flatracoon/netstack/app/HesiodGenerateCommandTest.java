package org.flatracoon.netstack.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.flatracoon.netstack.hesiod.query.QueryHandler;
import org.flatracoon.netstack.hesiod.query.Transport;
import org.flatracoon.netstack.hesiod.zone.HesiodZone;
import org.flatracoon.netstack.hesiod.zone.HesiodZones;
import org.flatracoon.netstack.hesiod.zone.ZoneLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.Type;

class HesiodGenerateCommandTest {
    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
        List<String> errLines() {
            return err.lines().toList();
        }
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Netstack.execute(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    static Path resource(String name) throws URISyntaxException {
        return Path.of(HesiodGenerateCommandTest.class.getResource(name).toURI());
    }

    private static String nl(String text) {
        return text.replace("\n", System.lineSeparator());
    }

    @Test
    void writesTheExpectedZoneToStandardOutput() throws Exception {
        Run run = run("hesiod", "generate", "--from", resource("/generate/good").toString(),
                "--origin", "ns.example.org", "--serial", "2026112601");

        assertThat(run.code()).isZero();
        assertThat(run.out()).isEqualTo(nl(Files.readString(resource("/generate/good.zone"))));
        assertThat(run.errLines()).containsExactly(
                "generated ns.example.org. (serial 2026112601): 3 accounts, 3 groups, 19 records");
    }

    @Test
    void theGeneratedZoneLoadsAndAnswersWhatTheYamlSays() throws Exception {
        Path zoneFile = dir.resolve("hesiod.zone");
        Run run = run("hesiod", "generate", "--from", resource("/generate/good").toString(),
                "--origin", "ns.example.org.", "-o", zoneFile.toString());
        assertThat(run.code()).isZero();
        assertThat(run.out().strip()).isEqualTo(zoneFile + ": ns.example.org. (serial 1): 3 accounts, 3 groups, 19 records");

        HesiodZone zone = ZoneLoader.load(zoneFile);
        assertThat(zone.apex()).isEqualTo(Name.fromString("ns.example.org."));
        assertThat(zone.recordCount()).isEqualTo(19);
        assertThat(run("hesiod", "check", zoneFile.toString()).code()).isZero();

        QueryHandler handler = new QueryHandler(HesiodZones.of(zone));
        assertThat(txt(handler, "asmith.passwd.ns.example.org.")).containsExactly(
                "asmith:*:1002:1001:Zoë \"Al\" Smith:/home/asmith:/bin/zsh");
        assertThat(txt(handler, "1001.uid.ns.example.org.")).containsExactly(
                "jdoe:*:1001:1001:Jane Doe,,,:/home/jdoe:/bin/bash");
        assertThat(txt(handler, "10.gid.ns.example.org.")).containsExactly("wheel:*:10:jdoe");
        assertThat(txt(handler, "jdoe.grplist.ns.example.org.")).containsExactly("staff:1001:wheel:10");
        assertThat(txt(handler, "asmith.filsys.ns.example.org.")).containsExactly(
                "AFS /afs/example.org/user/a/asmith w /mit/asmith");
    }

    @Test
    void optionsSetTheApexRecords() throws Exception {
        Run run = run("hesiod", "generate", "--from", resource("/generate/good").toString(), "--origin", "ns.example.org",
                "--ttl", "60", "--serial", "7", "--ns", "a.example.net", "--ns", "b.example.net.",
                "--hostmaster", "admin@example.net");
        assertThat(run.code()).isZero();
        assertThat(run.out().lines().limit(6).toList()).containsExactly(
                "; Hesiod zone ns.example.org. written by netstack hesiod generate: 3 accounts, 3 groups, 20 records",
                "$ORIGIN ns.example.org.",
                "$TTL 60",
                "@\tHS\tSOA\ta.example.net. admin.example.net. 7 3600 900 604800 60",
                "@\tHS\tNS\ta.example.net.",
                "@\tHS\tNS\tb.example.net.");
    }

    @Test
    void everyProblemInTheYamlIsReportedWithFileAndLine() throws IOException {
        Files.writeString(dir.resolve("accounts.yml"), String.join("\n",
                "- name: jdoe",                       // 1
                "  uid: 1001",
                "  gid: 1001",
                "  home: /home/jdoe",
                "  groups: [staff, nosuch]",          // 5
                "  colour: blue",                     // 6
                "- name: bob",                        // 7
                "  uid: abc",                         // 8
                "  gid: 1001",
                "  home: /home/bob",
                "- name: carol",                      // 11
                "  uid: 1003",
                "  gid: 1001",
                "- name: jdoe",                       // 14
                "  uid: 1004",
                "  gid: 1001",
                "  home: /home/jdoe2",
                "- name: dave",                       // 18
                "  uid: 1001",
                "  gid: 1001",
                "  home: /home/dave",
                "  gecos: \"Dave: the admin\"",
                "  filsys: NFS /export/home/dave w /home/dave",
                ""));
        Files.writeString(dir.resolve("groups.yml"), String.join("\n",
                "- name: staff",                      // 1
                "  gid: 1001",
                "  members: [jdoe, ghost, bob]",      // bob is broken, not reported again
                "- name: staff",                      // 4
                "  gid: 1002",
                ""));
        Path accounts = dir.resolve("accounts.yml");
        Path groups = dir.resolve("groups.yml");

        Run run = run("hesiod", "generate", "--from", dir.toString(), "--origin", "ns.example.org");

        assertThat(run.code()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.errLines()).containsExactly(
                accounts + ":1: account 'jdoe': group 'nosuch' is not in groups.yml",
                accounts + ":6: account 'jdoe': unknown key 'colour' (expected filsys, gecos, gid, groups, home, name, "
                        + "pobox, shell, uid)",
                accounts + ":8: account 'bob': uid 'abc' is not a number in 0..4294967295",
                accounts + ":11: account 'carol': missing home",
                accounts + ":14: account 'jdoe': already defined at line 1",
                accounts + ":18: account 'dave': uid 1001 is already used by 'jdoe' (line 1)",
                accounts + ":18: account 'dave': gecos 'Dave: the admin' must not contain ':'",
                accounts + ":18: account 'dave': filsys: NFS expects 4 fields after the type "
                        + "(path server mode mountpoint), got 3",
                groups + ":1: group 'staff': member 'ghost' is not an account in accounts.yml",
                groups + ":4: group 'staff': already defined at line 1",
                "10 problems, no zone written");
    }

    @Test
    void aYamlSyntaxErrorHasItsLine() throws IOException {
        Files.writeString(dir.resolve("accounts.yml"), "- name: jdoe\n  uid: [1001\n  gid: 1001\n");
        Run run = run("hesiod", "generate", "--from", dir.toString(), "--origin", "ns.example.org");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines().get(0)).startsWith(dir.resolve("accounts.yml") + ":").contains("YAML syntax error");
        assertThat(run.errLines().get(0)).matches(".*accounts\\.yml:[34]: .*");
    }

    @Test
    void aMissingAccountsFileIsOneProblem() {
        Run run = run("hesiod", "generate", "--from", dir.toString(), "--origin", "ns.example.org");
        assertThat(run.code()).isEqualTo(1);
        assertThat(run.errLines()).containsExactly(dir.resolve("accounts.yml") + ": no such file",
                "1 problem, no zone written");
    }

    @Test
    void longPayloadsAreSplitIntoSeveralStringsAndLoad() throws Exception {
        StringBuilder members = new StringBuilder();
        StringBuilder accounts = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            String name = "member" + i;
            accounts.append("- {name: ").append(name).append(", uid: ").append(2000 + i)
                    .append(", gid: 2000, home: /home/").append(name).append("}\n");
            members.append(i == 0 ? "" : ", ").append(name);
        }
        Files.writeString(dir.resolve("accounts.yml"), accounts.toString());
        Files.writeString(dir.resolve("groups.yml"), "- {name: big, gid: 2000, members: [" + members + "]}\n");
        Path zoneFile = dir.resolve("z.zone");

        assertThat(run("hesiod", "generate", "--from", dir.toString(), "--origin", "ns.example.org", "-o",
                zoneFile.toString()).code()).isZero();

        String line = Files.readAllLines(zoneFile).stream().filter(l -> l.startsWith("big.group")).findFirst().orElseThrow();
        assertThat(line).contains("\" \"");
        QueryHandler handler = new QueryHandler(HesiodZones.of(ZoneLoader.load(zoneFile)));
        String payload = txt(handler, "big.group.ns.example.org.").get(0);
        assertThat(payload).startsWith("big:*:2000:member0,member1,").endsWith(",member9");
        assertThat(payload.split(":")[3].split(",")).hasSize(60);
    }

    @Test
    void usageErrorsExitTwo() throws Exception {
        String good = resource("/generate/good").toString();
        assertThat(run("hesiod", "generate", "--origin", "ns.example.org").errLines()).containsExactly(
                "netstack hesiod generate: give either --from DIR or --synthetic --accounts N"
                        + " (see 'netstack hesiod generate --help')");
        assertThat(run("hesiod", "generate", "--from", good, "--synthetic", "--accounts", "3", "--origin", "x.org").code())
                .isEqualTo(2);
        assertThat(run("hesiod", "generate", "--synthetic", "--origin", "ns.example.org").code()).isEqualTo(2);
        assertThat(run("hesiod", "generate", "--from", good).code()).isEqualTo(2);
        assertThat(run("hesiod", "generate", "--from", good, "--origin", "bad..name").code()).isEqualTo(2);
        assertThat(run("hesiod", "generate", "--from", good, "--origin", "ns.example.org", "--serial", "-1").code())
                .isEqualTo(2);
    }

    @Test
    void syntheticZonesAreDeterministicAndLoad() throws Exception {
        Path first = dir.resolve("a.zone");
        Path second = dir.resolve("b.zone");
        for (Path p : List.of(first, second)) {
            Run run = run("hesiod", "generate", "--synthetic", "--accounts", "2000", "--origin", "ns.example.org",
                    "-o", p.toString());
            assertThat(run.code()).isZero();
        }
        assertThat(Files.readAllBytes(first)).isEqualTo(Files.readAllBytes(second));

        HesiodZone zone = ZoneLoader.load(first);
        // 2000 × (passwd, uid, grplist, filsys, pobox) + (1 + 40 teams + 1 leads) × (group, gid) + SOA + NS
        assertThat(zone.recordCount()).isEqualTo(2000 * 5 + 42 * 2 + 2);
        QueryHandler handler = new QueryHandler(HesiodZones.of(zone));
        assertThat(txt(handler, "user000051.passwd.ns.example.org.")).containsExactly(
                "user000051:*:100051:100:Synthetic User 51:/home/user000051:/bin/bash");
        assertThat(txt(handler, "user000051.grplist.ns.example.org.")).containsExactly("leads0001:300001:team00002:200002");
        assertThat(txt(handler, "200002.gid.ns.example.org.").get(0)).startsWith("team00002:*:200002:user000051,user000052,");
    }

    @Test
    void aHundredThousandSyntheticAccountsTakeSeconds() throws Exception {
        Path zoneFile = dir.resolve("big.zone");
        long start = System.nanoTime();
        Run run = run("hesiod", "generate", "--synthetic", "--accounts", "100000", "--origin", "ns.example.org",
                "-o", zoneFile.toString());
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertThat(run.code()).isZero();
        assertThat(run.out()).contains("100000 accounts, 2041 groups, 504084 records");
        assertThat(millis).as("generation time in ms").isLessThan(15_000);
        try (var lines = Files.lines(zoneFile, StandardCharsets.UTF_8)) {
            assertThat(lines.filter(l -> l.startsWith("user100000.passwd")).collect(Collectors.toList())).hasSize(1);
        }
    }

    /** The TXT strings (joined per record) of the answer to an IN query. */
    static List<String> txt(QueryHandler handler, String name) throws IOException {
        Message query = Message.newQuery(Record.newRecord(Name.fromString(name), Type.TXT, DClass.IN));
        Message answer = new Message(handler.handle(query.toWire(), Transport.TCP).wire().orElseThrow());
        assertThat(answer.getRcode()).as(name).isEqualTo(Rcode.NOERROR);
        return answer.getSection(Section.ANSWER).stream().filter(TXTRecord.class::isInstance)
                .map(r -> ((TXTRecord) r).getStringsAsByteArrays().stream()
                        .map(b -> new String(b, StandardCharsets.UTF_8)).collect(Collectors.joining()))
                .toList();
    }
}
