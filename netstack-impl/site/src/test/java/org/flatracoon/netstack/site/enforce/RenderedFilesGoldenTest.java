package org.flatracoon.netstack.site.enforce;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.flatracoon.netstack.site.config.SiteConfigLoader;
import org.flatracoon.netstack.site.config.SitePolicy;
import org.junit.jupiter.api.Test;

/**
 * The ruleset and tayga.conf rendered from the lab's policy, compared with files a person has read.
 * After an intended change, regenerate with {@code -Dsite.golden.update=true} and review the diff.
 */
class RenderedFilesGoldenTest {
    private static final Path GOLDEN = Path.of("src/test/resources/golden");

    private static SitePolicy policy() throws Exception {
        return SiteConfigLoader.load(Path.of("src/test/resources/config/site.yml"));
    }

    @Test
    void theNftablesRulesetMatchesItsGoldenFile() throws Exception {
        assertGolden("site.nft", NftRuleset.render(policy()));
    }

    @Test
    void taygasConfigurationMatchesItsGoldenFile() throws Exception {
        assertGolden("tayga.conf", TaygaConf.render(policy().nat64()));
    }

    @Test
    void renderingIsAPureFunctionOfThePolicy() throws Exception {
        assertThat(NftRuleset.render(policy())).isEqualTo(NftRuleset.render(policy()));
    }

    @Test
    void theRulesetReplacesItsTableInOneTransaction() throws Exception {
        String ruleset = NftRuleset.render(policy());
        assertThat(ruleset.lines().filter(l -> !l.startsWith("#")).limit(3))
                .containsExactly("table inet flatracoon_site", "delete table inet flatracoon_site",
                        "table inet flatracoon_site {");
    }

    @Test
    void everyDropGoesThroughANamedCounterItDeclares() throws Exception {
        String ruleset = NftRuleset.render(policy());
        ruleset.lines().filter(l -> l.contains(" drop")).forEach(line ->
                assertThat(NftRuleset.COUNTERS).anyMatch(counter -> line.contains("counter name \"" + counter + "\"")));
        NftRuleset.COUNTERS.forEach(counter -> assertThat(ruleset).contains("  counter " + counter + " {"));
    }

    private static void assertGolden(String name, String actual) throws IOException {
        Path file = GOLDEN.resolve(name);
        if (Boolean.getBoolean("site.golden.update")) {
            Files.writeString(file, actual, StandardCharsets.UTF_8);
        }
        assertThat(actual).isEqualTo(Files.readString(file, StandardCharsets.UTF_8));
    }
}
