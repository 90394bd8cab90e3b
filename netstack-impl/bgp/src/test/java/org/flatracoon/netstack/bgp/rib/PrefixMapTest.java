package org.flatracoon.netstack.bgp.rib;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import org.flatracoon.netstack.bgp.wire.Family;
import org.junit.jupiter.api.Test;

class PrefixMapTest {
    @Test
    void behavesLikeAHashMapUnderRandomInsertsAndRemovals() {
        for (Family f : Family.values()) {
            PrefixMap map = new PrefixMap(f, 1);
            Map<String, Integer> model = new HashMap<>();
            Random random = new Random(42);
            for (int n = 0; n < 200_000; n++) {
                long hi = random.nextInt(4096) << 8;
                long lo = f == Family.IPV6 ? random.nextInt(3) : 0;
                int length = 16 + random.nextInt(9);
                String key = hi + "/" + lo + "/" + length;
                if (random.nextInt(3) == 0) {
                    assertThat(map.remove(hi, lo, length)).isEqualTo(model.remove(key) != null);
                } else {
                    int slot = map.insert(hi, lo, length);
                    map.set(slot, 0, n);
                    model.put(key, n);
                }
            }
            assertThat(map.size()).isEqualTo(model.size());
            int seen = 0;
            for (int s = 0; s < map.capacity(); s++) {
                if (map.occupied(s)) {
                    seen++;
                    String key = map.hi(s) + "/" + map.lo(s) + "/" + map.length(s);
                    assertThat(map.get(s, 0)).isEqualTo(model.get(key));
                    assertThat(map.find(map.hi(s), map.lo(s), map.length(s))).isEqualTo(s);
                }
            }
            assertThat(seen).isEqualTo(model.size());
        }
    }

    @Test
    void theSameAddressWithAnotherLengthIsAnotherPrefix() {
        PrefixMap map = new PrefixMap(Family.IPV4, 1);
        map.set(map.insert(0xCB007100L, 0, 24), 0, "a");
        map.set(map.insert(0xCB007100L, 0, 25), 0, "b");
        assertThat(map.get(map.find(0xCB007100L, 0, 24), 0)).isEqualTo("a");
        assertThat(map.get(map.find(0xCB007100L, 0, 25), 0)).isEqualTo("b");
        assertThat(map.find(0xCB007100L, 0, 23)).isEqualTo(-1);
    }
}
