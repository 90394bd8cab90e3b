package org.flatracoon.netstack.overlay.agent;

import java.io.IOException;

/** What the agent does to the host's network configuration; {@link LinuxInterfaces} does it for real. */
public interface HostInterfaces {
    VirtualPort openTap(String name) throws IOException;

    /** Sets MAC and MTU and brings the interface up. */
    void up(String name, long mac, int mtu) throws IOException;

    void down(String name) throws IOException;

    /** {@code cidr} is {@code ADDRESS/PREFIX}. */
    void addAddress(String name, String cidr) throws IOException;

    void removeAddress(String name, String cidr) throws IOException;

    void addRoute(String name, String target, String via) throws IOException;

    void removeRoute(String name, String target, String via) throws IOException;
}
