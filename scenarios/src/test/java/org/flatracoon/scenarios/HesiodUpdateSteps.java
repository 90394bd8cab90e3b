package org.flatracoon.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.backend.LabNode;
import org.flatracoon.lab.probe.DnsQuery;
import org.flatracoon.lab.probe.DnsQuery.DnsAnswer;
import org.flatracoon.lab.probe.DnsUpdate;
import org.flatracoon.lab.probe.HesiodEntries.Passwd;
import org.flatracoon.lab.probe.HesiodLookup;
import org.flatracoon.lab.wait.Budget;
import org.flatracoon.lab.wait.Waits;

/**
 * Steps about changing Hesiod data: signed dynamic updates sent by the administrator's node with
 * BIND's nsupdate, zone transfers asked with dig, and the primary's crash. The lab's nodes are
 * named by role: primary (our server), secondary (BIND), admin (holds the update key).
 */
public final class HesiodUpdateSteps {

    private static final String ZONE = "ns.example.org";
    private static final String UPDATE_KEY_FILE = "/etc/flatracoon/update.key";
    private static final String TRANSFER_KEY_FILE = "/etc/flatracoon/transfer.key";
    private static final String WRONG_TRANSFER_KEY_FILE = "/etc/flatracoon/wrong-transfer.key";
    private static final String ACKNOWLEDGED = "/tmp/acknowledged-accounts";

    private final LabWorld world;
    private Scenario scenario;
    private DnsUpdate.UpdateResult update;
    private ExecResult transfer;

    public HesiodUpdateSteps(LabWorld world) {
        this.world = world;
    }

    @Before
    public void remember(Scenario scenario) {
        this.scenario = scenario;
    }

    @Given("the secondary holds a copy of the zone")
    public void theSecondaryHoldsACopy() {
        // BIND keeps one copy per class (HS and IN views) and transfers each shortly after it starts.
        awaitAuthoritativeCopy("secondary", "ws2", "HS");
        awaitAuthoritativeCopy("secondary", "ws2", "IN");
    }

    @Given("our server holds a copy of the zone")
    public void ourServerHoldsACopy() {
        awaitAuthoritativeCopy("ours", "ws4", "IN");
    }

    /** A secondary answers SERVFAIL until its first transfer from the primary completes. */
    private void awaitAuthoritativeCopy(String server, String client, String dnsClass) {
        DnsQuery query = new DnsQuery(world.node(client));
        String address = world.addressFacing(server, client);
        Waits.Waited<DnsAnswer> waited = Waits.until(world.budget("zone transfer"),
                server + " answers for " + ZONE + " in class " + dnsClass, () -> query.ask(address, ZONE, dnsClass, "SOA"),
                answer -> answer.status().equals("NOERROR") && answer.authoritative());
        scenario.log(server + " authoritative for " + ZONE + " " + dnsClass + " after " + waited.took().toMillis() + " ms");
    }

    @When("the administrator adds the account {string} with uid {long}, gid {long}, home {string} and shell {string}")
    public void theAdministratorAddsTheAccount(String name, long uid, long gid, String home, String shell) {
        update = addAccount("admin", Optional.of(UPDATE_KEY_FILE), name, uid, gid, home, shell);
        assertThat(update.accepted()).as("nsupdate: %s", update.output()).isTrue();
    }

    @When("mallory tries to add the account {string} without the key")
    public void malloryTriesToAddWithoutTheKey(String name) {
        update = addAccount("mallory", Optional.empty(), name, 4242, 4242, "/home/" + name, "/bin/sh");
    }

    @Then("the update is refused")
    public void theUpdateIsRefused() {
        assertThat(update.accepted()).as("nsupdate: %s", update.output()).isFalse();
        assertThat(update.output()).contains("REFUSED");
    }

    @Then("the primary has no account {string}")
    public void thePrimaryHasNoAccount(String name) {
        DnsAnswer answer = askPrimary("admin", name + ".passwd." + ZONE);
        assertThat(answer.status()).as("answer for %s", name).isEqualTo("NXDOMAIN");
    }

