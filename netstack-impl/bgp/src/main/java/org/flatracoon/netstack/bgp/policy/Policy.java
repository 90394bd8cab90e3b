package org.flatracoon.netstack.bgp.policy;

import java.util.Arrays;
import java.util.List;
import org.flatracoon.netstack.bgp.wire.AsPath;
import org.flatracoon.netstack.bgp.wire.AttributeInterner;
import org.flatracoon.netstack.bgp.wire.Family;
import org.flatracoon.netstack.bgp.wire.PathAttributes;
import org.flatracoon.netstack.bgp.wire.Prefixes;

/**
 * A named import or export policy: rules in order, first verdict wins, reject at the end. Evaluation is cheap
 * when nothing changes (the same attribute object comes back), and the result of a policy that looks only at
 * attributes is cached per attribute set, so a million routes sharing one set cost one evaluation.
 */
public final class Policy {
    /** What the policy needs from the session: our AS (for prepend) and our address (for next-hop-self). */
    public record Context(long ownAs, byte[] selfNextHop) {
    }

    private final String name;
    private final List<Rule> rules;
    private final boolean prefixIndependent;
    private PathAttributes cachedIn;
    private PathAttributes cachedOut;
    private boolean cachedAccepted;
    private Context cachedContext;

    public Policy(String name, List<Rule> rules) {
        this.name = name;
        this.rules = List.copyOf(rules);
        this.prefixIndependent = rules.stream().noneMatch(r -> r.match().dependsOnPrefix());
    }

    public static Policy acceptAll(String name) {
        return new Policy(name, List.of(new Rule(Rule.Match.ANY, Rule.Set.NONE, true)));
    }

    public String name() {
        return name;
    }

    public List<Rule> rules() {
        return rules;
    }

    /** The attributes to use, or null if the route is rejected. */
    public PathAttributes apply(Family family, long hi, long lo, int length, PathAttributes in, Context ctx,
                                AttributeInterner interner) {
        if (prefixIndependent && in == cachedIn && ctx == cachedContext) {
            return cachedAccepted ? cachedOut : null;
        }
        PathAttributes current = in;
        PathAttributes result = null;
        boolean decided = false;
        for (Rule rule : rules) {
            if (!matches(rule.match(), family, hi, lo, length, current)) {
                continue;
            }
            current = modify(family, current, rule.set(), ctx, interner);
            if (rule.accept() != null) {
                result = rule.accept() ? current : null;
                decided = true;
                break;
            }
        }
        if (!decided) {
            result = null;
        }
        if (prefixIndependent) {
            cachedIn = in;
            cachedOut = result;
            cachedAccepted = result != null;
            cachedContext = ctx;
        }
        return result;
    }

    private String lastPathText;
    private int[] lastPath;

    private boolean matches(Rule.Match m, Family family, long hi, long lo, int length, PathAttributes a) {
        if (m.family() != null && m.family() != family) {
            return false;
        }
        if (m.prefixes() != null && !m.prefixes().matches(family, hi, lo, length)) {
            return false;
        }
        int pathLength = AsPath.length(a.asPath());
        if (pathLength < m.asPathMin() || pathLength > m.asPathMax()) {
            return false;
        }
        if (m.asPath() != null) {
            if (lastPath != a.asPath()) {
                lastPath = a.asPath();
                lastPathText = AsPath.format(lastPath);
            }
            if (!m.asPath().matcher(lastPathText).find()) {
                return false;
            }
        }
        if (m.communities() != null && Arrays.stream(m.communities()).noneMatch(a::hasCommunity)) {
            return false;
        }
        if (m.largeCommunities() != null) {
            boolean any = false;
            int[] l = m.largeCommunities();
            for (int i = 0; i + 2 < l.length && !any; i += 3) {
                any = a.hasLargeCommunity(l[i], l[i + 1], l[i + 2]);
            }
            if (!any) {
                return false;
            }
        }
        return true;
    }

    private static PathAttributes modify(Family family, PathAttributes a, Rule.Set s, Context ctx,
                                         AttributeInterner interner) {
        if (s.isEmpty()) {
            return a;
        }
        PathAttributes.Builder b = a.toBuilder();
        if (s.localPref() != null) {
            b.localPref(s.localPref());
        }
        if (s.med() != null) {
            b.med(s.med());
        }
        if (s.prepend() > 0) {
            b.asPath(AsPath.prepend(a.asPath(), ctx.ownAs(), s.prepend()));
        }
        if (s.communityRemove() != null) {
            b.communities(Arrays.stream(b.communities()).filter(c -> Arrays.stream(s.communityRemove()).noneMatch(r -> r == c))
                    .toArray());
        }
        if (s.communityAdd() != null) {
            int[] c = b.communities();
            for (int add : s.communityAdd()) {
                if (Arrays.stream(c).noneMatch(x -> x == add)) {
                    c = Arrays.copyOf(c, c.length + 1);
                    c[c.length - 1] = add;
                }
            }
            b.communities(c);
        }
        if (s.largeCommunityRemove() != null) {
            b.largeCommunities(removeTriples(b.largeCommunities(), s.largeCommunityRemove()));
        }
        if (s.largeCommunityAdd() != null) {
            int[] l = b.largeCommunities();
            int[] add = s.largeCommunityAdd();
            for (int i = 0; i + 2 < add.length; i += 3) {
                if (!containsTriple(l, add[i], add[i + 1], add[i + 2])) {
                    l = Arrays.copyOf(l, l.length + 3);
                    System.arraycopy(add, i, l, l.length - 3, 3);
                }
            }
            b.largeCommunities(l);
        }
        if (s.nextHopSelf() && ctx.selfNextHop() != null) {
            b.nextHop(ctx.selfNextHop());
        }
        if (s.nextHop() != null) {
            b.nextHop(family == Family.IPV6 ? Prefixes.asIpv6(s.nextHop()) : s.nextHop().length == 4 ? s.nextHop() : a.nextHop());
        }
        return interner.intern(b.build());
    }

    private static boolean containsTriple(int[] l, int g, int a, int c) {
        for (int i = 0; i + 2 < l.length; i += 3) {
            if (l[i] == g && l[i + 1] == a && l[i + 2] == c) {
                return true;
            }
        }
        return false;
    }

    private static int[] removeTriples(int[] l, int[] remove) {
        int[] out = new int[l.length];
        int o = 0;
        for (int i = 0; i + 2 < l.length; i += 3) {
            if (!containsTriple(remove, l[i], l[i + 1], l[i + 2])) {
                System.arraycopy(l, i, out, o, 3);
                o += 3;
            }
        }
        return Arrays.copyOf(out, o);
    }

    @Override
    public String toString() {
        return name;
    }
}
