package org.flatracoon.netstack.dns64.server;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.xbill.DNS.Flags;
import org.xbill.DNS.Master;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.OPTRecord;
import org.xbill.DNS.RRset;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SetResponse;
import org.xbill.DNS.Type;
import org.xbill.DNS.Zone;

/**
 * A small in-process upstream resolver on 127.0.0.1 (UDP and TCP) answering from dnsjava zones the way a recursive
 * resolver would: CNAMEs followed inside the zones, negative answers with the SOA (TTL per RFC 2308), REFUSED for
 * other names, TC when the answer does not fit in UDP. It counts the questions it gets.
 */
final class FakeDnsServer implements AutoCloseable {
    private final List<Zone> zones = new ArrayList<>();
    private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
    private final AtomicInteger tcpQueries = new AtomicInteger();
    private final DatagramSocket udp;
    private final ServerSocket tcp;

    FakeDnsServer(String... zoneTexts) throws IOException {
        for (String text : zoneTexts) {
            zones.add(zone(text));
        }
        udp = new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
        tcp = new ServerSocket(udp.getLocalPort(), 16, InetAddress.getLoopbackAddress());
        daemon(this::serveUdp);
        daemon(this::serveTcp);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), udp.getLocalPort());
    }

    /** How often {@code name type} was asked, e.g. {@code "v4only.lab.test. AAAA"}. */
    int count(String question) {
        return counts.getOrDefault(question, new AtomicInteger()).get();
    }

    /** How many questions came over TCP (after a truncated UDP answer). */
    int tcpQueries() {
        return tcpQueries.get();
    }

    private static Zone zone(String text) throws IOException {
        Master master = new Master(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)));
        List<Record> records = new ArrayList<>();
        for (Record r = master.nextRecord(); r != null; r = master.nextRecord()) {
            records.add(r);
        }
        return new Zone(records.get(0).getName(), records.toArray(new Record[0]));
    }

    Message answer(Message query) {
        Record question = query.getQuestion();
        counts.computeIfAbsent(question.getName() + " " + Type.string(question.getType()), k -> new AtomicInteger())
                .incrementAndGet();
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.RD);
        response.getHeader().setFlag(Flags.RA);
        response.addRecord(question, Section.QUESTION);
        Name name = question.getName();
        for (int hop = 0; hop < 8; hop++) {
            Zone zone = zoneFor(name);
            if (zone == null) {
                response.getHeader().setRcode(hop == 0 ? Rcode.REFUSED : Rcode.NOERROR);
                break;
            }
            SetResponse found = zone.findRecords(name, question.getType());
            if (found.isSuccessful()) {
                for (RRset set : found.answers()) {
                    set.rrs().forEach(r -> response.addRecord(r, Section.ANSWER));
                }
                break;
            }
            if (found.isCNAME()) {
                response.addRecord(found.getCNAME(), Section.ANSWER);
                name = found.getCNAME().getTarget();
                continue;
            }
            if (found.isNXDOMAIN()) {
                response.getHeader().setRcode(Rcode.NXDOMAIN);
            }
            SOARecord soa = zone.getSOA();
            response.addRecord(new SOARecord(soa.getName(), soa.getDClass(), Math.min(soa.getTTL(), soa.getMinimum()),
                    soa.getHost(), soa.getAdmin(), soa.getSerial(), soa.getRefresh(), soa.getRetry(), soa.getExpire(),
                    soa.getMinimum()), Section.AUTHORITY);
            break;
        }
        if (query.getOPT() != null) {
            response.addRecord(new OPTRecord(1232, 0, 0, query.getOPT().getFlags()), Section.ADDITIONAL);
        }
        return response;
    }

    private Zone zoneFor(Name name) {
        return zones.stream().filter(z -> name.subdomain(z.getOrigin()))
                .max((a, b) -> Integer.compare(a.getOrigin().labels(), b.getOrigin().labels())).orElse(null);
    }

    private void serveUdp() {
        byte[] buffer = new byte[65_535];
        while (!udp.isClosed()) {
            try {
                DatagramPacket packet = new DatagramPacket(buffer, buffer.length);
                udp.receive(packet);
                Message query = new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength()));
                Message response = answer(query);
                int limit = query.getOPT() != null ? query.getOPT().getPayloadSize() : 512;
                byte[] wire = response.toWire();
                if (wire.length > limit) {
                    Message truncated = new Message(response.getHeader().getID());
                    truncated.getHeader().setFlag(Flags.QR);
                    truncated.getHeader().setFlag(Flags.TC);
                    truncated.addRecord(query.getQuestion(), Section.QUESTION);
                    wire = truncated.toWire();
                }
                udp.send(new DatagramPacket(wire, wire.length, packet.getSocketAddress()));
            } catch (IOException e) {
                // closed, or a packet we do not care about
            }
        }
    }

    private void serveTcp() {
        while (!tcp.isClosed()) {
            try (Socket socket = tcp.accept()) {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                byte[] packet = new byte[in.readUnsignedShort()];
                in.readFully(packet);
                tcpQueries.incrementAndGet();
                byte[] wire = answer(new Message(packet)).toWire();
                DataOutputStream out = new DataOutputStream(socket.getOutputStream());
                out.writeShort(wire.length);
                out.write(wire);
                out.flush();
            } catch (IOException e) {
                // closed, or a client that went away
            }
        }
    }

    private static void daemon(Runnable body) {
        Thread t = new Thread(body, "fake-upstream");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void close() throws IOException {
        udp.close();
        tcp.close();
    }
}