    @Then("{word} sees the account {string} within the {budget} budget")
    public void seesTheAccount(String workstation, String name, Budget budget) {
        HesiodLookup client = new HesiodLookup(world.node(workstation));
        Waits.Waited<HesiodLookup.LookupResult> waited = Waits.until(budget, workstation + " sees " + name,
                () -> client.lookup(name, "passwd"), HesiodLookup.LookupResult::found);
        assertThat(Passwd.parse(waited.value().single()).name()).isEqualTo(name);
        scenario.log(workstation + " saw " + name + " through the secondary after " + waited.took().toMillis() + " ms");
    }

    @Then("the secondary serves {string} in class HS too within the {budget} budget")
    public void theSecondaryServesInClassHs(String name, Budget budget) {
        // BIND answers NOTIFY in class HS with NOTIMP (seen with 9.18), so its HS copy follows by refresh.
        DnsQuery client = new DnsQuery(world.node("ws2"));
        String secondary = world.addressFacing("secondary", "ws2");
        Waits.Waited<DnsAnswer> waited = Waits.until(budget, "the secondary's HS copy has " + name,
                () -> client.ask(secondary, name + ".passwd." + ZONE, "HS", "TXT"),
                answer -> answer.status().equals("NOERROR") && !answer.answers().isEmpty());
        assertThat(waited.value().answers().get(0).dnsClass()).isEqualTo("HS");
        assertThat(Passwd.parse(waited.value().answers().get(0).text()).name()).isEqualTo(name);
        scenario.log("the secondary's HS copy had " + name + " after " + waited.took().toMillis() + " ms");
    }

    @When("mallory asks the primary for a copy of the zone")
    public void malloryAsksForTheZone() {
        transfer = askForTheZone("mallory");
    }

    @When("the secondary's host asks the primary for a copy of the zone without the key")
    public void theSecondaryAsksWithoutTheKey() {
        transfer = askForTheZone("secondary");
    }

    @When("the secondary's host asks the primary for a copy of the zone with the transfer key")
    public void theSecondaryAsksWithTheKey() {
        String primary = world.addressFacing("primary", "secondary");
        transfer = world.node("secondary").exec("dig", "+time=3", "+tries=1", "-k", TRANSFER_KEY_FILE,
                "@" + primary, "-c", "HS", "-t", "AXFR", ZONE);
    }

    @When("the secondary's host asks the primary for a copy of the zone with a wrong key")
    public void theSecondaryAsksWithAWrongKey() {
        String primary = world.addressFacing("primary", "secondary");
        transfer = world.node("secondary").exec("dig", "+time=3", "+tries=1", "-k", WRONG_TRANSFER_KEY_FILE,
                "@" + primary, "-c", "HS", "-t", "AXFR", ZONE);
    }

    @Then("the transfer is refused as a bad signature")
    public void theTransferIsRefusedAsABadSignature() {
        theTransferIsRefused();
        // RFC 8945 §5.2: the server's TSIG carries the error, here BADSIG.
        assertThat(transfer.stdout()).containsPattern("TSIG\\s+hmac-sha256\\..*BADSIG");
    }

    @Then("the copy holds every account and its signature verifies")
    public void theCopyHoldsEveryAccount() {
        scenario.log(transfer.output());
        assertThat(transfer.succeeded()).as(transfer.output()).isTrue();
        // dig checks the TSIG of every message of the transfer and says so when one fails.
        assertThat(transfer.output()).doesNotContain("Transfer failed").doesNotContain("tsig")
                .doesNotContain("TSIG error");
        assertThat(transfer.stdout()).contains("alice:*:1001:1001", "bob:*:1002:1002")
                .containsPattern("transfer-key\\.\\s+0\\s+ANY\\s+TSIG\\s+hmac-sha256\\.");
    }

