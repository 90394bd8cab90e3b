package org.flatracoon.netstack.site.enforce;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NftCountersTest {

    /** As printed by nft 1.0.6 (bookworm) for `nft -j list counters`. */
    private static final String LISTING = """
            {"nftables": [{"metainfo": {"version": "1.0.6", "release_name": "Lester Gooch #5", "json_schema_version": 1}},
            {"counter": {"family": "inet", "name": "ipv4_into_site", "table": "flatracoon_site", "handle": 2,
              "comment": "IPv4 towards the site", "packets": 3, "bytes": 252}},
            {"counter": {"family": "inet", "name": "ipv4_on_site_link", "table": "flatracoon_site", "handle": 1,
              "packets": 0, "bytes": 0}},
            {"counter": {"family": "ip", "name": "other", "table": "someone_else", "handle": 1, "packets": 9, "bytes": 9}}]}
            """;

    @Test
    void readsTheSiteTablesCountersByName() {
        Map<String, NftCounters.Count> counters = NftCounters.parse(LISTING, "flatracoon_site");

        assertThat(counters).containsExactly(
                Map.entry("ipv4_into_site", new NftCounters.Count(3, 252)),
                Map.entry("ipv4_on_site_link", new NftCounters.Count(0, 0)));
    }

    @Test
    void outputThatIsNotNftJsonIsAClearError() {
        assertThatThrownBy(() -> NftCounters.parse("Error: No such file or directory", "flatracoon_site"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> NftCounters.parse("{}", "flatracoon_site"))
                .hasMessageContaining("no \"nftables\" array");
    }
}
