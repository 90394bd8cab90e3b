package org.flatracoon.netstack.overlay.agent;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.flatracoon.netstack.overlay.identity.MacAddress;
import org.flatracoon.netstack.overlay.wire.Packet;

/** The real host: TAP through {@code /dev/net/tun}, addresses and routes through iproute2's {@code ip}. */
public final class LinuxInterfaces implements HostInterfaces {
    @Override
    public VirtualPort openTap(String name) throws IOException {
        return LinuxTap.create(name, Packet.MAX_UDP);
    }

    @Override
    public void up(String name, long mac, int mtu) throws IOException {
        ip("link", "set", "dev", name, "address", MacAddress.format(mac), "mtu", Integer.toString(mtu), "up");
    }

    @Override
    public void down(String name) throws IOException {
        ip("link", "set", "dev", name, "down");
    }

    @Override
    public void addAddress(String name, String cidr) throws IOException {
        List<String> args = new ArrayList<>(List.of("addr", "replace", cidr, "dev", name));
        if (cidr.contains(":")) {
            args.add("nodad"); // the controller guarantees uniqueness; DAD would delay the address by seconds
        }
        ip(args.toArray(String[]::new));
    }

    @Override
    public void removeAddress(String name, String cidr) throws IOException {
        ip("addr", "del", cidr, "dev", name);
    }

    @Override
    public void addRoute(String name, String target, String via) throws IOException {
        ip(family(target), "route", "replace", target, "via", via, "dev", name);
    }

    @Override
    public void removeRoute(String name, String target, String via) throws IOException {
        ip(family(target), "route", "del", target, "via", via, "dev", name);
    }

    private static String family(String target) {
        return target.contains(":") ? "-6" : "-4";
    }

    private static void ip(String... args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add("ip");
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        try {
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new IOException(String.join(" ", command) + ": timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(String.join(" ", command) + ": interrupted");
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (p.exitValue() != 0) {
            throw new IOException(String.join(" ", command) + ": " + output);
        }
    }
}
