package org.flatracoon.lab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LabVersionTest {

    @Test
    void imagesAreTaggedWithTheVersionUnlessAnotherTagIsAskedFor() {
        assertThat(LabVersion.imageTagFrom(null)).isEqualTo(LabVersion.get());
        assertThat(LabVersion.imageTagFrom(" ")).isEqualTo(LabVersion.get());
        assertThat(LabVersion.imageTagFrom("0.1.0-bgp")).isEqualTo("0.1.0-bgp");
    }

    @Test
    void aTagDockerWouldRefuseIsRefusedWithItsName() {
        assertThatThrownBy(() -> LabVersion.imageTagFrom("no/slashes"))
                .hasMessageContaining("FLATRACOON_IMAGE_TAG='no/slashes' is not a valid image tag");
    }
}
