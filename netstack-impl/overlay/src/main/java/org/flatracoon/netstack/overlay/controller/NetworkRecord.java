package org.flatracoon.netstack.overlay.controller;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.flatracoon.netstack.overlay.netconf.Route;

/** A network as the controller stores it (ZeroTier's network object) with its members. */
public final class NetworkRecord {
    public static final int DEFAULT_MTU = 2800;

    public String id;
    public String name = "";
    @JsonProperty("private")
    public boolean privateNetwork = true;
    public long creationTime;
    public long revision = 1;
    public int mtu = DEFAULT_MTU;
    public boolean enableBroadcast = true;
    public int multicastLimit = 32;
    public Map<String, Boolean> v4AssignMode = new LinkedHashMap<>(Map.of("zt", false));
    public Map<String, Boolean> v6AssignMode = new LinkedHashMap<>(Map.of("zt", false, "rfc4193", false,
            "6plane", false));
    public List<Route> routes = new ArrayList<>();
    public List<Pool> ipAssignmentPools = new ArrayList<>();
    public List<JsonNode> rules = new ArrayList<>(List.of(
            JsonNodeFactory.instance.objectNode().put("type", "ACTION_ACCEPT")));
    public Map<String, MemberRecord> members = new TreeMap<>();

    boolean v4Auto() {
        return Boolean.TRUE.equals(v4AssignMode.get("zt"));
    }

    boolean v6Auto() {
        return Boolean.TRUE.equals(v6AssignMode.get("zt"));
    }

    boolean rfc4193() {
        return Boolean.TRUE.equals(v6AssignMode.get("rfc4193"));
    }

    boolean sixPlane() {
        return Boolean.TRUE.equals(v6AssignMode.get("6plane"));
    }

    /** Authorised, or the network is public (which admits every member). */
    boolean admits(MemberRecord m) {
        return m.authorized || !privateNetwork;
    }
}