    @Then("the transfer is refused")
    public void theTransferIsRefused() {
        scenario.log(transfer.output());
        // dig prints "; Transfer failed." and no records when the server refuses.
        assertThat(transfer.output()).contains("Transfer failed");
        assertThat(transfer.stdout()).doesNotContain("alice:*:1001");
    }

    @Given("the administrator is adding accounts one after another")
    public void theAdministratorIsAddingAccounts() {
        String primary = world.addressFacing("primary", "admin");
        // One nsupdate per account; an account is written to the list only once the primary acknowledged it.
        String loop = "rm -f " + ACKNOWLEDGED + "; for i in $(seq 1 400); do name=$(printf 'crash%03d' $i);"
                + " printf 'server " + primary + "\\nzone " + ZONE + "\\nclass HS\\nupdate add %s.passwd." + ZONE
                + ". 300 HS TXT \"%s:*:%d:1001:Crash Test,,,:/home/%s:/bin/sh\"\\nsend\\n' $name $name $((5000+i)) $name"
                + " | nsupdate -t 2 -k " + UPDATE_KEY_FILE + " && echo $name >> " + ACKNOWLEDGED + "; done";
        ExecResult started = world.node("admin").exec("sh", "-c", "nohup sh -c '" + loop.replace("'", "'\\''")
                + "' >/tmp/update-loop.log 2>&1 &");
        assertThat(started.succeeded()).as(started.output()).isTrue();
        Waits.until(world.budget("zone transfer"), "the primary acknowledges the first updates",
                () -> acknowledged().size(), count -> count >= 5);
    }

    @When("the primary is killed in the middle of the updates and started again")
    public void thePrimaryIsKilledAndStartedAgain() {
        LabNode primary = world.node("primary");
        int before = acknowledged().size();
        primary.kill();
        scenario.log("killed the primary after " + before + " acknowledged updates");
        primary.start();
    }

    @Then("every account the primary acknowledged is still served by it")
    public void everyAcknowledgedAccountIsStillServed() {
        List<String> accounts = acknowledged();
        assertThat(accounts).as("acknowledged accounts").isNotEmpty();
        for (String account : accounts) {
            DnsAnswer answer = askPrimary("admin", account + ".passwd." + ZONE);
            assertThat(answer.status()).as("%s after the crash", account).isEqualTo("NOERROR");
            assertThat(Passwd.parse(answer.answers().get(0).text()).name()).isEqualTo(account);
        }
        scenario.log(accounts.size() + " acknowledged accounts all present after the restart");
    }

    private DnsUpdate.UpdateResult addAccount(String from, Optional<String> keyFile, String name, long uid, long gid,
            String home, String shell) {
        String passwd = name + ":*:" + uid + ":" + gid + ":" + name + ",,,:" + home + ":" + shell;
        DnsUpdate.UpdateResult result = new DnsUpdate(world.node(from)).send(world.addressFacing("primary", from), ZONE,
                "HS", keyFile, List.of("update add " + name + ".passwd." + ZONE + ". 300 HS TXT \"" + passwd + "\""));
        scenario.log(from + "$ nsupdate (add " + name + ") → " + (result.accepted() ? "acknowledged" : result.output()));
        return result;
    }

    private ExecResult askForTheZone(String from) {
        String primary = world.addressFacing("primary", from);
        return world.node(from).exec("dig", "+time=3", "+tries=1", "@" + primary, "-c", "HS", "-t", "AXFR", ZONE);
    }

    private DnsAnswer askPrimary(String from, String name) {
        return new DnsQuery(world.node(from)).ask(world.addressFacing("primary", from), name, "HS", "TXT");
    }

    private List<String> acknowledged() {
        ExecResult list = world.node("admin").exec("sh", "-c", "cat " + ACKNOWLEDGED + " 2>/dev/null || true");
        return Arrays.stream(list.stdout().split("\n")).map(String::strip).filter(line -> !line.isEmpty()).toList();
    }
}
