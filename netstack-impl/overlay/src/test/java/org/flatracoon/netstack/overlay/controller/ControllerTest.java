package org.flatracoon.netstack.overlay.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.flatracoon.netstack.overlay.identity.Identity;
import org.flatracoon.netstack.overlay.identity.NetworkId;
import org.flatracoon.netstack.overlay.netconf.ConfigRequest;
import org.flatracoon.netstack.overlay.netconf.NetworkConfig;
import org.flatracoon.netstack.overlay.netconf.Route;
import org.flatracoon.netstack.overlay.wire.Membership;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ControllerTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    Path state;
    private final AtomicLong clock = new AtomicLong(1_764_129_600_000L);
    private final Identity identity = Identity.generate();
    private final Identity member = Identity.generate();

    private Controller controller() throws Exception {
        return new Controller(identity, state, clock::get);
    }

    private static JsonNode json(String text) throws Exception {
        return JSON.readTree(text.replace('\'', '"'));
    }

    private String network(Controller c) throws Exception {
        return c.createNetwork(json("{'name':'k8s','v4AssignMode':{'zt':true},'v6AssignMode':{'rfc4193':true},"
                + "'routes':[{'target':'10.147.17.0/24','via':null}],"
                + "'ipAssignmentPools':[{'ipRangeStart':'10.147.17.1','ipRangeEnd':'10.147.17.254'}]}"))
                .get("id").asText();
    }

    private Controller.ConfigAnswer ask(Controller c, String nwid, Identity who, List<String> routes) {
        return c.requestConfig(nwid, ConfigRequest.sign(who, NetworkId.parse(nwid), clock.get(),
                List.of("198.51.100.2/9993"), routes));
    }

    @Test
    void networkIdBelongsToTheControllerAndTheObjectHasZeroTierShape() throws Exception {
        Controller c = controller();
        JsonNode n = c.network(network(c));
        assertThat(n.get("id").asText()).startsWith(identity.address().toString()).hasSize(16);
        assertThat(n.get("nwid")).isEqualTo(n.get("id"));
        assertThat(n.get("objtype").asText()).isEqualTo("network");
        assertThat(n.get("private").asBoolean()).isTrue();
        assertThat(n.get("mtu").asInt()).isEqualTo(2800);
        assertThat(n.get("rules").get(0).get("type").asText()).isEqualTo("ACTION_ACCEPT");
        assertThat(n.has("members")).isFalse();
        assertThat(c.networkIds()).containsExactly(n.get("id").asText());
    }

    @Test
    void unknownMemberIsRecordedUnauthorisedAndDeniedUntilAuthorised() throws Exception {
        Controller c = controller();
        String nwid = network(c);
        assertThat(ask(c, nwid, member, List.of()).status()).isEqualTo(403);
        JsonNode m = c.member(nwid, member.address().toString());
        assertThat(m.get("authorized").asBoolean()).isFalse();
        assertThat(m.get("identity").asText()).isEqualTo(member.publicIdentity().toString());
        assertThat(m.get("physicalAddress").asText()).isEqualTo("198.51.100.2/9993");
        assertThat(c.members(nwid).has(member.address().toString())).isTrue();

        c.upsertMember(nwid, member.address().toString(), json("{'authorized':true}"));
        Controller.ConfigAnswer answer = ask(c, nwid, member, List.of());
        assertThat(answer.status()).isEqualTo(200);
        NetworkConfig config = answer.config().verify(NetworkId.parse(nwid), member.address());
        assertThat(config.assignedAddresses()).contains("10.147.17.1/24");
        assertThat(config.assignedAddresses()).anyMatch(a -> a.startsWith("fd") && a.endsWith("/88"));
        assertThat(config.members()).extracting(x -> x.identity()).containsExactly(member.publicIdentity().toString());
        Membership com = Membership.fromHex(config.com()).orElseThrow();
        assertThat(com.verify(identity.publicIdentity())).isTrue();
        assertThat(com.member()).isEqualTo(member.address());
    }

    @Test
    void aConfigForOneMemberDoesNotVerifyAsAnothersOrUnderAnotherController() throws Exception {
        Controller c = controller();
        String nwid = network(c);
        c.upsertMember(nwid, member.address().toString(), json("{'authorized':true}"));
        var signed = ask(c, nwid, member, List.of()).config();
        Identity other = Identity.generate();
        assertThatThrownBy(() -> signed.verify(NetworkId.parse(nwid), other.address())).hasMessageContaining("not");
        assertThatThrownBy(() -> signed.verify(NetworkId.of(other.address(), 1), member.address()))
                .hasMessageContaining("not by the controller");
        var tampered = new org.flatracoon.netstack.overlay.netconf.SignedConfig(
                java.util.Base64.getEncoder().encodeToString(new String(java.util.Base64.getDecoder()
                        .decode(signed.payload())).replace("10.147.17.1", "10.147.17.9").getBytes()),
                signed.signature(), signed.controller());
        assertThatThrownBy(() -> tampered.verify(NetworkId.parse(nwid), member.address()))
                .hasMessageContaining("signature");
    }

    @Test
    void deauthorisationRemovesTheMemberFromEveryConfigAndDeniesIt() throws Exception {
        Controller c = controller();
        String nwid = network(c);
        Identity peer = Identity.generate();
        for (Identity who : List.of(member, peer)) {
            ask(c, nwid, who, List.of());
            c.upsertMember(nwid, who.address().toString(), json("{'authorized':true}"));
        }
        long before = ask(c, nwid, peer, List.of()).config().verify(NetworkId.parse(nwid), peer.address()).revision();
        c.upsertMember(nwid, member.address().toString(), json("{'authorized':false}"));
        assertThat(ask(c, nwid, member, List.of()).status()).isEqualTo(403);
        NetworkConfig peers = ask(c, nwid, peer, List.of()).config().verify(NetworkId.parse(nwid), peer.address());
        assertThat(peers.revision()).isGreaterThan(before);
        assertThat(peers.members()).extracting(x -> x.identity()).containsExactly(peer.publicIdentity().toString());
        assertThat(c.networksAdmitting(member.address().value())).isEmpty();
        assertThat(c.member(nwid, member.address().toString()).get("lastDeauthorizedTime").asLong()).isPositive();
    }

    @Test
    void advertisedPodSubnetBecomesAManagedRouteViaTheMember() throws Exception {
        Controller c = controller();
        String nwid = network(c);
        ask(c, nwid, member, List.of("10.244.1.0/24"));
        c.upsertMember(nwid, member.address().toString(), json("{'authorized':true}"));
        NetworkConfig config = ask(c, nwid, member, List.of("10.244.1.0/24")).config()
                .verify(NetworkId.parse(nwid), member.address());
        assertThat(config.routes()).contains(new Route("10.147.17.0/24", null), new Route("10.244.1.0/24",
                "10.147.17.1"));
    }

    @Test
    void membersOfADeletedNetworkAreToldItIsGone() throws Exception {
        Controller c = controller();
        String nwid = network(c);
        ask(c, nwid, member, List.of());
        c.upsertMember(nwid, member.address().toString(), json("{'authorized':true}"));
        c.deleteNetwork(nwid);
        assertThat(ask(c, nwid, member, List.of()).status()).isEqualTo(404);
        assertThat(c.networksAdmitting(member.address().value())).isEmpty();
        assertThatThrownBy(() -> c.network(nwid)).isInstanceOf(ApiException.class).hasMessageContaining("no network");
    }

    @Test
    void publicNetworksAdmitEveryMemberWithoutAuthorisation() throws Exception {
        Controller c = controller();
        String nwid = network(c);
        c.upsertNetwork(nwid, json("{'private':false}"));
        assertThat(ask(c, nwid, member, List.of()).status()).isEqualTo(200);
        assertThat(c.member(nwid, member.address().toString()).get("authorized").asBoolean()).isTrue();
    }

    @Test
    void stateSurvivesARestart() throws Exception {
        Controller c = controller();
        String nwid = network(c);
        ask(c, nwid, member, List.of());
        c.upsertMember(nwid, member.address().toString(), json("{'authorized':true}"));
        JsonNode before = c.member(nwid, member.address().toString());

        Controller restarted = controller();
        assertThat(restarted.networkIds()).containsExactly(nwid);
        assertThat(restarted.member(nwid, member.address().toString())).isEqualTo(before);
        assertThat(ask(restarted, nwid, member, List.of()).status()).isEqualTo(200);
    }

    @Test
    void wronglyTypedFieldsAreRefusedNamingTheFieldAndChangeNothing() throws Exception {
        Controller c = controller();
        String nwid = network(c);
        assertThatThrownBy(() -> c.upsertNetwork(nwid, json("{'name':'x','private':'yes'}")))
                .isInstanceOf(ApiException.class).hasMessageContaining("'private'");
        assertThat(c.network(nwid).get("name").asText()).isEqualTo("k8s");
        assertThatThrownBy(() -> c.upsertNetwork(nwid, json("{'routes':[{'target':'10.0.0.0/33'}]}")))
                .hasMessageContaining("routes[0].target");
        assertThatThrownBy(() -> c.upsertNetwork(nwid, json(
                "{'ipAssignmentPools':[{'ipRangeStart':'10.0.0.9','ipRangeEnd':'10.0.0.1'}]}")))
                .hasMessageContaining("after");
        assertThatThrownBy(() -> c.upsertMember(nwid, "zz", json("{}"))).hasMessageContaining("10 hex");
        assertThatThrownBy(() -> c.upsertMember(nwid, member.address().toString(), json("{'authorized':1}")))
                .hasMessageContaining("'authorized'");
        assertThatThrownBy(() -> c.upsertNetwork("0000000001000001", json("{}"))).hasMessageContaining("belongs");
    }

    @Test
    void aRequestFromTheWrongClockOrWithABadSignatureIsRefused() throws Exception {
        Controller c = controller();
        String nwid = network(c);
        ConfigRequest old = ConfigRequest.sign(member, NetworkId.parse(nwid), clock.get() - 3_600_000, List.of(),
                List.of());
        assertThat(c.requestConfig(nwid, old).status()).isEqualTo(400);
        ConfigRequest good = ConfigRequest.sign(member, NetworkId.parse(nwid), clock.get(), List.of(), List.of());
        ConfigRequest forged = new ConfigRequest(good.identity(), good.timestamp(), List.of("198.51.100.66/1"),
                List.of(), good.signature());
        assertThat(c.requestConfig(nwid, forged).status()).isEqualTo(400);
        assertThat(c.requestConfig("8056c2e21c000001", good).status()).isEqualTo(404);
    }
}
