package org.flatracoon.netstack.overlay.controller;

/** An IP assignment pool, as in ZeroTier's network object. */
public record Pool(String ipRangeStart, String ipRangeEnd) {
}
