package org.flatracoon.netstack.hesiod.update;

import static org.assertj.core.api.Assertions.assertThat;

import org.flatracoon.netstack.hesiod.zone.HesiodZone;
import org.flatracoon.netstack.hesiod.zone.ZoneLoader;
import org.flatracoon.netstack.hesiod.zone.ZoneLoaderTestAccess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;
import org.xbill.DNS.Update;

class UpdateProcessorTest {
    private static final Name APEX = Name.fromConstantString("ns.example.org.");
    private static final Name JDOE = Name.fromConstantString("jdoe.passwd.ns.example.org.");
    private static final String JDOE_TXT = "\"jdoe:*:1001:1001:Jane Doe,,,:/home/jdoe:/bin/bash\"";
    private HesiodZone zone;

    @BeforeEach
    void load() throws Exception {
        zone = ZoneLoader.load(ZoneLoaderTestAccess.fixture());
    }

    private static Update update() {
        Update u = new Update(APEX, DClass.HS);
        u.removeAllRecords(Section.ZONE);
        u.addRecord(Record.newRecord(APEX, Type.SOA, DClass.HS), Section.ZONE);
        return u;
    }

    private UpdateResult apply(Update u) {
        return UpdateProcessor.apply(zone, u, DClass.HS);
    }

    @Test
    void allFivePrerequisiteKindsHoldOrFailWithTheirRcode() throws Exception {
        Update inUse = update();
        inUse.present(JDOE);
        assertThat(apply(inUse).rcode()).isEqualTo(Rcode.NOERROR);
        Update notInUse = update();
        notInUse.absent(Name.fromConstantString("nobody.passwd.ns.example.org."));
        assertThat(apply(notInUse).rcode()).isEqualTo(Rcode.NOERROR);

        Update nameMissing = update();
        nameMissing.present(Name.fromConstantString("nobody.passwd.ns.example.org."));
        assertThat(apply(nameMissing).rcode()).isEqualTo(Rcode.NXDOMAIN);
        Update nameUsed = update();
        nameUsed.absent(JDOE);
        assertThat(apply(nameUsed).rcode()).isEqualTo(Rcode.YXDOMAIN);
        Update rrsetMissing = update();
        rrsetMissing.present(JDOE, Type.CNAME);
        assertThat(apply(rrsetMissing).rcode()).isEqualTo(Rcode.NXRRSET);
        Update rrsetExists = update();
        rrsetExists.absent(JDOE, Type.TXT);
        assertThat(apply(rrsetExists).rcode()).isEqualTo(Rcode.YXRRSET);
        Update valueMatches = update();
        valueMatches.present(JDOE, Type.TXT, JDOE_TXT);
        assertThat(apply(valueMatches).rcode()).isEqualTo(Rcode.NOERROR);
        Update valueDiffers = update();
        valueDiffers.present(JDOE, Type.TXT, "\"jdoe:*:1001:1001:Jane Doe,,,:/home/jdoe:/bin/zsh\"");
        assertThat(apply(valueDiffers).rcode()).isEqualTo(Rcode.NXRRSET);
    }

    @Test
    void changingAShellBumpsTheSerialAndRecordsTheDelta() throws Exception {
        Update u = update();
        u.present(JDOE, Type.TXT, JDOE_TXT);
        u.delete(JDOE, Type.TXT);
        u.add(JDOE, Type.TXT, 300, "\"jdoe:*:1001:1001:Jane Doe,,,:/home/jdoe:/bin/zsh\"");
        UpdateResult result = apply(u);
        assertThat(result.rcode()).isEqualTo(Rcode.NOERROR);
        assertThat(result.zone().serial()).isEqualTo(zone.serial() + 1);
        assertThat(result.delta().deleted()).extracting(Record::rdataToString).containsExactly(JDOE_TXT);
        assertThat(result.delta().added()).singleElement().satisfies(r -> assertThat(r.rdataToString()).contains("zsh"));
        assertThat(zone.node(JDOE, DClass.HS).rrset(Type.TXT).get(0).rdataToString()).isEqualTo(JDOE_TXT);
    }

    @Test
    void removingAGroupMemberAndAddingAnAccountWork() throws Exception {
        Name staff = Name.fromConstantString("staff.group.ns.example.org.");
        Update u = update();
        u.delete(staff, Type.TXT);
        u.add(staff, Type.TXT, 300, "\"staff:*:1001:jdoe\"");
        u.add(Name.fromConstantString("bob.passwd.ns.example.org."), Type.TXT, 300,
                "\"bob:*:1003:1001:Bob:/home/bob:/bin/sh\"");
        UpdateResult result = apply(u);
        assertThat(result.rcode()).isEqualTo(Rcode.NOERROR);
        assertThat(result.zone().node(staff, DClass.IN).rrset(Type.TXT).get(0).rdataToString())
                .isEqualTo("\"staff:*:1001:jdoe\"");
        assertThat(result.zone().serial()).isEqualTo(zone.serial() + 1);
    }

    @Test
    void aBadPasswdRecordIsRefusedAndChangesNothing() throws Exception {
        Update u = update();
        u.add(Name.fromConstantString("bad.passwd.ns.example.org."), Type.TXT, 300, "\"bad:*:1003:1001\"");
        UpdateResult result = apply(u);
        assertThat(result.rcode()).isEqualTo(Rcode.REFUSED);
        assertThat(result.reason()).contains("expected 7 fields");
        assertThat(result.change()).isEmpty();
    }

    @Test
    void outOfZoneIsNotzoneAndANoOpKeepsTheSerial() throws Exception {
        Update outside = update();
        outside.add(Name.fromConstantString("x.example.com."), Type.TXT, 300, "\"x\"");
        assertThat(apply(outside).rcode()).isEqualTo(Rcode.NOTZONE);

        Update noop = update();
        noop.delete(Name.fromConstantString("nobody.passwd.ns.example.org."), Type.TXT);
        UpdateResult result = apply(noop);
        assertThat(result.rcode()).isEqualTo(Rcode.NOERROR);
        assertThat(result.change()).isEmpty();
    }

    @Test
    void serialsWrapAroundAndSkipZero() {
        assertThat(UpdateProcessor.nextSerial(4_294_967_295L)).isEqualTo(1);
        assertThat(UpdateProcessor.nextSerial(41)).isEqualTo(42);
    }
}
