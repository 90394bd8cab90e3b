package org.flatracoon.lab.probe.bgp;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.flatracoon.lab.probe.ProbeException;

/** A router's JSON answer (vtysh, our speaker's API), or a clear error naming the request when it printed something else. */
final class FrrJson {

    private static final ObjectMapper JSON = new ObjectMapper();

    private FrrJson() {
    }

    static JsonNode read(String json, String command) {
        try {
            JsonNode root = JSON.readTree(json);
            if (root == null || !root.isObject()) {
                throw new ProbeException("`" + command + "` printed no JSON object: " + abbreviated(json));
            }
            return root;
        } catch (JsonProcessingException e) {
            throw new ProbeException("`" + command + "` printed no JSON: " + abbreviated(json));
        }
    }

    private static String abbreviated(String text) {
        String stripped = text.strip();
        return stripped.length() > 200 ? stripped.substring(0, 200) + "…" : stripped;
    }
}
