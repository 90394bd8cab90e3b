package org.flatracoon.lab.wait;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Budgets are named in scenarios as spoken ("within the node readiness budget") and found in budgets.properties. */
class BudgetsTest {

    @Test
    void aSpokenNameFindsTheHyphenatedKey() {
        assertThat(Budgets.defaults().get("node readiness")).isEqualTo(new Budget("node-readiness", Duration.ofSeconds(60)));
    }

    @Test
    void caseUnderscoresAndSurroundingSpaceDoNotMatter() {
        Budget budget = Budgets.defaults().get("node-readiness");
        assertThat(Budgets.defaults().get("  Node_Readiness ")).isEqualTo(budget);
        assertThat(Budgets.defaults().get("NODE  READINESS")).isEqualTo(budget);
    }

    @Test
    void everyBudgetOfTheFileIsThere() {
        assertThat(Budgets.defaults().get("node command").limit()).isEqualTo(Duration.ofSeconds(30));
        assertThat(Budgets.defaults().get("dns answer").limit()).isEqualTo(Duration.ofSeconds(10));
        assertThat(Budgets.defaults().get("link change").limit()).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    void anUnknownNameIsRefusedListingTheKnownOnes() {
        assertThatThrownBy(() -> Budgets.defaults().get("coffee break"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no wait budget named 'coffee break'; budgets.properties has "
                        + "[dns-answer, lab-address-pool, link-change, node-command, node-readiness, overlay-controller-loss,"
                        + " overlay-counters, overlay-deauthorisation, overlay-join, overlay-path-change, zone-transfer]");
    }

    @Test
    void aBudgetDescribesItselfWithNameAndSeconds() {
        assertThat(Budgets.defaults().get("link change")).hasToString("the link-change budget (10.0 s)");
        assertThat(new Budget("blink", Duration.ofMillis(250))).hasToString("the blink budget (0.25 s)");
    }
}
