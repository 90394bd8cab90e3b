package org.flatracoon.netstack.overlay.netconf;

/** A managed route: {@code via} null means the target is the network itself (addresses take its prefix). */
public record Route(String target, String via) {
}
