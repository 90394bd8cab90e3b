package org.flatracoon.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.Scenario;
import io.cucumber.java.Before;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;
import org.flatracoon.lab.probe.DnsQuery;
import org.flatracoon.lab.probe.DnsQuery.DnsAnswer;
import org.flatracoon.lab.probe.HesiodEntries.Filsys;
import org.flatracoon.lab.probe.HesiodEntries.Group;
import org.flatracoon.lab.probe.HesiodEntries.Passwd;
import org.flatracoon.lab.probe.HesiodEntries.Pobox;
import org.flatracoon.lab.probe.HesiodLookup;
import org.flatracoon.lab.probe.HesiodLookup.LookupResult;
import org.flatracoon.lab.probe.PrometheusMetrics;

/** Steps about the Hesiod naming service, as workstations and DNS clients see it. */
public final class HesiodSteps {

    private static final int HESIOD_HTTP_PORT = 8080;

    private final LabWorld world;
    private Scenario scenario;
    private LookupResult lookup;
    private DnsAnswer answer;
    private int malformedSent;

    public HesiodSteps(LabWorld world) {
        this.world = world;
    }

    @Before
    public void remember(Scenario scenario) {
        this.scenario = scenario;
    }

    @When("{word} looks up the account {string}")
    public void looksUpTheAccount(String workstation, String user) {
        lookup = hesinfo(workstation, user, "passwd");
    }

    @When("{word} looks up the account with uid {long}")
    public void looksUpTheAccountWithUid(String workstation, long uid) {
        lookup = hesinfo(workstation, String.valueOf(uid), "uid");
    }

    @When("{word} looks up the group {string}")
    public void looksUpTheGroup(String workstation, String group) {
        lookup = hesinfo(workstation, group, "group");
    }

    @When("{word} looks up the group with gid {long}")
    public void looksUpTheGroupWithGid(String workstation, long gid) {
        lookup = hesinfo(workstation, String.valueOf(gid), "gid");
    }

    @When("{word} looks up the file system of {string}")
    public void looksUpTheFileSystemOf(String workstation, String user) {
        lookup = hesinfo(workstation, user, "filsys");
    }

    @When("{word} looks up the mail drop of {string}")
    public void looksUpTheMailDropOf(String workstation, String user) {
        lookup = hesinfo(workstation, user, "pobox");
    }

    @Then("the account has uid {long}, gid {long}, home {string} and shell {string}")
    public void theAccountHas(long uid, long gid, String home, String shell) {
        Passwd account = Passwd.parse(lookup.single());
        assertThat(account.name()).isEqualTo(lookup.key());
        assertThat(account.uid()).as("uid").isEqualTo(uid);
        assertThat(account.gid()).as("gid").isEqualTo(gid);
        assertThat(account.home()).as("home").isEqualTo(home);
        assertThat(account.shell()).as("shell").isEqualTo(shell);
    }

    @Then("the account is {string} with home {string} and shell {string}")
    public void theAccountIs(String name, String home, String shell) {
        Passwd account = Passwd.parse(lookup.single());
        assertThat(account.name()).as("name").isEqualTo(name);
        assertThat(String.valueOf(account.uid())).as("uid").isEqualTo(lookup.key());
        assertThat(account.home()).as("home").isEqualTo(home);
        assertThat(account.shell()).as("shell").isEqualTo(shell);
    }

    @Then("the group has gid {long} and the members {names}")
    public void theGroupHas(long gid, List<String> members) {
        Group group = Group.parse(lookup.single());
        assertThat(group.name()).isEqualTo(lookup.key());
        assertThat(group.gid()).as("gid").isEqualTo(gid);
        assertThat(group.members()).as("members").containsExactlyElementsOf(members);
    }

    @Then("the group is {string} with the members {names}")
    public void theGroupIs(String name, List<String> members) {
        Group group = Group.parse(lookup.single());
        assertThat(group.name()).as("name").isEqualTo(name);
        assertThat(String.valueOf(group.gid())).as("gid").isEqualTo(lookup.key());
        assertThat(group.members()).as("members").containsExactlyElementsOf(members);
    }

    @Then("it is an NFS export {string} from {string} mounted at {string}")
    public void itIsAnNfsExport(String export, String server, String mountPoint) {
        Filsys filsys = Filsys.parse(lookup.single());
        assertThat(filsys.type()).as("type").isEqualTo("NFS");
        // NFS: export server mode mountpoint
        assertThat(filsys.fields()).as("fields").hasSize(4);
        assertThat(filsys.fields().get(0)).as("export").isEqualTo(export);
        assertThat(filsys.fields().get(1)).as("server").isEqualTo(server);
        assertThat(filsys.fields().get(3)).as("mount point").isEqualTo(mountPoint);
    }

    @Then("mail for {word} is collected by {word} from {string} as {string}")
    public void mailIsCollected(String user, String type, String host, String mailUser) {
        assertThat(lookup.key()).isEqualTo(user);
        Pobox pobox = Pobox.parse(lookup.single());
        assertThat(pobox.type()).as("type").isEqualTo(type);
        assertThat(pobox.host()).as("host").isEqualTo(host);
        assertThat(pobox.user()).as("user").isEqualTo(mailUser);
    }

