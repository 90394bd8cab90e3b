package org.flatracoon.lab.probe;

import static org.assertj.core.api.Assertions.assertThat;

import org.flatracoon.lab.backend.ExecResult;
import org.flatracoon.lab.probe.Ping.PingResult;
import org.flatracoon.lab.timeline.EventKind;
import org.flatracoon.lab.timeline.Timeline;
import org.junit.jupiter.api.Test;

/** What iputils ping (20221126, as in our images) printed, read into a result. */
class PingTest {

    private static PingResult ping(ExecResult printed, String address, int count) {
        return new Ping(new FakeNode("a").answers("ping", printed)).send(address, count);
    }

    @Test
    void repliesAreCounted() {
        PingResult result = ping(new ExecResult(0, """
                PING 198.51.100.2 (198.51.100.2) 56(84) bytes of data.
                64 bytes from 198.51.100.2: icmp_seq=1 ttl=64 time=0.304 ms
                64 bytes from 198.51.100.2: icmp_seq=2 ttl=64 time=0.086 ms

                --- 198.51.100.2 ping statistics ---
                2 packets transmitted, 2 received, 0% packet loss, time 202ms
                rtt min/avg/max/mdev = 0.086/0.195/0.304/0.109 ms
                """, ""), "198.51.100.2", 2);

        assertThat(result).extracting(PingResult::address, PingResult::transmitted, PingResult::received)
                .containsExactly("198.51.100.2", 2, 2);
        assertThat(result.anyReply()).isTrue();
    }

    @Test
    void someRepliesLost() {
        PingResult result = ping(new ExecResult(0, """
                PING 2001:db8:100::2 (2001:db8:100::2) 56 data bytes
                64 bytes from 2001:db8:100::2: icmp_seq=3 ttl=64 time=0.070 ms

                --- 2001:db8:100::2 ping statistics ---
                3 packets transmitted, 1 received, 66.6667% packet loss, time 406ms
                rtt min/avg/max/mdev = 0.070/0.070/0.070/0.000 ms
                """, ""), "2001:db8:100::2", 3);

        assertThat(result.transmitted()).isEqualTo(3);
        assertThat(result.received()).isEqualTo(1);
        assertThat(result.anyReply()).isTrue();
    }

    @Test
    void totalLoss() {
        PingResult result = ping(new ExecResult(1, """
                PING 198.51.100.99 (198.51.100.99) 56(84) bytes of data.

                --- 198.51.100.99 ping statistics ---
                3 packets transmitted, 0 received, 100% packet loss, time 405ms

                """, ""), "198.51.100.99", 3);

        assertThat(result.transmitted()).isEqualTo(3);
        assertThat(result.received()).isZero();
        assertThat(result.anyReply()).isFalse();
    }

    @Test
    void totalLossWithErrors() {
        PingResult result = ping(new ExecResult(1, """
                PING 198.51.100.9 (198.51.100.9) 56(84) bytes of data.
                From 198.51.100.1 icmp_seq=1 Destination Host Unreachable
                From 198.51.100.1 icmp_seq=2 Destination Host Unreachable

                --- 198.51.100.9 ping statistics ---
                2 packets transmitted, 0 received, +2 errors, 100% packet loss, time 1020ms
                """, ""), "198.51.100.9", 2);

        assertThat(result.transmitted()).isEqualTo(2);
        assertThat(result.received()).isZero();
        assertThat(result.output()).contains("Destination Host Unreachable");
    }

    @Test
    void networkUnreachableSendsNothingAndSaysWhy() {
        // ping prints no statistics when it cannot send at all
        PingResult result = ping(new ExecResult(2, "", "ping: connect: Network is unreachable\n"), "203.0.113.3", 2);

        assertThat(result.transmitted()).isZero();
        assertThat(result.received()).isZero();
        assertThat(result.anyReply()).isFalse();
        assertThat(result.output()).isEqualTo("ping: connect: Network is unreachable");
    }

    @Test
    void pingsNumericallyWithTheGivenCountAndAShortWait() {
        FakeNode a = new FakeNode("a").answers("ping", new ExecResult(1, "", ""));

        new Ping(a).send("2001:db8:100::2", 4);

        assertThat(a.commands()).singleElement().satisfies(command -> assertThat(command)
                .startsWith("ping", "-n")
                .containsSubsequence("-c", "4")
                .endsWith("2001:db8:100::2"));
    }

    @Test
    void aPingIsOnTheTimelineWithWhatCameBack() {
        Timeline timeline = new Timeline();
        try (Timeline.Scope bound = Timeline.bind(timeline)) {
            ping(new ExecResult(1, """
                    --- 198.51.100.2 ping statistics ---
                    3 packets transmitted, 0 received, 100% packet loss, time 410ms
                    """, ""), "198.51.100.2", 3);
        }

        assertThat(timeline.events()).singleElement().satisfies(event -> {
            assertThat(event.kind()).isEqualTo(EventKind.PROBE);
            assertThat(event.subject()).isEqualTo("ping 198.51.100.2 from a");
            assertThat(event.detail()).isEqualTo("0/3 replies");
            assertThat(event.took()).isPresent();
        });
    }
}
