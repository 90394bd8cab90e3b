package org.flatracoon.netstack.site.enforce;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Reads the named counters of the site table out of {@code nft -j list counters}. */
public final class NftCounters {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Packets and bytes one counter has seen since the ruleset was applied. */
    public record Count(long packets, long bytes) {
    }

    private NftCounters() {
    }

    /** The counters of {@code table} by name; other tables' counters are ignored. */
    public static Map<String, Count> parse(String json, String table) {
        JsonNode root;
        try {
            root = JSON.readTree(json);
        } catch (IOException e) {
            throw new IllegalArgumentException("nft -j output is not JSON: " + e.getMessage());
        }
        JsonNode items = root == null ? null : root.get("nftables");
        if (items == null || !items.isArray()) {
            throw new IllegalArgumentException("nft -j output has no \"nftables\" array");
        }
        Map<String, Count> counters = new LinkedHashMap<>();
        for (JsonNode item : items) {
            JsonNode counter = item.get("counter");
            if (counter != null && table.equals(counter.path("table").asText())) {
                counters.put(counter.path("name").asText(),
                        new Count(counter.path("packets").asLong(), counter.path("bytes").asLong()));
            }
        }
        return counters;
    }
}
