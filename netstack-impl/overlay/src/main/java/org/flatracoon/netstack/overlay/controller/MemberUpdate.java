package org.flatracoon.netstack.overlay.controller;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import org.flatracoon.netstack.overlay.netconf.Ip;

/** Applies a {@code POST …/member/ADDR} body: {@code authorized}, {@code ipAssignments}, {@code activeBridge}, {@code noAutoAssignIps}. */
final class MemberUpdate {
    private MemberUpdate() {
    }

    static void apply(MemberRecord m, JsonNode body, long now) {
        if (!body.isObject()) {
            throw new ApiException(400, "the body must be a JSON object");
        }
        // validate everything before changing anything
        Boolean authorized = JsonFields.bool(body, "authorized").orElse(null);
        Boolean bridge = JsonFields.bool(body, "activeBridge").orElse(null);
        Boolean noAuto = JsonFields.bool(body, "noAutoAssignIps").orElse(null);
        List<String> ips = null;
        if (body.has("ipAssignments")) {
            ips = new ArrayList<>();
            List<JsonNode> items = JsonFields.array(body, "ipAssignments").orElseThrow();
            for (int i = 0; i < items.size(); i++) {
                JsonNode ip = items.get(i);
                if (!ip.isTextual()) {
                    throw JsonFields.bad("ipAssignments[" + i + "]", "an IP address string", ip);
                }
                try {
                    ips.add(Ip.format(Ip.parse(ip.textValue())));
                } catch (IllegalArgumentException e) {
                    throw new ApiException(400, "'ipAssignments[" + i + "]': " + e.getMessage());
                }
            }
        }
        if (authorized != null && authorized != m.authorized) {
            m.authorized = authorized;
            if (authorized) {
                m.lastAuthorizedTime = now;
            } else {
                m.lastDeauthorizedTime = now;
            }
        }
        if (bridge != null) {
            m.activeBridge = bridge;
        }
        if (noAuto != null) {
            m.noAutoAssignIps = noAuto;
        }
        if (ips != null) {
            m.ipAssignments = ips;
        }
    }
}
