package org.flatracoon.netstack.overlay.controller;

import java.util.ArrayList;
import java.util.List;

/** A member of a network as the controller stores it (ZeroTier's member object, plus endpoints and advertised routes). */
public final class MemberRecord {
    public String id;
    public boolean authorized;
    public boolean activeBridge;
    public boolean noAutoAssignIps;
    public String identity;
    public List<String> ipAssignments = new ArrayList<>();
    public long revision = 1;
    public long creationTime;
    public long lastAuthorizedTime;
    public long lastDeauthorizedTime;
    public long lastSeen;
    /** Underlay endpoints ({@code ip/port}) the member reported in its last config request. */
    public List<String> endpoints = new ArrayList<>();
    /** Pod subnets the member routes; they become managed routes via the member. */
    public List<String> advertisedRoutes = new ArrayList<>();
}
