package org.flatracoon.netstack.overlay.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdentityTest {
    @TempDir
    Path dir;

    @Test
    void addressIsTheFirst40BitsOfTheHashOfBothPublicKeys() throws Exception {
        Identity id = Identity.generate();
        byte[] digest = MessageDigest.getInstance("SHA-512").digest(id.publicIdentity().keys());
        assertThat(id.address()).isEqualTo(Address.read(digest, 0));
        assertThat(id.address().reserved()).isFalse();
        assertThat(id.address().toString()).matches("[0-9a-f]{10}");
    }

    @Test
    void identitySurvivesARestartOfItsStateDir() throws Exception {
        Identity first = Identity.loadOrCreate(dir);
        Identity again = Identity.loadOrCreate(dir);
        assertThat(again.publicIdentity()).isEqualTo(first.publicIdentity());
        assertThat(Files.readString(dir.resolve("identity.public")).strip()).isEqualTo(first.publicIdentity().toString());
        byte[] msg = "x".getBytes(StandardCharsets.UTF_8);
        assertThat(first.publicIdentity().verify(msg, again.sign(msg))).isTrue();
    }

    @Test
    void publicIdentityWhoseAddressDoesNotMatchItsKeysIsRefused() {
        String text = Identity.generate().publicIdentity().toString();
        String forged = "0123456789" + text.substring(10);
        assertThatThrownBy(() -> PublicIdentity.parse(forged)).hasMessageContaining("does not match its keys");
        assertThat(PublicIdentity.parse(text).toString()).isEqualTo(text);
    }

    @Test
    void secretWithForeignPrivateKeysIsRefused() {
        String a = Identity.generate().secretText();
        String b = Identity.generate().secretText();
        String mixed = a.substring(0, a.lastIndexOf(':')) + b.substring(b.lastIndexOf(':'));
        assertThatThrownBy(() -> Identity.parseSecret(mixed)).hasMessageContaining("do not belong");
    }

    @Test
    void bothSidesAgreeOnTheSharedSecret() {
        Identity a = Identity.generate();
        Identity b = Identity.generate();
        assertThat(a.agree(b.publicIdentity())).isEqualTo(b.agree(a.publicIdentity()));
        assertThat(Arrays.equals(a.agree(b.publicIdentity()), a.agree(Identity.generate().publicIdentity()))).isFalse();
    }

    @Test
    void networkIdIsControllerAddressAndNumber() {
        NetworkId id = NetworkId.of(Address.parse("89e92ceee5"), 0x1c0001);
        assertThat(id.toString()).isEqualTo("89e92ceee51c0001");
        assertThat(id.controller()).isEqualTo(Address.parse("89e92ceee5"));
        assertThat(NetworkId.parse("89e92ceee51c0001")).isEqualTo(id);
        assertThatThrownBy(() -> NetworkId.parse("89e92ceee5")).hasMessageContaining("16 hex");
    }

    @Test
    void macFollowsZeroTierAndMapsBackToTheMember() {
        NetworkId nwid = NetworkId.parse("8056c2e21c000001");
        Address member = Address.parse("89e92ceee5");
        long mac = MacAddress.of(member, nwid);
        // computed independently from ZeroTier's MAC::fromAddress formula
        assertThat(MacAddress.format(mac)).isEqualTo("02:89:e9:30:0c:27");
        assertThat(MacAddress.toAddress(mac, nwid)).isEqualTo(member);
        assertThat(MacAddress.of(member, NetworkId.parse("8056c2e21c000052")) >>> 40).isEqualTo(0x32);
    }
}