    @Then("the workstation reports that the name is not found")
    public void theNameIsNotFound() {
        assertThat(lookup.found()).as("found, with %s", lookup.records()).isFalse();
        assertThat(lookup.clientOutput()).contains("Hesiod name not found");
    }

    @When("{word} asks the name server for the passwd record of {string} in class {word}")
    public void asksTheNameServer(String workstation, String user, String dnsClass) {
        String name = new HesiodLookup(world.node(workstation)).dnsName(user, "passwd");
        answer = askHesiodServer(workstation, name, dnsClass);
    }

    @When("{word} asks the name server for the passwd record of {string} in a zone it does not serve")
    public void asksOutsideItsZones(String workstation, String user) {
        answer = askHesiodServer(workstation, user + ".passwd.ns.example.net", "IN");
    }

    @Then("the answer is authoritative and holds {string} in class {word}")
    public void theAnswerHolds(String text, String dnsClass) {
        assertThat(answer.status()).isEqualTo("NOERROR");
        assertThat(answer.authoritative()).as("AA flag").isTrue();
        assertThat(answer.answers()).as("answer section").hasSize(1);
        assertThat(answer.answers().get(0).dnsClass()).as("class").isEqualTo(dnsClass);
        assertThat(answer.answers().get(0).type()).as("type").isEqualTo("TXT");
        assertThat(answer.answers().get(0).text()).isEqualTo(text);
    }

    @When("the resolver asks the parent for the passwd record of {string}")
    public void theResolverAsksTheParent(String user) {
        String name = user + ".passwd.ns.example.org";
        answer = new DnsQuery(world.node("resolver")).ask(world.addressFacing("parent", "resolver"), name, "IN", "TXT");
        scenario.log("resolver$ dig @parent IN TXT " + name + " → " + answer);
    }

    @Then("the parent answers with a referral to our Hesiod server")
    public void theParentRefers() {
        String ourServer = world.firstAddressOf(world.onlyNodeOfKind("hesiod").name());
        assertThat(answer.status()).isEqualTo("NOERROR");
        assertThat(answer.authoritative()).as("AA flag of a referral").isFalse();
        assertThat(answer.answers()).isEmpty();
        assertThat(answer.authority()).as("authority section").anySatisfy(ns -> {
            assertThat(ns.type()).isEqualTo("NS");
            assertThat(ns.owner()).isEqualTo("ns.example.org.");
            assertThat(ns.data()).isEqualTo("ns1.ns.example.org.");
        });
        assertThat(answer.additional()).as("glue").anySatisfy(glue -> {
            assertThat(glue.owner()).isEqualTo("ns1.ns.example.org.");
            assertThat(glue.type()).isEqualTo("A");
            assertThat(glue.data()).isEqualTo(ourServer);
        });
    }

    @Then("the name server refuses to answer")
    public void theNameServerRefuses() {
        assertThat(answer.status()).isEqualTo("REFUSED");
        assertThat(answer.answers()).isEmpty();
    }

    @When("{word} sends {int} malformed DNS packets to the Hesiod server")
    public void sendsMalformedPackets(String attacker, int count) {
        String server = world.onlyNodeOfKind("hesiod").name();
        long seed = new Random().nextInt(1_000_000);
        scenario.log("malformed packet corpus seed: " + seed);
        ExecResult result = world.node(attacker).exec("netstack", "dns", "send-malformed",
                "--server", world.addressFacing(server, attacker), "--count", String.valueOf(count),
                "--seed", String.valueOf(seed));
        assertThat(result.succeeded()).as("sender: %s", result.output()).isTrue();
        malformedSent = count;
    }

    @Then("{word} can still look up the account {string}")
    public void canStillLookUp(String workstation, String user) {
        LookupResult result = hesinfo(workstation, user, "passwd");
        assertThat(Passwd.parse(result.single()).name()).isEqualTo(user);
    }

    @Then("the Hesiod server counted the malformed packets")
    public void theServerCountedThem() {
        LabNode server = world.node(world.onlyNodeOfKind("hesiod").name());
        double counted = new PrometheusMetrics(server, HESIOD_HTTP_PORT).sum("hesiod_malformed_total");
        scenario.log("malformed packets sent " + malformedSent + ", counted by the server " + counted);
        assertThat(counted).as("hesiod_malformed_total").isGreaterThan(0).isLessThanOrEqualTo(malformedSent);
    }

    @io.cucumber.java.ParameterType("[a-z0-9-]+(?:, [a-z0-9-]+)*")
    public List<String> names(String text) {
        return Arrays.asList(text.split(",\\s*"));
    }

    private LookupResult hesinfo(String workstation, String key, String type) {
        LookupResult result = new HesiodLookup(world.node(workstation)).lookup(key, type);
        scenario.log(workstation + "$ hesinfo " + key + " " + type + "\n" + result.clientOutput());
        return result;
    }

    private DnsAnswer askHesiodServer(String workstation, String name, String dnsClass) {
        String server = world.onlyNodeOfKind("hesiod").name();
        DnsAnswer result = new DnsQuery(world.node(workstation))
                .ask(world.addressFacing(server, workstation), name, dnsClass, "TXT");
        scenario.log(workstation + "$ dig -c " + dnsClass + " TXT " + name + " → " + result);
        return result;
    }
}
