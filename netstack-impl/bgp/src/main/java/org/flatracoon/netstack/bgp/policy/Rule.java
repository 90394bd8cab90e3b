package org.flatracoon.netstack.bgp.policy;

import java.util.regex.Pattern;
import org.flatracoon.netstack.bgp.wire.Family;

/**
 * One policy rule: when every given match holds, apply the sets, then accept or reject; a rule without a verdict
 * ({@code accept == null}) goes on to the next rule with the modified attributes.
 */
public record Rule(Match match, Set set, Boolean accept) {

    /** All non-null conditions must hold. Community lists match if any of their values is present. */
    public record Match(PrefixFilter prefixes, Pattern asPath, int asPathMin, int asPathMax, int[] communities,
                        int[] largeCommunities, Family family) {
        public static final Match ANY = new Match(null, null, 0, Integer.MAX_VALUE, null, null, null);

        boolean dependsOnPrefix() {
            return prefixes != null || family != null;
        }
    }

    /** Modifications; null/0/false/empty means unchanged. */
    public record Set(Long localPref, Long med, int prepend, int[] communityAdd, int[] communityRemove,
                      int[] largeCommunityAdd, int[] largeCommunityRemove, boolean nextHopSelf, byte[] nextHop) {
        public static final Set NONE = new Set(null, null, 0, null, null, null, null, false, null);

        boolean isEmpty() {
            return this.equals(NONE) || (localPref == null && med == null && prepend == 0 && communityAdd == null
                    && communityRemove == null && largeCommunityAdd == null && largeCommunityRemove == null && !nextHopSelf
                    && nextHop == null);
        }
    }
}
