package org.flatracoon.netstack.overlay.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ReplayWindowTest {
    private final ReplayWindow window = new ReplayWindow();

    @Test
    void aCounterIsAcceptedOnce() {
        assertThat(window.accept(1)).isTrue();
        assertThat(window.check(1)).isFalse();
        assertThat(window.accept(1)).isFalse();
        assertThat(window.tooOld(1)).isFalse();
    }

    @Test
    void reorderedPacketsInsideTheWindowAreAcceptedOnce() {
        assertThat(window.accept(10)).isTrue();
        assertThat(window.accept(7)).isTrue();
        assertThat(window.accept(9)).isTrue();
        assertThat(window.accept(7)).isFalse();
        assertThat(window.accept(8)).isTrue();
    }

    @Test
    void packetsOlderThanTheWindowAreRefused() {
        window.accept(5000);
        long old = 5000 - ReplayWindow.SIZE;
        assertThat(window.check(old)).isFalse();
        assertThat(window.tooOld(old)).isTrue();
        assertThat(window.accept(old + 1)).isTrue();
    }

    @Test
    void slotsReusedAfterTheWindowMovesDoNotRememberOldCounters() {
        window.accept(5);
        window.accept(1005);
        window.accept(5 + ReplayWindow.SIZE + 10); // moves the window past 5
        // 5 + SIZE shares 5's slot: it is a new counter, not a replay of 5
        assertThat(window.accept(5 + ReplayWindow.SIZE)).isTrue();
        assertThat(window.accept(1005)).isFalse();
    }

    @Test
    void zeroIsNeverAValidCounter() {
        assertThat(window.accept(0)).isFalse();
    }
}
