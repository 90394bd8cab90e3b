package org.flatracoon.netstack.hesiod.server;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetSocketAddress;
import java.net.SocketTimeoutException;
import java.util.Arrays;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadLocalRandom;
import org.flatracoon.netstack.hesiod.tsig.TsigKey;
import org.flatracoon.netstack.hesiod.tsig.TsigKeyring;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Message;
import org.xbill.DNS.Opcode;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.Type;

/**
 * Sends RFC 1996 NOTIFY messages to a zone's secondaries after each change, in the background: opcode NOTIFY,
 * AA, question {@code <apex> SOA <class>} and the new SOA in ANSWER, signed with the zone's transfer key if
 * it has one, once per class the zone is served in: a BIND secondary keeps one copy per class (an HS view
 * for Hesiod's class, an IN view for clients such as Debian's hesinfo) and each copy listens for its own
 * class. Each is retried with a doubling timeout until the secondary answers.
 */
final class NotifySender implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(NotifySender.class);
    static final int ATTEMPTS = 5;
    static final int FIRST_TIMEOUT_MILLIS = 1_000;

    private final TsigKeyring keyring;
    private final HesiodMetrics metrics;
    private final ExecutorService senders = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "hesiod-notify");
        t.setDaemon(true);
        return t;
    });

    NotifySender(TsigKeyring keyring, HesiodMetrics metrics) {
        this.keyring = keyring;
        this.metrics = metrics;
    }

    void zoneChanged(ServedZone zone) {
        if (!zone.loaded()) {
            return;
        }
        for (int dclass : new int[] {DClass.HS, DClass.IN}) {
            SOARecord soa = zone.zone().soa(dclass);
            for (InetSocketAddress target : zone.settings().notifyTargets()) {
                try {
                    senders.execute(() -> send(target, soa, zone.settings().transferKey().orElse(null)));
                } catch (RejectedExecutionException e) {
                    return; // shutting down
                }
            }
        }
    }

    static Message notifyMessage(SOARecord soa) {
        Message m = new Message(ThreadLocalRandom.current().nextInt(0x10000));
        m.getHeader().setOpcode(Opcode.NOTIFY);
        m.getHeader().setFlag(Flags.AA);
        m.addRecord(Record.newRecord(soa.getName(), Type.SOA, soa.getDClass()), Section.QUESTION);
        m.addRecord(soa, Section.ANSWER);
        return m;
    }

    private void send(InetSocketAddress target, SOARecord soa, TsigKey key) {
        Message notify = notifyMessage(soa);
        if (key != null) {
            notify.setTSIG(keyring.tsig(key), Rcode.NOERROR, null);
        }
        byte[] wire = notify.toWire(65_535);
        int timeout = FIRST_TIMEOUT_MILLIS;
        try (DatagramSocket socket = new DatagramSocket()) {
            for (int attempt = 1; attempt <= ATTEMPTS && !senders.isShutdown(); attempt++, timeout *= 2) {
                socket.send(new DatagramPacket(wire, wire.length, target));
                socket.setSoTimeout(timeout);
                Message answer = awaitAnswer(socket, notify.getHeader().getID());
                if (answer != null) {
                    boolean ok = answer.getRcode() == Rcode.NOERROR;
                    metrics.notifySent(ok ? "acknowledged" : "rejected");
                    if (!ok) {
                        LOG.warn("NOTIFY {} serial {} to {}: {}", soa.getName(), soa.getSerial(), target,
                                Rcode.string(answer.getRcode()));
                    }
                    return;
                }
            }
        } catch (IOException e) {
            LOG.debug("NOTIFY to {}: {}", target, e.toString());
        }
        metrics.notifySent("unanswered");
        LOG.warn("NOTIFY {} serial {} to {}: no answer after {} attempts", soa.getName(), soa.getSerial(), target,
                ATTEMPTS);
    }

    /** The answer with our id, or null on timeout; other packets are skipped. */
    private static Message awaitAnswer(DatagramSocket socket, int id) throws IOException {
        byte[] buffer = new byte[4096];
        while (true) {
            DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
            try {
                socket.receive(packet);
            } catch (SocketTimeoutException e) {
                return null;
            }
            try {
                Message m = new Message(Arrays.copyOf(packet.getData(), packet.getLength()));
                if (m.getHeader().getID() == id && m.getHeader().getFlag(Flags.QR)
                        && m.getHeader().getOpcode() == Opcode.NOTIFY) {
                    return m;
                }
            } catch (IOException e) {
                LOG.debug("unreadable NOTIFY answer: {}", e.toString());
            }
        }
    }

    @Override
    public void close() {
        senders.shutdownNow();
    }
}
