package org.flatracoon.lab.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void keepsOnlyLowercaseLettersDigitsAndSingleDashes() {
        assertThat(Slugs.slug("BGP: session re-establishes after link flap (IPv6)!"))
                .isEqualTo("bgp-session-re-establishes-after-link-flap-ipv6");
        assertThat(Slugs.slug("Übergang über Ärger")).isEqualTo("ubergang-uber-arger");
        assertThat(Slugs.slug("../../etc/passwd")).isEqualTo("etc-passwd");
    }

    @Test
    void nothingUsableBecomesUnnamed() {
        assertThat(Slugs.slug(null)).isEqualTo("unnamed");
        assertThat(Slugs.slug("")).isEqualTo("unnamed");
        assertThat(Slugs.slug("日本語 !!!")).isEqualTo("unnamed");
    }

    @Test
    void isBoundedAndCutAtAWordBoundary() {
        String slug = Slugs.slug("the overlay keeps forwarding while every single peer in the mesh restarts one by one");
        assertThat(slug).hasSizeLessThanOrEqualTo(Slugs.MAX_LENGTH)
                .matches("[a-z0-9]+(-[a-z0-9]+)*")
                .isEqualTo("the-overlay-keeps-forwarding-while-every-single-peer-in-the");
        assertThat(Slugs.slug("x".repeat(500))).hasSize(Slugs.MAX_LENGTH);
    }

    @Test
    void uniqueAddsACounterOnClash() {
        Set<String> taken = new HashSet<>();
        assertThat(Slugs.unique("ping", taken)).isEqualTo("ping");
        assertThat(Slugs.unique("ping", taken)).isEqualTo("ping-2");
        assertThat(Slugs.unique("ping", taken)).isEqualTo("ping-3");
        String longSlug = "y".repeat(Slugs.MAX_LENGTH);
        Slugs.unique(longSlug, taken);
        assertThat(Slugs.unique(longSlug, taken)).hasSize(Slugs.MAX_LENGTH).endsWith("-2");
    }
}
